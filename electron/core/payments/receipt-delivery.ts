import { newEmailSchema } from '@shared/contract/recovery';
import { maskEmail, maskPhone } from '@shared/identifiers/mask';
import { parseKenyanMobile } from '@shared/identifiers/phone';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { Visit } from '../visits/visits';
import type { Bill } from './bills/bill-store';
import type { PaymentReceipts } from './payment-receipts';
import type { PaymentRow } from './payment-store';
import { receiptEmail, receiptSmsText } from './receipts/receipt-message';

/** Enough for a typing slip and a second phone; not a free SMS and email relay. */
const SENDS_PER_PAYMENT = 3;

export type ReceiptChannel = 'sms' | 'email';

/**
 * The receipt by SMS or email, for when it cannot be printed: to the phone that paid by
 * M-Pesa in this visit, or to a number or address the citizen types. Only the visit that
 * paid may send its receipt. Audited with the destination hashed.
 */
export class ReceiptDelivery {
  private readonly sends;

  constructor(
    private readonly ctx: CoreContext,
    private readonly receipts: PaymentReceipts,
    /** The phone that paid each M-Pesa payment of a visit, in full (a visit slot: forgotten with it). */
    private readonly payerPhones: (visit: Visit) => Map<string, string>,
  ) {
    this.sends = ctx.visits.slot(() => new Map<string, number>());
  }

  async send(visit: Visit, payment: PaymentRow, bill: Bill, request: { channel: ReceiptChannel; to?: string | undefined }): Promise<{ channel: ReceiptChannel; maskedTo: string }> {
    if (payment.visit_id !== visit.id) throw new KioskError('payment.notFound');
    const destination = request.channel === 'sms' ? this.phone(visit, payment, request.to) : this.email(request.to);
    const sent = this.sends(visit).get(payment.id) ?? 0;
    if (sent >= SENDS_PER_PAYMENT) throw new KioskError('payment.receiptSendLimit');
    const { receipt, verifyCode } = this.receipts.signed(payment, bill, visit.locale);
    try {
      if (request.channel === 'sms') await this.ctx.sms.send({ to: destination, text: receiptSmsText(receipt, verifyCode, visit.locale) });
      else await this.ctx.email.send({ to: destination, ...receiptEmail(receipt, verifyCode, visit.locale) });
    } catch (error) {
      this.ctx.log.warn({ channel: request.channel, err: error instanceof Error ? error.name : 'unknown' }, 'receipt not sent');
      throw new KioskError('payment.receiptNotSent');
    }
    this.sends(visit).set(payment.id, sent + 1);
    const kind = request.channel === 'sms' ? 'phone' : 'email';
    this.ctx.offThreadSync.commit(() =>
      this.ctx.audit.append({
        action: 'receipt.send',
        outcome: 'ok',
        actor: 'citizen',
        visitId: visit.id,
        subject: this.ctx.hashIdentifier(kind, destination),
        details: { paymentId: payment.id, receiptNumber: receipt.receiptNumber, channel: request.channel },
      }),
    );
    return { channel: request.channel, maskedTo: request.channel === 'sms' ? maskPhone(destination) : maskEmail(destination) };
  }

  private phone(visit: Visit, payment: PaymentRow, typed: string | undefined): string {
    if (typed === undefined) {
      const payer = this.payerPhones(visit).get(payment.id);
      if (!payer) throw new KioskError('payment.receiptBadPhone', { field: 'to' });
      return payer;
    }
    const phone = parseKenyanMobile(typed);
    if (!phone.ok) throw new KioskError('payment.receiptBadPhone', { field: 'to' });
    return phone.value;
  }

  private email(typed: string | undefined): string {
    const email = newEmailSchema.safeParse(typed ?? '');
    if (!email.success) throw new KioskError('email.invalid', { field: 'to' });
    return email.data;
  }
}
