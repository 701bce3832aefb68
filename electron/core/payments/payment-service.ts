import { setTimeout as sleep } from 'node:timers/promises';
import type { ProviderMethod } from '@shared/contract/payments';
import { maskPhone } from '@shared/identifiers/mask';
import { parseKenyanMobile } from '@shared/identifiers/phone';
import { newAttemptReference } from './attempt-reference';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { SignedInStaff } from '../staff-presence';
import { kenyaDate } from '@shared/kenya/time';
import { dayClosedCheck } from '../shifts/business-day';
import type { Visit } from '../visits/visits';
import type { Bill, BillStore } from './bills/bill-store';
import type { CardChargeResult, CardTerminal } from './card/card-terminal';
import { eventFromStkOutcome } from './mpesa-events';
import { MpesaError, pushMayHaveArrived } from './mpesa/mpesa-errors';
import type { StkCallbackResult } from './mpesa/stk-callback';
import type { StkOutcome } from './mpesa/stk-outcome';
import type { MpesaGateway } from './mpesa/mpesa-gateway';
import type { PaymentSettings } from '../settings/payment-settings';
import { isUnsettled, type PaymentEvent } from './payment-state';
import type { Applied, PaymentRow, PaymentStore, TransitionDetails } from './payment-store';
import { pollStk } from './stk-poller';

/** A provider's word on a payment: a final or interim answer, none yet, or no way to know. */
export type ProviderAnswer = { event: PaymentEvent; details?: TransitionDetails } | 'pending' | 'unknown';

/**
 * What became of a forwarded M-Pesa callback: `mismatched` disagrees with the payment it
 * names (amount, payer, push) or with Daraja's own answer and raised an alert; `deferred`
 * could not be confirmed with Daraja yet and is read again at the next round.
 */
export type CallbackDisposition = 'settled' | 'repeat' | 'ignored' | 'unmatched' | 'malformed' | 'mismatched' | 'deferred';

/** Why a callback was not believed. */
type CallbackDoubt = 'other-push' | 'amount' | 'payer' | 'no-receipt-details' | 'contradicted-by-query';

export interface PaymentServiceDeps {
  readonly ctx: CoreContext;
  readonly bills: BillStore;
  readonly store: PaymentStore;
  readonly mpesa: MpesaGateway | undefined;
  readonly card: CardTerminal | undefined;
  readonly settings: PaymentSettings;
  /** The phones typed in a visit, masked, by payment id (a visit slot: forgotten with the visit). */
  readonly maskedPhones: (visit: Visit) => Map<string, string>;
  /** The same phones in full, for sending the receipt to the phone that paid (a visit slot too). */
  readonly payerPhones: (visit: Visit) => Map<string, string>;
  /** A payment changed state (the handlers turn this into the `payments.updated` event). */
  readonly onChange: (payment: PaymentRow) => void;
}

/**
 * Takes payments by M-Pesa, card and cash. Each attempt is a persisted state machine
 * (PaymentStore); this class feeds it what the providers say: the push's answer, STK query
 * polling, forwarded callbacks, the card terminal's answer, the clerk's word for cash.
 */
export class PaymentService {
  private readonly closing = new AbortController();
  private readonly running = new Set<Promise<unknown>>();
  /** Payments in doubt being watched, so a resume or a second doubt does not start a second watch. */
  private readonly watchedDoubts = new Set<string>();
  /**
   * When the back office last answered a record search for an attempt and held nothing for
   * it, by attempt reference. Memory is enough: after a restart the next round asks again.
   */
  private readonly searchedWithoutRecord = new Map<string, number>();
  private readonly dayClosed: (date: string) => boolean;
  /** Callbacks already refused, so a forged body the hub keeps raises its alert once, not every round. */
  private readonly refused = new Set<string>();

