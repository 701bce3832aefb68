import type { StuckPayment } from '@shared/contract/overrides';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { PaymentService, ProviderAnswer } from '../payments/payment-service';
import { isUnsettled } from '../payments/payment-state';
import type { PaymentRow } from '../payments/payment-store';
import type { SignedInStaff } from '../staff-presence';
import { recordOverride } from './override-record';

/**
 * Waiting longer than this is "stuck": an M-Pesa prompt lives about a minute on the phone,
 * so a push still unanswered after two has expired there even if Daraja has no result.
 */
export const STUCK_AFTER_MS = 2 * 60_000;
/** How long the card terminal may take to say how a charge ended before it counts as unknown. */
const CARD_ANSWER_MS = 5_000;

export type CancelOutcome = 'cancelled' | 'paid' | 'awaiting-receipt';

/**
 * A clerk's "check and cancel" of a payment that seems stuck. The provider is asked first;
 * money it reports received settles the payment paid (never cancelled), M-Pesa's "confirmed"
 * keeps it waiting for its receipt, and only a payment the provider reports unpaid, or one
 * it knows nothing of after the prompt's life, is cancelled with reason `clerk-override`.
 * Every change goes through the payment state machine, so a receipt arriving later still
 * wins; each is one transaction with the payment's audit row, the override's and their events.
 */
export class StuckPayments {
  constructor(
    private readonly ctx: CoreContext,
    private readonly service: PaymentService,
  ) {}

  list(): StuckPayment[] {
    const before = new Date(this.ctx.clock.now().getTime() - STUCK_AFTER_MS);
    return this.service.waitingSince(before).map((row) => ({
      paymentId: row.id,
      method: row.method,
      state: row.state,
      amount: row.amount,
      billReference: row.bill_reference ?? '',
      waitingSince: row.created_at,
    }));
  }

  async checkAndCancel(staff: SignedInStaff, paymentId: string, reason: string, note: string | undefined): Promise<{ outcome: CancelOutcome; state: PaymentRow['state'] }> {
    const payment = this.service.payment(paymentId);
    if (!payment) throw new KioskError('payment.notFound');
    if (!isUnsettled(payment.state)) throw new KioskError('overrides.paymentSettled', { params: { state: payment.state } });
    const answer = await this.service.askProvider(payment, CARD_ANSWER_MS);
    const actor = `staff:${staff.staffId}`;
    const record = (outcome: CancelOutcome, providerSaid: string) =>
      recordOverride(this.ctx, { kind: 'cancel-stuck-payment', staff, reason, note, outcome, visitId: payment.visit_id, details: { paymentId, method: payment.method, providerSaid } });

    if (typeof answer === 'object' && (answer.event.type === 'receipt' || answer.event.type === 'confirmed')) {
      const providerSaid = answer.event.type === 'receipt' ? 'paid' : 'confirmed';
      return this.ctx.offThreadSync.commit(() => {
        const applied = this.service.applyOverride(paymentId, answer, actor);
        const result = this.resultOf(applied.payment);
        record(result.outcome, providerSaid);
        return result;
      }, 'immediate');
    }
    if (!this.providerSaysUnpaid(answer, payment)) throw new KioskError('overrides.stillWaiting');
    const resultCode = typeof answer === 'object' && answer.event.type === 'declined' ? answer.event.resultCode : null;
    return this.ctx.offThreadSync.commit(() => {
      const applied = this.service.applyOverride(paymentId, { event: { type: 'declined', as: 'cancelled', resultCode, reason: 'clerk-override' } }, actor);
      // Settled meanwhile (a callback's receipt, or M-Pesa's confirmation): say what it is now.
      const result = this.resultOf(applied.payment);
      record(result.outcome, typeof answer === 'object' ? 'declined' : answer);
      return result;
    }, 'immediate');
  }

  /** A final "no" from the provider, or no answer at all once the prompt's life has passed. */
  private providerSaysUnpaid(answer: ProviderAnswer, payment: PaymentRow): boolean {
    if (typeof answer === 'object') return answer.event.type === 'declined' || answer.event.type === 'abandoned';
    return this.ctx.clock.now().getTime() - Date.parse(payment.created_at) >= STUCK_AFTER_MS;
  }

  private resultOf(payment: PaymentRow): { outcome: CancelOutcome; state: PaymentRow['state'] } {
    if (payment.state === 'paid' || payment.state === 'refund_due') return { outcome: 'paid', state: payment.state };
    if (payment.state === 'cancelled') return { outcome: 'cancelled', state: payment.state };
    if (isUnsettled(payment.state)) return { outcome: 'awaiting-receipt', state: payment.state };
    throw new KioskError('overrides.paymentSettled', { params: { state: payment.state } });
  }
}
