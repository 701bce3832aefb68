import { randomUUID } from 'node:crypto';
import type { PaymentState } from '@shared/contract/payments';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import { newReceiptNumber } from './bills/bill-reference';
import { decide, type Decision, type PaymentEvent } from './payment-state';
import type { PaymentMethod } from '@shared/contract/payments';

export interface PaymentRow {
  id: string;
  bill_id: string;
  idempotency_key: string;
  method: PaymentMethod;
  amount: number;
  state: PaymentState;
  visit_id: string | null;
  phone_hash: string | null;
  checkout_request_id: string | null;
  confirmed_at: string | null;
  provider_reference: string | null;
  result_code: number | null;
  reason: string | null;
  card_masked_pan: string | null;
  staff_id: string | null;
  shift_id: string | null;
  tendered: number | null;
  change_given: number | null;
  receipt_number: string | null;
  created_at: string;
  updated_at: string;
  settled_at: string | null;
  attempt_reference: string | null;
  sent_at: string | null;
}

export interface NewPayment {
  readonly billId: string;
  readonly idempotencyKey: string;
  readonly method: PaymentMethod;
  readonly amount: number;
  readonly visitId: string | null;
  readonly phoneHash?: string;
  /** The attempt's own reference at the provider; its request leaves as soon as this row commits. */
  readonly attemptReference?: string;
  readonly cash?: { staffId: string; shiftId: string | null; tendered: number };
}

/** Extra facts recorded with a transition. */
export interface TransitionDetails {
  readonly cardMaskedPan?: string;
  /** Who made the change when it was not the provider: `staff:<id>` for a clerk's override. */
  readonly actor?: string;
}

export type Applied = { readonly payment: PaymentRow; readonly decision: Decision };

type Ctx = Pick<CoreContext, 'db' | 'clock' | 'audit' | 'outbox' | 'log' | 'offThreadSync'>;

/**
 * Payments as persisted state machines. Every change is one SQLite transaction holding the
 * row update, its audit row and its outbox event (and the bill's status when it is paid),
 * so a power cut leaves either all of them or none. Decisions come from `decide`. Each is
 * committed through `offThreadSync`: its sync to disk runs off the thread that answers the
 * screen, and whatever acts on it outside the kiosk waits for that (see PaymentService).
 */
export class PaymentStore {
  constructor(private readonly ctx: Ctx) {}

  get(id: string): PaymentRow | undefined {
    return this.ctx.db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE id = ?').get(id);
  }

  byCheckoutRequestId(checkoutRequestId: string): PaymentRow | undefined {
    return this.ctx.db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE checkout_request_id = ?').get(checkoutRequestId);
  }

  /** The attempt made earlier with this idempotency key, if any; the same key for another bill or method is refused. */
  byAttemptReference(reference: string): PaymentRow | undefined {
    return this.ctx.db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE attempt_reference = ?').get(reference);
  }

  byIdempotencyKey(key: string, billId: string, method: PaymentMethod): PaymentRow | undefined {
    const earlier = this.ctx.db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE idempotency_key = ?').get(key);
    if (earlier && (earlier.bill_id !== billId || earlier.method !== method)) throw new KioskError('payment.keyReused');
    return earlier;
  }

  inFlightFor(billId: string): PaymentRow | undefined {
    return this.ctx.db.prepare<[string], PaymentRow>("SELECT * FROM payments WHERE bill_id = ? AND state IN ('created', 'prompted', 'in_doubt')").get(billId);
  }

  paidFor(billId: string): PaymentRow | undefined {
    return this.ctx.db.prepare<[string], PaymentRow>("SELECT * FROM payments WHERE bill_id = ? AND state = 'paid'").get(billId);
  }

  /** Payments still waiting for their provider (not in doubt) that were made at or before `before`, oldest first, with their bill's reference. */
  waitingSince(before: string): (PaymentRow & { bill_reference: string | null })[] {
    return this.ctx.db
      .prepare<[string], PaymentRow & { bill_reference: string | null }>(
        `SELECT p.*, b.reference AS bill_reference FROM payments p LEFT JOIN bills b ON b.id = p.bill_id
         WHERE p.state IN ('created', 'prompted') AND p.created_at <= ? ORDER BY p.created_at`,
      )
      .all(before);
  }

  unsettled(): PaymentRow[] {
    return this.ctx.db.prepare<[], PaymentRow>("SELECT * FROM payments WHERE state IN ('created', 'prompted', 'in_doubt') ORDER BY created_at").all();
  }

