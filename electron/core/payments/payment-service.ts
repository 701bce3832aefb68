import { setTimeout as sleep } from 'node:timers/promises';
import { maskPhone } from '../../../shared/identifiers/mask';
import { parseKenyanMobile } from '../../../shared/identifiers/phone';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { SignedInStaff } from '../staff-presence';
import type { Visit } from '../visits/visits';
import type { Bill, BillStore } from './bills/bill-store';
import type { CardTerminal } from './card/card-terminal';
import { eventFromStkOutcome } from './mpesa-events';
import { MpesaError } from './mpesa/mpesa-errors';
import type { MpesaGateway } from './mpesa/mpesa-gateway';
import type { PaymentSettings } from '../settings/payment-settings';
import { isUnsettled, type PaymentEvent } from './payment-state';
import type { Applied, PaymentRow, PaymentStore, TransitionDetails } from './payment-store';
import { pollStk } from './stk-poller';

/** A provider's word on a payment: a final or interim answer, none yet, or no way to know. */
export type ProviderAnswer = { event: PaymentEvent; details?: TransitionDetails } | 'pending' | 'unknown';

/** What became of a forwarded M-Pesa callback. */
export type CallbackDisposition = 'settled' | 'repeat' | 'ignored' | 'unmatched' | 'malformed';

export interface PaymentServiceDeps {
  readonly ctx: CoreContext;
  readonly bills: BillStore;
  readonly store: PaymentStore;
  readonly mpesa: MpesaGateway | undefined;
  readonly card: CardTerminal;
  readonly settings: PaymentSettings;
  /** The phones typed in a visit, masked, by payment id (a visit slot: forgotten with the visit). */
  readonly maskedPhones: (visit: Visit) => Map<string, string>;
  /** A payment changed state (the handlers turn this into the `payments.updated` event). */
  readonly onChange: (payment: PaymentRow) => void;
}

/** The text on the customer's M-Pesa prompt and statement (≤ 13 characters). */
const MPESA_DESCRIPTION = 'NTSA payment';

/**
 * Takes payments by M-Pesa, card and cash. Each attempt is a persisted state machine
 * (PaymentStore); this class feeds it what the providers say: the push's answer, STK query
 * polling, forwarded callbacks, the card terminal's answer, the clerk's word for cash.
 */
