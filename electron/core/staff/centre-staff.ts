import type { CentreState, CentreStaffMember } from '@shared/sync/centre-state';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import type { LocalSettings } from '../settings/local-settings';
import type { AttendedMode } from './attended-mode';
import { CENTRE_BADGE_KEY, CENTRE_ID_KEY, type StaffRow } from './staff-accounts';

interface CentreStaffDeps {
  db: Db;
  offThreadSync: OffThreadSync;
  clock: Clock;
  audit: AuditLog;
  local: LocalSettings;
  attended: AttendedMode;
}

/** What an account from the hub changed here, for its audit row. */
function changesOf(row: StaffRow | undefined, member: CentreStaffMember): string[] {
  if (!row) return ['added'];
  const changes: string[] = [];
  if (row.from_hub !== 1) changes.push('taken-over');
  if (row.active !== (member.disabled ? 0 : 1)) changes.push(member.disabled ? 'disabled' : 'enabled');
  if (row.role !== member.role) changes.push('role');
  if (row.name !== member.name) changes.push('name');
  if (row.pin_hash !== member.pinHash) changes.push('pin');
  if (row.badge_hash !== member.badgeHash) changes.push('badge');
  return changes;
}

/**
 * Applies the centre state the hub sends (shared/sync/centre-state.ts) to the kiosk's staff
 * table, all in one transaction, then ends attended mode if its account is no longer active.
 *
 * Which staff win: a kiosk the hub has placed in no centre keeps the accounts made on it with
 * `npm run staff` (a demo, or a kiosk without a hub). Once the hub names its centre, the
 * kiosk is the centre's: every account the hub lists is written as the hub has it (a local
 * account under the same number is taken over), every other account is deactivated (kept,
 * since shifts and day closes name it), and `npm run staff` refuses to add more. Each change
 * is an audit row naming the account and what changed, never a PIN or its hash.
 *
 * Centre-wide lockouts lengthen a local lock, never shorten one.
 */
export class CentreStaff {
  private readonly allStmt;
  private readonly upsertStmt;
  private readonly deactivateStmt;
  private readonly lockStmt;

  constructor(private readonly deps: CentreStaffDeps) {
    const { db } = deps;
    this.allStmt = db.prepare<[], StaffRow>('SELECT * FROM staff');
    this.upsertStmt = db.prepare(
      `INSERT INTO staff (id, name, role, pin_hash, badge_hash, active, created_at, created_by, from_hub)
       VALUES (@id, @name, @role, @pinHash, @badgeHash, @active, @at, 'hub', 1)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash,
         badge_hash = excluded.badge_hash, active = excluded.active, from_hub = 1`,
    );
    this.deactivateStmt = db.prepare('UPDATE staff SET active = 0 WHERE id = ?');
    this.lockStmt = db.prepare<[{ until: string; staffId: string }]>('UPDATE staff SET locked_until = @until WHERE id = @staffId AND (locked_until IS NULL OR locked_until < @until)');
  }

  apply(state: CentreState): void {
    const { centre } = state;
    if (!centre) return;
    const { offThreadSync, audit, local, clock } = this.deps;
    const at = clock.now().toISOString();
    offThreadSync.commit(() => {
      local.set(CENTRE_ID_KEY, centre.id);
      local.setSecret(CENTRE_BADGE_KEY, centre.badgeKey);
      const rows = new Map(this.allStmt.all().map((row) => [row.id, row]));
      for (const member of state.staff) {
        const changes = changesOf(rows.get(member.staffId), member);
        rows.delete(member.staffId);
        if (changes.length === 0) continue;
        this.upsertStmt.run({ id: member.staffId, name: member.name, role: member.role, pinHash: member.pinHash, badgeHash: member.badgeHash, active: member.disabled ? 0 : 1, at });
        audit.append({ action: 'staff.fromHub', outcome: changes.join(','), actor: 'hub', details: { staffId: member.staffId, centre: centre.id } });
      }
      for (const row of rows.values()) {
        if (row.active !== 1) continue;
        this.deactivateStmt.run(row.id);
        audit.append({ action: 'staff.fromHub', outcome: 'withdrawn', actor: 'hub', details: { staffId: row.id, centre: centre.id } });
      }
      for (const lockout of state.lockouts) {
        if (this.lockStmt.run(lockout).changes === 1) {
          audit.append({ action: 'staff.lockedAtCentre', outcome: 'locked', actor: 'hub', details: { staffId: lockout.staffId, until: lockout.until } });
        }
      }
    });
    this.deps.attended.endIfDisabled();
  }
}