  /**
   * A new attempt in `created`, or the attempt already made with this idempotency key (a
   * repeated request). Refused when the bill is paid or another attempt is in flight.
   */
  create(input: NewPayment): { payment: PaymentRow; repeated: boolean } {
    return this.ctx.offThreadSync.commit(() => {
      const earlier = this.ctx.db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE idempotency_key = ?').get(input.idempotencyKey);
      if (earlier) {
        if (earlier.bill_id !== input.billId || earlier.method !== input.method || earlier.amount !== input.amount) throw new KioskError('payment.keyReused');
        return { payment: earlier, repeated: true };
      }
      if (this.paidFor(input.billId)) throw new KioskError('payment.alreadyPaid');
      if (this.inFlightFor(input.billId)) throw new KioskError('payment.inProgress');
      const id = randomUUID();
      const now = this.ctx.clock.now().toISOString();
      this.ctx.db
        .prepare(
          `INSERT INTO payments (id, bill_id, idempotency_key, method, amount, state, visit_id, phone_hash, staff_id, shift_id, tendered, attempt_reference, sent_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id, input.billId, input.idempotencyKey, input.method, input.amount, input.visitId, input.phoneHash ?? null,
          input.cash?.staffId ?? null, input.cash?.shiftId ?? null, input.cash?.tendered ?? null,
          input.attemptReference ?? null, input.attemptReference ? now : null, now, now,
        );
      const actor = input.cash ? `staff:${input.cash.staffId}` : 'citizen';
      this.ctx.audit.append({ action: 'payment.create', outcome: 'created', actor, visitId: input.visitId, subject: input.phoneHash ?? null, details: { paymentId: id, billId: input.billId, method: input.method, amount: input.amount } });
      this.ctx.outbox.enqueue('payment.created', { paymentId: id, billId: input.billId, method: input.method, amount: input.amount, at: now });
      return { payment: this.get(id) as PaymentRow, repeated: false };
    }, 'immediate');
  }

  /** Applies one event under the state machine's rules, atomically with its audit row and outbox event. */
  apply(paymentId: string, event: PaymentEvent, details: TransitionDetails = {}): Applied {
    return this.ctx.offThreadSync.commit((): Applied => {
      const current = this.get(paymentId);
      if (!current) throw new KioskError('payment.notFound');
      if (event.type === 'receipt' && current.method !== 'cash' && this.referenceTakenElsewhere(current, event.providerReference)) {
        this.ctx.audit.append({ action: 'payment.receipt-reused', outcome: 'ignored', actor: 'system', details: { paymentId, method: current.method } });
        return { payment: current, decision: { kind: 'ignore', why: 'conflict' } };
      }
      const billPaidByAnother = this.paidFor(current.bill_id) !== undefined;
      const decision = decide({ state: current.state, confirmed: current.confirmed_at !== null, providerReference: current.provider_reference }, event, billPaidByAnother);
      const now = this.ctx.clock.now().toISOString();
      if (decision.kind === 'ignore') {
        if (decision.why === 'conflict') this.ctx.audit.append({ action: 'payment.conflicting-result', outcome: 'ignored', actor: 'system', details: { paymentId, event: event.type, state: current.state } });
        return { payment: current, decision };
      }
      if (decision.kind === 'note-confirmed') {
        this.ctx.db.prepare('UPDATE payments SET confirmed_at = ?, updated_at = ? WHERE id = ?').run(now, now, paymentId);
        this.ctx.audit.append({ action: 'payment.confirmed', outcome: current.state, actor: 'system', visitId: current.visit_id, details: { paymentId } });
        this.ctx.outbox.enqueue('payment.confirmed', { paymentId, billId: current.bill_id, at: now });
        return { payment: this.get(paymentId) as PaymentRow, decision };
      }
      this.write(current, decision.to, event, details, now);
      return { payment: this.get(paymentId) as PaymentRow, decision };
    }, 'immediate');
  }

  private write(current: PaymentRow, to: PaymentState, event: PaymentEvent, details: TransitionDetails, now: string): void {
    const settled = to !== 'prompted' && to !== 'in_doubt';
    const fields: Record<string, string | number | null> = { state: to, updated_at: now, settled_at: settled ? now : null };
    if (event.type === 'prompted') fields.checkout_request_id = event.checkoutRequestId;
    if (event.type === 'receipt') {
      fields.provider_reference = event.providerReference;
      if (details.cardMaskedPan) fields.card_masked_pan = details.cardMaskedPan;
      if (current.method === 'cash' && current.tendered !== null) fields.change_given = current.tendered - current.amount;
      if (to === 'paid') fields.receipt_number = newReceiptNumber();
    }
    if (event.type === 'declined') fields.result_code = event.resultCode;
    if (event.type === 'declined' || event.type === 'abandoned' || event.type === 'doubted') fields.reason = event.reason;
    const assignments = Object.keys(fields).map((name) => `${name} = @${name}`).join(', ');
    this.ctx.db.prepare(`UPDATE payments SET ${assignments} WHERE id = @id`).run({ ...fields, id: current.id });
    if (to === 'paid') this.ctx.db.prepare("UPDATE bills SET status = 'paid', paid_at = ? WHERE id = ?").run(now, current.bill_id);

    const actor = details.actor ?? (current.method === 'cash' && current.staff_id ? `staff:${current.staff_id}` : 'system');
    this.ctx.audit.append({
      action: `payment.${to}`,
      outcome: to,
      actor,
      visitId: current.visit_id,
      details: { paymentId: current.id, billId: current.bill_id, from: current.state, method: current.method, amount: current.amount, ...('reason' in event && { reason: event.reason }), ...(event.type === 'declined' && { resultCode: event.resultCode }) },
    });
    const bill = this.ctx.db.prepare<[string], { reference: string; fine_id: number | null }>('SELECT reference, fine_id FROM bills WHERE id = ?').get(current.bill_id);
    // Event names are dotted kebab-case (the hub's rule): `payment.in-doubt`, `payment.refund-due`.
    this.ctx.outbox.enqueue(`payment.${to.replace('_', '-')}`, {
      paymentId: current.id,
      billId: current.bill_id,
      billReference: bill?.reference ?? null,
      fineId: bill?.fine_id ?? null,
      method: current.method,
      amount: current.amount,
      providerReference: event.type === 'receipt' ? event.providerReference : null,
      staffId: current.staff_id,
      shiftId: current.shift_id,
      tendered: current.tendered,
      at: now,
    });
  }

  private referenceTakenElsewhere(current: PaymentRow, providerReference: string): boolean {
    const other = this.ctx.db
      .prepare<[string, string, string], { id: string }>('SELECT id FROM payments WHERE method = ? AND provider_reference = ? AND id <> ?')
      .get(current.method, providerReference, current.id);
    return other !== undefined;
  }
}