export class PaymentService {
  private readonly closing = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly deps: PaymentServiceDeps) {}

  async payByMpesa(visit: Visit, billId: string, idempotencyKey: string, rawPhone: string): Promise<PaymentRow> {
    const phone = parseKenyanMobile(rawPhone);
    if (!phone.ok) throw new KioskError('payment.badPhone', { field: 'phone' });
    // A repeated request never pushes again: the first one's prompt may already be on the phone.
    const earlier = this.deps.store.byIdempotencyKey(idempotencyKey, billId, 'mpesa');
    if (earlier) return earlier;
    const bill = this.payableBill(billId);
    const gateway = this.deps.mpesa;
    if (!gateway) throw new KioskError('payment.mpesaUnavailable');
    const { payment, repeated } = this.deps.store.create({
      billId, idempotencyKey, method: 'mpesa', amount: bill.total, visitId: visit.id, phoneHash: this.deps.ctx.hashIdentifier('phone', phone.value),
    });
    if (repeated) return payment;
    // Before the push, so that every update of this payment shows whose phone was asked.
    this.deps.maskedPhones(visit).set(payment.id, maskPhone(phone.value));
    let event: PaymentEvent;
    try {
      const accepted = await gateway.push({ amount: bill.total, phone: phone.value, accountReference: bill.reference, description: MPESA_DESCRIPTION });
      event = { type: 'prompted', checkoutRequestId: accepted.checkoutRequestId };
    } catch (error) {
      if (!(error instanceof MpesaError)) throw error;
      this.deps.ctx.log.warn({ kind: error.kind, err: error }, 'stk push failed');
      // After a time-out the prompt may still arrive, and without its CheckoutRequestID it cannot be queried.
      event = error.kind === 'timeout' ? { type: 'abandoned', as: 'expired', reason: 'push-timeout' } : { type: 'abandoned', as: 'failed', reason: 'provider-unavailable' };
    }
    const applied = this.apply(payment.id, event);
    if (applied.payment.state === 'prompted') this.watchStk(applied.payment);
    return applied.payment;
  }

  async payByCard(visit: Visit, billId: string, idempotencyKey: string): Promise<PaymentRow> {
    const earlier = this.deps.store.byIdempotencyKey(idempotencyKey, billId, 'card');
    if (earlier && !isUnsettled(earlier.state)) return earlier;
    const bill = this.payableBill(billId);
    const { payment, repeated } = this.deps.store.create({ billId, idempotencyKey, method: 'card', amount: bill.total, visitId: visit.id });
    if (repeated && !isUnsettled(payment.state)) return payment;
    return this.chargeCard(payment, bill.reference);
  }

  /** Cash taken by the clerk signed in: recorded as paid at once, in one transaction, with who took it. */
  payByCash(visit: Visit, staff: SignedInStaff, billId: string, idempotencyKey: string, tendered: number): PaymentRow {
    const earlier = this.deps.store.byIdempotencyKey(idempotencyKey, billId, 'cash');
    if (earlier) return earlier;
    if (staff.shiftId === null) throw new KioskError('payment.cashNoShift');
    const bill = this.payableBill(billId);
    if (tendered < bill.total) throw new KioskError('payment.cashShort', { field: 'tendered' });
    const payment = this.deps.ctx.db.transaction(() => {
      const created = this.deps.store.create({
        billId, idempotencyKey, method: 'cash', amount: bill.total, visitId: visit.id, cash: { staffId: staff.staffId, shiftId: staff.shiftId, tendered },
      });
      if (created.repeated) return created.payment;
      return this.deps.store.apply(created.payment.id, { type: 'receipt', providerReference: staff.staffId }).payment;
    })();
    this.deps.onChange(payment);
    return payment;
  }

  /**
   * A Daraja STK callback as the back office forwards it. Either source (this or a query)
   * may come first, repeat or arrive late; the state machine settles the payment once.
   */
  acceptMpesaCallback(body: unknown): CallbackDisposition {
    const gateway = this.deps.mpesa;
    if (!gateway) return 'ignored';
    let callback;
    try {
      callback = gateway.parseStkCallback(body);
    } catch (error) {
      if (error instanceof MpesaError) return 'malformed';
      throw error;
    }
    const payment = this.deps.store.byCheckoutRequestId(callback.checkoutRequestId);
    if (!payment) {
      // Money may have moved for a push the kiosk cannot match (e.g. one whose answer it never got): the back office reconciles.
      this.deps.ctx.db.transaction(() => {
        this.deps.ctx.audit.append({ action: 'payment.callback-unmatched', outcome: 'ignored', actor: 'system', details: { resultCode: callback.outcome.state === 'failed' ? callback.outcome.resultCode : 0 } });
        this.deps.ctx.outbox.enqueue('mpesa.callback-unmatched', {
          checkoutRequestId: callback.checkoutRequestId,
          merchantRequestId: callback.merchantRequestId,
          receiptNumber: callback.outcome.state === 'paid' ? callback.outcome.receipt.receiptNumber : null,
        });
      })();
      return 'unmatched';
    }
    const event = eventFromStkOutcome(callback.outcome);
    if (!event) return 'ignored';
    const { decision } = this.apply(payment.id, event);
    if (decision.kind === 'ignore') return decision.why === 'repeat' ? 'repeat' : 'ignored';
    return 'settled';
  }

  /** The pushes whose result or receipt is still to come, for fetching their forwarded callbacks. */
  awaitedCheckoutIds(): string[] {
    return this.deps.store
      .unsettled()
      .flatMap((payment) => (payment.method === 'mpesa' && payment.checkout_request_id ? [payment.checkout_request_id] : []));
  }

  /**
   * After a restart: every payment left unsettled is finished. M-Pesa prompts are queried
   * again; a card charge is asked again with its idempotency key (the terminal answers the
   * first charge, never charges twice); an M-Pesa attempt that never got its prompt's
   * answer cannot be queried and is closed as expired.
   */
  resume(): void {
    for (const payment of this.deps.store.unsettled()) {
      this.deps.ctx.log.info({ paymentId: payment.id, method: payment.method, state: payment.state }, 'resuming payment');
      if (payment.method === 'mpesa' && payment.checkout_request_id) this.watchStk(payment);
      else if (payment.method === 'card') {
        const bill = this.deps.bills.byId(payment.bill_id);
        if (bill) this.track(this.chargeCard(payment, bill.reference));
      } else this.apply(payment.id, { type: 'abandoned', as: payment.method === 'mpesa' ? 'expired' : 'failed', reason: 'interrupted' });
    }
  }

  /**
   * What the provider says now about an unsettled payment, for a clerk's override: an
   * M-Pesa STK query, or the card terminal asked again with the attempt's idempotency key
   * (it answers the first charge, never charges twice; no answer within `cardWaitMs` is
   * 'unknown'). Undefined means no answer yet ('pending'); a push whose prompt was never
   * answered cannot be queried and is 'unknown'. Refuses when the provider cannot be reached.
   */
  async askProvider(payment: PaymentRow, cardWaitMs: number): Promise<ProviderAnswer> {
    if (payment.method === 'mpesa') {
      const gateway = this.deps.mpesa;
      if (!gateway || !payment.checkout_request_id) return 'unknown';
      try {
        const event = eventFromStkOutcome(await gateway.query(payment.checkout_request_id));
        return event ? { event } : 'pending';
      } catch (error) {
        if (!(error instanceof MpesaError)) throw error;
        throw new KioskError('overrides.providerUnreachable');
      }
    }
    const bill = this.deps.bills.byId(payment.bill_id);
    if (payment.method !== 'card' || !bill) return 'unknown';
    const charge = this.deps.card.charge({ amount: payment.amount, reference: bill.reference, idempotencyKey: payment.idempotency_key });
    const result = await Promise.race([charge, sleep(cardWaitMs, undefined, { ref: false })]);
    if (!result) return 'unknown';
    if (result.approved) return { event: { type: 'receipt', providerReference: result.approvalCode }, details: { cardMaskedPan: result.maskedPan } };
    return { event: { type: 'declined', as: result.reason === 'cancelled' ? 'cancelled' : 'failed', resultCode: null, reason: `card-${result.reason}` } };
  }

  /** A change a clerk's override made, under the same state machine, recorded as theirs. */
  applyOverride(paymentId: string, answer: { event: PaymentEvent; details?: TransitionDetails }, actor: string): Applied {
    return this.apply(paymentId, answer.event, { ...answer.details, actor });
  }

  /** Resolves when no polling or charge is under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  close(): void {
    this.closing.abort();
  }

  private payableBill(billId: string): Bill {
    const bill = this.deps.bills.byId(billId);
    if (!bill) throw new KioskError('payment.billNotFound');
    if (bill.status === 'paid') throw new KioskError('payment.alreadyPaid');
    return bill;
  }

  private async chargeCard(payment: PaymentRow, reference: string): Promise<PaymentRow> {
    const result = await this.deps.card.charge({ amount: payment.amount, reference, idempotencyKey: payment.idempotency_key });
    if (result.approved) return this.apply(payment.id, { type: 'receipt', providerReference: result.approvalCode }, { cardMaskedPan: result.maskedPan }).payment;
    const as = result.reason === 'cancelled' ? 'cancelled' : result.reason === 'timeout' ? 'expired' : 'failed';
    return this.apply(payment.id, { type: 'declined', as, resultCode: null, reason: `card-${result.reason}` }).payment;
  }

  private watchStk(payment: PaymentRow): void {
    const gateway = this.deps.mpesa;
    const checkoutRequestId = payment.checkout_request_id;
    if (!gateway || !checkoutRequestId) return;
    const watch = pollStk(gateway, this.deps.settings, this.deps.ctx.log, {
      checkoutRequestId,
      signal: this.closing.signal,
      onOutcome: (outcome) => {
        const event = eventFromStkOutcome(outcome);
        const current = event ? this.apply(payment.id, event).payment : this.deps.store.get(payment.id);
        return !current || !isUnsettled(current.state);
      },
    }).then((ended) => {
      const current = this.deps.store.get(payment.id);
      // A payment M-Pesa confirmed is never given up on: its receipt is still to come.
      if (ended === 'limit' && current && isUnsettled(current.state) && current.confirmed_at === null) {
        this.apply(payment.id, { type: 'abandoned', as: 'expired', reason: 'no-result' });
      }
    });
    this.track(watch);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => this.deps.ctx.log.error({ err: error }, 'payment background work failed'));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  private apply(paymentId: string, event: PaymentEvent, details?: TransitionDetails): Applied {
    const applied = this.deps.store.apply(paymentId, event, details);
    if (applied.decision.kind !== 'ignore') this.deps.onChange(applied.payment);
    return applied;
  }
}