  constructor(private readonly deps: PaymentServiceDeps) {
    this.dayClosed = dayClosedCheck(deps.ctx.db);
  }

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
      billId, idempotencyKey, method: 'mpesa', amount: bill.total, visitId: visit.id, phoneHash: this.deps.ctx.hashIdentifier('phone', phone.value), attemptReference: newAttemptReference(),
    });
    if (repeated) return payment;
    await this.onDisk(payment);
    // Before the push, so that every update of this payment shows whose phone was asked.
    this.deps.maskedPhones(visit).set(payment.id, maskPhone(phone.value));
    this.deps.payerPhones(visit).set(payment.id, phone.value);
    // The attempt's own reference, recorded before the push, names it at Safaricom: on the
    // prompt, in the statement, and in the callback's address (see MpesaGateway).
    const reference = payment.attempt_reference as string;
    let event: PaymentEvent;
    try {
      const accepted = await gateway.push({ amount: bill.total, phone: phone.value, accountReference: reference, description: reference, callbackTag: reference });
      event = { type: 'prompted', checkoutRequestId: accepted.checkoutRequestId };
    } catch (error) {
      if (!(error instanceof MpesaError)) throw error;
      this.deps.ctx.log.warn({ kind: error.kind, err: error }, 'stk push failed');
      // A push that may have reached Daraja may still take money: its bill waits for the record.
      event = pushMayHaveArrived(error) ? { type: 'doubted', reason: 'push-no-answer' } : { type: 'abandoned', as: 'failed', reason: 'provider-unavailable' };
    }
    const applied = this.apply(payment.id, event);
    if (applied.payment.state === 'prompted') this.watchStk(applied.payment);
    return applied.payment;
  }

  async payByCard(visit: Visit, billId: string, idempotencyKey: string): Promise<PaymentRow> {
    // A repeat never charges again: the first charge is under way, in doubt, or done.
    const earlier = this.deps.store.byIdempotencyKey(idempotencyKey, billId, 'card');
    if (earlier) return earlier;
    if (!this.deps.card) throw new KioskError('payment.cardUnavailable');
    const bill = this.payableBill(billId);
    const { payment, repeated } = this.deps.store.create({ billId, idempotencyKey, method: 'card', amount: bill.total, visitId: visit.id, attemptReference: newAttemptReference() });
    if (repeated) return payment;
    await this.onDisk(payment);
    return this.chargeCard(this.deps.card, payment);
  }

  /** Cash taken by the clerk signed in: recorded as paid at once, in one transaction, with who took it. */
  payByCash(visit: Visit, staff: SignedInStaff, billId: string, idempotencyKey: string, tendered: number): PaymentRow {
    const earlier = this.deps.store.byIdempotencyKey(idempotencyKey, billId, 'cash');
    if (earlier) return earlier;
    const bill = this.payableBill(billId);
    if (staff.shiftId === null) throw new KioskError('payment.cashNoShift');
    if (tendered < bill.total) throw new KioskError('payment.cashShort', { field: 'tendered' });
    // One transaction: the store's commits join it (the clerk's answer waits for its sync).
    const payment = this.deps.ctx.offThreadSync.commit(() => {
      const created = this.deps.store.create({
        billId, idempotencyKey, method: 'cash', amount: bill.total, visitId: visit.id, cash: { staffId: staff.staffId, shiftId: staff.shiftId, tendered },
      });
      if (created.repeated) return created.payment;
      return this.deps.store.apply(created.payment.id, { type: 'receipt', providerReference: staff.staffId }).payment;
    });
    this.announce(payment);
    return payment;
  }

  /**
   * A Daraja STK callback as the back office forwards it, with the attempt reference its
   * address carried (absent on callbacks to the bare address). A callback is a claim, not
   * proof — anyone can post to the back office's public address — so it is believed only
   * when it fits the payment (the same push, amount and payer) and Daraja's own STK query
   * agrees; one that disagrees settles nothing and raises an alert. Either source (this or
   * a query) may come first, repeat or arrive late; the state machine settles the payment once.
   */
  async acceptMpesaCallback(body: unknown, attemptReference?: string): Promise<CallbackDisposition> {
    const gateway = this.deps.mpesa;
    if (!gateway) return 'ignored';
    let callback: StkCallbackResult;
    try {
      callback = gateway.parseStkCallback(body);
    } catch (error) {
      if (error instanceof MpesaError) return 'malformed';
      throw error;
    }
    const payment =
      this.deps.store.byCheckoutRequestId(callback.checkoutRequestId) ?? (attemptReference ? this.deps.store.byAttemptReference(attemptReference) : undefined);
    if (!payment || payment.method !== 'mpesa') return this.unmatchedCallback(callback);
    const { outcome } = callback;
    if (outcome.state === 'paid' && payment.provider_reference === outcome.receipt.receiptNumber) return 'repeat';
    const doubt = this.callbackDoesNotFit(payment, callback);
    if (doubt) return this.rejectCallback(payment, callback, doubt);
    let answer: StkOutcome;
    try {
      answer = await gateway.query(callback.checkoutRequestId);
    } catch (error) {
      if (!(error instanceof MpesaError)) throw error;
      return 'deferred';
    }
    // Daraja knows this push: a payment in doubt learns it here, and can be queried from now on.
    if (payment.checkout_request_id === null) this.apply(payment.id, { type: 'prompted', checkoutRequestId: callback.checkoutRequestId });
    if (answer.state === 'pending') return 'deferred';
    const daraja = answer.state === 'failed' ? 'failed' : 'paid';
    const claimed = outcome.state === 'failed' ? 'failed' : 'paid';
    if (daraja !== claimed) return this.rejectCallback(payment, callback, 'contradicted-by-query');
    // Daraja agrees. Its query never carries the receipt number; the callback does.
    const event = eventFromStkOutcome(outcome.state === 'paid' ? outcome : answer);
    if (!event) return 'ignored';
    const { decision } = this.apply(payment.id, event);
    if (decision.kind === 'ignore') return decision.why === 'repeat' ? 'repeat' : 'ignored';
    return 'settled';
  }

  /** The pushes whose result or receipt is still to come, and their attempts, for the back office's record search. */
  awaitedMpesa(): { checkoutRequestIds: string[]; attemptReferences: string[] } {
    const unsettled = this.deps.store.unsettled().filter((payment) => payment.method === 'mpesa');
    return {
      checkoutRequestIds: unsettled.flatMap((payment) => (payment.checkout_request_id ? [payment.checkout_request_id] : [])),
      // Every attempt's reference too, so the hub binds it to this kiosk before anyone else can ask.
      attemptReferences: unsettled.flatMap((payment) => (payment.attempt_reference ? [payment.attempt_reference] : [])),
    };
  }

  /**
   * The back office answered a record search for these attempts and held no callback for
   * them. An attempt in doubt whose window has passed is then closed as not paid: M-Pesa's
   * prompt is long dead, and no money moved that anyone has heard of.
   */
  noRecordsFor(attemptReferences: readonly string[]): void {
    const now = this.deps.ctx.clock.now().getTime();
    for (const reference of attemptReferences) {
      this.searchedWithoutRecord.set(reference, now);
      const payment = this.deps.store.byAttemptReference(reference);
      if (payment?.state === 'in_doubt' && this.doubtWindowPassed(payment, now)) {
        this.apply(payment.id, { type: 'abandoned', as: 'expired', reason: 'no-provider-record' });
      }
    }
  }

  /**
   * After a restart: every payment left unsettled is finished, never sent again. M-Pesa
   * prompts are queried again until their deadline, counted from the push. A request that
   * was on its way when the kiosk stopped (recorded, answer not) may have reached the
   * provider: it is in doubt, and waits for the provider's record — the card terminal's
   * last transaction, or M-Pesa's callback at the back office — never for a second charge.
   */
  resume(): void {
    for (const payment of this.deps.store.unsettled()) {
      this.deps.ctx.log.info({ paymentId: payment.id, method: payment.method, state: payment.state }, 'resuming payment');
      if (payment.method === 'cash') {
        this.apply(payment.id, { type: 'abandoned', as: 'failed', reason: 'interrupted' });
        continue;
      }
      const current = payment.state === 'created' ? this.apply(payment.id, { type: 'doubted', reason: 'interrupted' }).payment : payment;
      if (current.state === 'prompted') this.watchStk(current);
      else this.watchDoubt(current);
    }
  }

  /**
   * What the provider says now about an unsettled payment, for a clerk's override: an
   * M-Pesa STK query, or the card terminal's last transaction (a charge it never got was
   * never taken; no answer within `cardWaitMs` is 'unknown'). 'pending' means no answer
   * yet; a push whose prompt was never answered cannot be queried and is 'unknown'. Refuses when the provider cannot be reached.
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
    const card = this.deps.card;
    if (payment.method !== 'card' || !card) return 'unknown';
    const last = await Promise.race([card.lastTransaction().catch(() => undefined), sleep(cardWaitMs, undefined, { ref: false })]);
    if (last === undefined) return 'unknown';
    if (last === null || last.reference !== payment.attempt_reference) return { event: { type: 'abandoned', as: 'failed', reason: 'interrupted' } };
    return last.status === 'done' ? cardAnswer(last.result) : 'pending';
  }

  payment(id: string): PaymentRow | undefined {
    return this.deps.store.get(id);
  }

  /** Payments still waiting for their provider since at or before `before` (a clerk's list of stuck ones). */
  waitingSince(before: Date) {
    return this.deps.store.waitingSince(before.toISOString());
  }

  /** A change a clerk's override made, under the same state machine, recorded as theirs. */
  applyOverride(paymentId: string, answer: { event: PaymentEvent; details?: TransitionDetails }, actor: string): Applied {
    return this.apply(paymentId, answer.event, { ...answer.details, actor });
  }

  /** What this kiosk can take money by: a method without a configured provider is not offered. */
  offeredMethods(): ProviderMethod[] {
    return [...(this.deps.mpesa ? (['mpesa'] as const) : []), ...(this.deps.card ? (['card'] as const) : [])];
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
    // A closed day's totals never change: the kiosk takes money again from the next business day.
    if (this.todayClosed()) throw new KioskError('payment.dayClosed');
    return bill;
  }

  /** The supervisor closed today's takings at this kiosk. */
  todayClosed(): boolean {
    return this.dayClosed(kenyaDate(this.deps.ctx.clock.now()));
  }

  /** One charge at the terminal. An answer lost on the way (the link dropped, no answer in time) leaves the payment in doubt. */
  private async chargeCard(card: CardTerminal, payment: PaymentRow): Promise<PaymentRow> {
    let result: CardChargeResult;
    try {
      result = await card.charge({ amount: payment.amount, reference: payment.attempt_reference ?? payment.id, idempotencyKey: payment.idempotency_key });
    } catch (error) {
      this.deps.ctx.log.warn({ err: error, paymentId: payment.id }, 'card charge got no answer');
      const doubted = this.apply(payment.id, { type: 'doubted', reason: 'card-no-answer' }).payment;
      this.watchDoubt(doubted);
      return doubted;
    }
    const answer = cardAnswer(result);
    return this.apply(payment.id, answer.event, answer.details).payment;
  }

  /**
   * Asks the provider again until it says how a payment in doubt ended: the card terminal's
   * last transaction, or M-Pesa's STK query once the push is known. An M-Pesa attempt whose
   * push is unknown cannot be asked: the back office's record search settles it (sync).
   */
  private watchDoubt(payment: PaymentRow): void {
    const askable = payment.method === 'card' ? this.deps.card !== undefined : payment.checkout_request_id !== null;
    if (!askable || this.watchedDoubts.has(payment.id)) return;
    this.watchedDoubts.add(payment.id);
    const watch = async () => {
      for (;;) {
        const answer = await this.askProvider(payment, this.deps.settings.doubtRecheckMs).catch(() => 'unknown' as const);
        if (typeof answer === 'object') {
          this.apply(payment.id, answer.event, answer.details);
          return;
        }
        try {
          await sleep(this.deps.settings.doubtRecheckMs, undefined, { signal: this.closing.signal });
        } catch {
          return;
        }
        if (!isUnsettled(this.deps.store.get(payment.id)?.state ?? 'failed')) return;
      }
    };
    this.track(watch().finally(() => this.watchedDoubts.delete(payment.id)));
  }

  private watchStk(payment: PaymentRow): void {
    const gateway = this.deps.mpesa;
    const checkoutRequestId = payment.checkout_request_id;
    if (!gateway || !checkoutRequestId) return;
    // Counted from the push, on the core's clock: a restart neither extends nor resets it.
    const sentAt = Date.parse(payment.sent_at ?? payment.created_at);
    const remainingMs = sentAt + this.deps.settings.resultLimitSeconds * 1000 - this.deps.ctx.clock.now().getTime();
    const watch = pollStk(gateway, this.deps.settings, this.deps.ctx.log, {
      checkoutRequestId,
      signal: this.closing.signal,
      deadline: Date.now() + Math.max(0, remainingMs),
      onOutcome: (outcome) => {
        const event = eventFromStkOutcome(outcome);
        const current = event ? this.apply(payment.id, event).payment : this.deps.store.get(payment.id);
        return !current || !isUnsettled(current.state);
      },
    }).then((ended) => {
      const current = this.deps.store.get(payment.id);
      // A payment M-Pesa confirmed is never given up on: its receipt is still to come.
      if (!current || current.state !== 'prompted' || current.confirmed_at !== null) return;
      // Daraja kept saying "no result" past the prompt's life: the prompt expired unanswered.
      if (ended === 'limit') this.apply(payment.id, { type: 'abandoned', as: 'expired', reason: 'no-result' });
      // Daraja could not be asked at all: the citizen may have paid; keep asking, and wait for the record.
      if (ended === 'unreachable') this.watchDoubt(this.apply(payment.id, { type: 'doubted', reason: 'no-answer' }).payment);
    });
    this.track(watch);
  }

  private doubtWindowPassed(payment: PaymentRow, now: number): boolean {
    const searchedAt = this.searchedWithoutRecord.get(payment.attempt_reference ?? '');
    const windowEnd = Date.parse(payment.sent_at ?? payment.created_at) + this.deps.settings.doubtWindowSeconds * 1000;
    // The search must itself come after the window: a callback may reach the back office late.
    return now >= windowEnd && searchedAt !== undefined && searchedAt >= windowEnd;
  }

  /** A callback is believed only for its own push, for the amount asked, from the phone asked. */
  private callbackDoesNotFit(payment: PaymentRow, callback: StkCallbackResult): CallbackDoubt | undefined {
    if (payment.checkout_request_id !== null && payment.checkout_request_id !== callback.checkoutRequestId) return 'other-push';
    if (callback.outcome.state !== 'paid') return undefined;
    const { amount, phone } = callback.outcome.receipt;
    if (amount === undefined || phone === undefined) return 'no-receipt-details';
    if (amount !== payment.amount) return 'amount';
    // M-Pesa writes the payer as an MSISDN (2547…), without the plus.
    const payer = parseKenyanMobile(/^254\d{9}$/.test(phone) ? `+${phone}` : phone);
    if (!payer.ok || payment.phone_hash === null || this.deps.ctx.hashIdentifier('phone', payer.value) !== payment.phone_hash) return 'payer';
    return undefined;
  }

  /** Kept, never acted on: an alert for the back office (outbox) and the supervisor's day screen (audit). */
  private rejectCallback(payment: PaymentRow, callback: StkCallbackResult, why: CallbackDoubt): CallbackDisposition {
    const { outcome } = callback;
    const key = `${payment.id}|${why}|${JSON.stringify(outcome)}`;
    if (this.refused.has(key)) return 'mismatched';
    this.refused.add(key);
    this.deps.ctx.offThreadSync.commit(() => {
      const details = {
        paymentId: payment.id,
        why,
        resultCode: outcome.state === 'failed' ? outcome.resultCode : 0,
        claimedAmount: outcome.state === 'paid' ? (outcome.receipt.amount ?? null) : null,
        expectedAmount: payment.amount,
      };
      this.deps.ctx.audit.append({ action: 'payment.callback-rejected', outcome: 'alert', actor: 'system', visitId: payment.visit_id, details });
      this.deps.ctx.outbox.enqueue('mpesa.callback-rejected', {
        ...details,
        checkoutRequestId: callback.checkoutRequestId,
        receiptNumber: outcome.state === 'paid' ? outcome.receipt.receiptNumber : null,
        at: this.deps.ctx.clock.now().toISOString(),
      });
    });
    this.deps.ctx.log.warn({ paymentId: payment.id, why }, 'M-Pesa callback rejected');
    return 'mismatched';
  }

  /** Money may have moved for a push the kiosk cannot match: the back office reconciles. */
  private unmatchedCallback(callback: StkCallbackResult): CallbackDisposition {
    this.deps.ctx.offThreadSync.commit(() => {
      this.deps.ctx.audit.append({ action: 'payment.callback-unmatched', outcome: 'ignored', actor: 'system', details: { resultCode: callback.outcome.state === 'failed' ? callback.outcome.resultCode : 0 } });
      this.deps.ctx.outbox.enqueue('mpesa.callback-unmatched', {
        checkoutRequestId: callback.checkoutRequestId,
        merchantRequestId: callback.merchantRequestId,
        receiptNumber: callback.outcome.state === 'paid' ? callback.outcome.receipt.receiptNumber : null,
      });
    });
    return 'unmatched';
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => this.deps.ctx.log.error({ err: error }, 'payment background work failed'));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  private apply(paymentId: string, event: PaymentEvent, details?: TransitionDetails): Applied {
    const applied = this.deps.store.apply(paymentId, event, details);
    if (applied.decision.kind !== 'ignore') this.announce(applied.payment);
    return applied;
  }

  /** The screen hears of a change once it is on disk, as an answer does, in the order they were made. */
  private announce(payment: PaymentRow): void {
    // Asked once the outermost transaction has committed (a clerk's override holds the store's), so the wait covers this change.
    queueMicrotask(() => {
      void this.deps.ctx.offThreadSync.synced().then(
        () => this.deps.onChange(payment),
        () => undefined,
      );
    });
  }

  /**
   * A new attempt's record is on disk before its provider is asked to take money: after a power
   * cut the kiosk knows of every charge it may have started. Should the disk refuse, nothing is
   * asked and the attempt is closed (so the bill may be paid again); the call fails.
   */
  private async onDisk(payment: PaymentRow): Promise<void> {
    try {
      await this.deps.ctx.offThreadSync.synced();
    } catch (error) {
      this.apply(payment.id, { type: 'abandoned', as: 'failed', reason: 'not-recorded' });
      throw error;
    }
  }
}

/** The terminal's answer as a payment event. */
function cardAnswer(result: CardChargeResult): { event: PaymentEvent; details?: TransitionDetails } {
  if (result.approved) return { event: { type: 'receipt', providerReference: result.approvalCode }, details: { cardMaskedPan: result.maskedPan } };
  const as = result.reason === 'cancelled' ? 'cancelled' : result.reason === 'timeout' ? 'expired' : 'failed';
  return { event: { type: 'declined', as, resultCode: null, reason: `card-${result.reason}` } };
}
