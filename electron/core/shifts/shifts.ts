import { randomUUID } from 'node:crypto';
import type { ShiftSummary, SignOffReason } from '@shared/contract/shifts';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { SignedInStaff } from '../staff-presence';
import { kenyaDate } from '@shared/kenya/time';
import { dayClosedCheck } from './business-day';
import { countDrawer } from './drawer-arithmetic';
import { ShiftCash } from './shift-cash';
import { ShiftStore } from './shift-store';

type ShiftDeps = Pick<CoreContext, 'db' | 'clock' | 'audit' | 'outbox' | 'settings' | 'offThreadSync'>;

/**
 * Cash shifts. A clerk opens one with the float they counted; cash payments carry its id;
 * closing counts the drawer against float + cash taken − refunds − drops, and records the
 * over/short. Every step is audited and sent to the back office in its own transaction.
 */
export class Shifts {
  readonly store: ShiftStore;
  private readonly cash: ShiftCash;
  private readonly insertStmt;
  private readonly movementStmt;
  private readonly closeStmt;
  private readonly signOffStmt;
  private readonly dayClosed;

  constructor(private readonly deps: ShiftDeps) {
    const { db } = deps;
    this.cash = new ShiftCash(db);
    this.store = new ShiftStore(db, this.cash);
    this.insertStmt = db.prepare('INSERT INTO shifts (id, staff_id, business_date, opened_at, opening_float) VALUES (?, ?, ?, ?, ?)');
    this.movementStmt = db.prepare('INSERT INTO cash_movements (shift_id, kind, amount, reason, at, staff_id) VALUES (?, ?, ?, ?, ?, ?)');
    this.closeStmt = db.prepare(
      `UPDATE shifts SET closed_at = @closedAt, cash_taken = @cashTaken, refunds = @refunds, drops = @drops,
         expected = @expected, counted = @counted, variance = @variance, status = @status
       WHERE id = @id AND closed_at IS NULL`,
    );
    this.signOffStmt = db.prepare(
      "UPDATE shifts SET status = 'signed_off', signed_off_by = ?, signed_off_at = ?, sign_off_note = ? WHERE id = ? AND status = 'awaiting_sign_off'",
    );
    this.dayClosed = dayClosedCheck(db);
  }

  current(staff: SignedInStaff): ShiftSummary | null {
    const row = this.store.openFor(staff.staffId);
    return row ? this.store.summary(row) : null;
  }

  open(staff: SignedInStaff, openingFloat: number): ShiftSummary {
    const { offThreadSync, clock, audit, outbox } = this.deps;
    const id = randomUUID();
    offThreadSync.commit(() => {
      if (this.store.openFor(staff.staffId)) throw new KioskError('shift.alreadyOpen');
      const now = clock.now();
      const date = kenyaDate(now);
      if (this.dayClosed(date)) throw new KioskError('shift.dayClosed');
      this.insertStmt.run(id, staff.staffId, date, now.toISOString(), openingFloat);
      audit.append({ action: 'shift.open', outcome: 'ok', actor: `staff:${staff.staffId}`, details: { shiftId: id, openingFloat } });
      outbox.enqueue('shift.opened', { shiftId: id, staffId: staff.staffId, businessDate: date, openedAt: now.toISOString(), openingFloat });
    });
    return this.summaryOf(id);
  }

  cashOut(staff: SignedInStaff, kind: 'drop' | 'refund', amount: number, reason: string): ShiftSummary {
    const { offThreadSync, clock, audit, outbox } = this.deps;
    const shift = this.requireOpen(staff);
    offThreadSync.commit(() => {
      const inDrawer = this.store.summary(shift).expected;
      if (amount > inDrawer) throw new KioskError('shift.notEnoughCash', { field: 'amount', params: { expected: inDrawer } });
      const at = clock.now().toISOString();
      this.movementStmt.run(shift.id, kind, amount, reason, at, staff.staffId);
      audit.append({ action: `shift.${kind}`, outcome: 'ok', actor: `staff:${staff.staffId}`, details: { shiftId: shift.id, amount } });
      outbox.enqueue(`shift.${kind}`, { shiftId: shift.id, staffId: staff.staffId, amount, reason, at });
    });
    return this.summaryOf(shift.id);
  }

  close(staff: SignedInStaff, counted: number): ShiftSummary {
    const { offThreadSync, clock, audit, outbox, settings } = this.deps;
    const shift = this.requireOpen(staff);
    offThreadSync.commit(() => {
      const movements = { openingFloat: shift.opening_float, ...this.cash.movements(shift.id) };
      const count = countDrawer(movements, counted, settings.staff.varianceSignOffThreshold);
      const status = count.needsSignOff ? 'awaiting_sign_off' : 'closed';
      const closedAt = clock.now().toISOString();
      this.closeStmt.run({ id: shift.id, closedAt, ...movements, expected: count.expected, counted, variance: count.variance, status });
      audit.append({
        action: 'shift.close',
        outcome: status,
        actor: `staff:${staff.staffId}`,
        details: { shiftId: shift.id, expected: count.expected, counted, variance: count.variance },
      });
      outbox.enqueue('shift.closed', { shiftId: shift.id, staffId: staff.staffId, closedAt, ...movements, ...count, status });
    });
    return this.summaryOf(shift.id);
  }

  signOff(supervisor: SignedInStaff, shiftId: string, reason: SignOffReason, note: string | undefined): ShiftSummary {
    const { offThreadSync, clock, audit, outbox } = this.deps;
    offThreadSync.commit(() => {
      const shift = this.store.byId(shiftId);
      if (!shift || shift.status !== 'awaiting_sign_off') throw new KioskError('shift.notAwaitingSignOff');
      if (shift.staff_id === supervisor.staffId) throw new KioskError('shift.ownSignOff');
      const at = clock.now().toISOString();
      // The shift's one note column holds the reason's code, then the supervisor's words if any.
      this.signOffStmt.run(supervisor.staffId, at, note ? `${reason}: ${note}` : reason, shiftId);
      const said = { reason, ...(note ? { note } : {}) };
      audit.append({ action: 'shift.signOff', outcome: 'ok', actor: `staff:${supervisor.staffId}`, details: { shiftId, variance: shift.variance, ...said } });
      // Dotted kebab-case, the hub's rule: 'shift.signedOff' was refused by every hub.
      outbox.enqueue('shift.signed-off', { shiftId, supervisorId: supervisor.staffId, at, ...said });
    });
    return this.summaryOf(shiftId);
  }

  private requireOpen(staff: SignedInStaff) {
    const shift = this.store.openFor(staff.staffId);
    if (!shift) throw new KioskError('shift.none');
    return shift;
  }

  private summaryOf(shiftId: string): ShiftSummary {
    const row = this.store.byId(shiftId);
    if (!row) throw new Error(`shift ${shiftId} vanished`);
    return this.store.summary(row);
  }
}
