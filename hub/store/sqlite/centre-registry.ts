import type { ConsoleActionRecord } from '@shared/console/console-api';
import type { Db } from '@shared/node/sqlite/open-sqlite';
import { STAFF_SIGN_IN_EVENTS } from '@shared/sync/centre-state';
import type { AddStaffOutcome, Centre, CentreStaff, NewCentreStaff, StaffChange, StaffSignInEvent, StoredCentreSettings } from '../hub-store';
import type { ConsoleActions } from './console-actions';

interface CentreRow {
  id: string;
  name: string;
  badge_key: string;
  created_at: string;
}

interface StaffRow {
  staff_id: string;
  centre_id: string;
  name: string;
  role: CentreStaff['role'];
  pin_hash: string;
  badge_hash: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

const toCentre = (row: CentreRow): Centre => ({ id: row.id, name: row.name, badgeKey: row.badge_key, createdAt: row.created_at });
const toStaff = (row: StaffRow): CentreStaff => ({
  staffId: row.staff_id,
  centreId: row.centre_id,
  name: row.name,
  role: row.role,
  pinHash: row.pin_hash,
  badgeHash: row.badge_hash,
  disabledAt: row.disabled_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Service centres, which kiosk stands in which, each centre's staff and its settings. */
export class CentreRegistry {
  private readonly addCentreStmt;
  private readonly listCentresStmt;
  private readonly centreStmt;
  private readonly kioskExistsStmt;
  private readonly moveKioskStmt;
  private readonly kioskCentreStmt;
  private readonly staffStmt;
  private readonly badgeStmt;
  private readonly addStaffStmt;
  private readonly listStaffStmt;
  private readonly changeStmts;
  private readonly signInsStmt;
  private readonly setSettingsStmt;
  private readonly settingsStmt;

  constructor(
    private readonly db: Db,
    private readonly actions: ConsoleActions,
  ) {
    this.addCentreStmt = db.prepare('INSERT OR IGNORE INTO centres (id, name, badge_key, created_at) VALUES (?, ?, ?, ?)');
    this.listCentresStmt = db.prepare<[], CentreRow>('SELECT * FROM centres ORDER BY id');
    this.centreStmt = db.prepare<[string], CentreRow>('SELECT * FROM centres WHERE id = ?');
    this.kioskExistsStmt = db.prepare<[string], { id: string }>('SELECT id FROM kiosks WHERE id = ?');
    this.moveKioskStmt = db.prepare('UPDATE kiosks SET centre_id = ? WHERE id = ?');
    this.kioskCentreStmt = db.prepare<[string], CentreRow>('SELECT c.* FROM kiosks k JOIN centres c ON c.id = k.centre_id WHERE k.id = ?');
    this.staffStmt = db.prepare<[string], StaffRow>('SELECT * FROM centre_staff WHERE staff_id = ?');
    this.badgeStmt = db.prepare<[string], { staff_id: string }>('SELECT staff_id FROM centre_staff WHERE badge_hash = ?');
    this.addStaffStmt = db.prepare(
      `INSERT INTO centre_staff (staff_id, centre_id, name, role, pin_hash, badge_hash, created_at, updated_at)
       VALUES (@staffId, @centreId, @name, @role, @pinHash, @badgeHash, @at, @at)`,
    );
    this.listStaffStmt = db.prepare<[string], StaffRow>('SELECT * FROM centre_staff WHERE centre_id = ? ORDER BY staff_id');
    this.changeStmts = {
      // Disabling keeps the first time it happened; enabling clears it.
      disabled: db.prepare<[{ disable: number; at: string; staffId: string }]>(
        'UPDATE centre_staff SET disabled_at = CASE WHEN @disable = 1 THEN coalesce(disabled_at, @at) END, updated_at = @at WHERE staff_id = @staffId',
      ),
      role: db.prepare<[string, string, string]>('UPDATE centre_staff SET role = ?, updated_at = ? WHERE staff_id = ?'),
      pinHash: db.prepare<[string, string, string]>('UPDATE centre_staff SET pin_hash = ?, updated_at = ? WHERE staff_id = ?'),
    };
    // The event types are written into the statement, not bound, so the partial index applies.
    this.signInsStmt = db.prepare<[string, string], { staff_id: unknown; type: string; received_at: string }>(
      `SELECT json_extract(e.payload, '$.staffId') AS staff_id, e.type, e.received_at
       FROM kiosks k JOIN kiosk_events e ON e.kiosk_id = k.id
       WHERE k.centre_id = ? AND e.type IN ('${STAFF_SIGN_IN_EVENTS.failed}', '${STAFF_SIGN_IN_EVENTS.succeeded}')
         AND e.received_at >= ? AND e.rejected_reason IS NULL
       ORDER BY e.received_at, e.kiosk_id, e.seq`,
    );
    this.setSettingsStmt = db.prepare<[{ centreId: string; document: string; updatedBy: string; updatedAt: string }]>(
      `INSERT INTO centre_settings (centre_id, document, updated_by, updated_at) VALUES (@centreId, @document, @updatedBy, @updatedAt)
       ON CONFLICT (centre_id) DO UPDATE SET document = excluded.document, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    this.settingsStmt = db.prepare<[string], { document: string; updated_by: string; updated_at: string }>('SELECT document, updated_by, updated_at FROM centre_settings WHERE centre_id = ?');
  }

  /** Makes a change and, only when it was made, writes its console record in the same transaction. */
  private recorded<T>(record: ConsoleActionRecord | undefined, made: (outcome: T) => boolean, change: () => T): T {
    return this.db.transaction(() => {
      const outcome = change();
      if (record !== undefined && made(outcome)) this.actions.record(record);
      return outcome;
    })();
  }

  addCentre(centre: Centre, record?: ConsoleActionRecord): boolean {
    return this.recorded(record, (added) => added, () => this.addCentreStmt.run(centre.id, centre.name, centre.badgeKey, centre.createdAt).changes === 1);
  }

  listCentres(): Centre[] {
    return this.listCentresStmt.all().map(toCentre);
  }

  setKioskCentre(kioskId: string, centreId: string, record?: ConsoleActionRecord): 'moved' | 'no-kiosk' | 'no-centre' {
    return this.recorded(record, (outcome) => outcome === 'moved', () => {
      if (!this.kioskExistsStmt.get(kioskId)) return 'no-kiosk';
      if (!this.centreStmt.get(centreId)) return 'no-centre';
      this.moveKioskStmt.run(centreId, kioskId);
      return 'moved';
    });
  }

  kioskCentre(kioskId: string): Centre | null {
    const row = this.kioskCentreStmt.get(kioskId);
    return row ? toCentre(row) : null;
  }

  addStaff(staff: NewCentreStaff, at: string, record?: ConsoleActionRecord): AddStaffOutcome {
    return this.recorded(record, (outcome) => outcome === 'added', (): AddStaffOutcome => {
      if (!this.centreStmt.get(staff.centreId)) return 'no-centre';
      if (this.staffStmt.get(staff.staffId)) return 'exists';
      if (staff.badgeHash !== null && this.badgeStmt.get(staff.badgeHash)) return 'badge-taken';
      this.addStaffStmt.run({ ...staff, at });
      return 'added';
    });
  }

  changeStaff(staffId: string, change: StaffChange, at: string, record?: ConsoleActionRecord): boolean {
    return this.recorded(record, (changed) => changed, () => {
      if ('disabled' in change) return this.changeStmts.disabled.run({ disable: change.disabled ? 1 : 0, at, staffId }).changes === 1;
      if ('role' in change) return this.changeStmts.role.run(change.role, at, staffId).changes === 1;
      return this.changeStmts.pinHash.run(change.pinHash, at, staffId).changes === 1;
    });
  }

  findStaff(staffId: string): CentreStaff | undefined {
    const row = this.staffStmt.get(staffId);
    return row && toStaff(row);
  }

  listStaff(centreId: string): CentreStaff[] {
    return this.listStaffStmt.all(centreId).map(toStaff);
  }

  staffSignInEvents(centreId: string, since: string): StaffSignInEvent[] {
    return this.signInsStmt
      .all(centreId, since)
      .filter((row): row is typeof row & { staff_id: string } => typeof row.staff_id === 'string')
      .map((row) => ({ staffId: row.staff_id, failed: row.type === STAFF_SIGN_IN_EVENTS.failed, receivedAt: row.received_at }));
  }

  setSettings(centreId: string, settings: StoredCentreSettings): boolean {
    return this.db.transaction(() => {
      if (!this.centreStmt.get(centreId)) return false;
      this.setSettingsStmt.run({ centreId, document: JSON.stringify(settings.document), updatedBy: settings.updatedBy, updatedAt: settings.updatedAt });
      return true;
    })();
  }

  settings(centreId: string): StoredCentreSettings | undefined {
    const row = this.settingsStmt.get(centreId);
    return row && { document: JSON.parse(row.document) as StoredCentreSettings['document'], updatedBy: row.updated_by, updatedAt: row.updated_at };
  }
}
