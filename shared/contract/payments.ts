import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { empty } from './system';

const localized = z.object({ en: z.string(), sw: z.string() });
const id = z.string().min(1).max(64);
/** One per payment attempt, made by the screen: asking again with it never pays twice. */
const idempotencyKey = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);

export const paymentMethodSchema = z.enum(['mpesa', 'card', 'cash']);
export type PaymentMethod = z.output<typeof paymentMethodSchema>;
/** The methods a provider takes (cash needs only a clerk). */
export const providerMethodSchema = z.enum(['mpesa', 'card']);
export type ProviderMethod = z.output<typeof providerMethodSchema>;
export const paymentStateSchema = z.enum(['created', 'prompted', 'in_doubt', 'paid', 'failed', 'cancelled', 'expired', 'refund_due']);
export type PaymentState = z.output<typeof paymentStateSchema>;

export const billViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.enum(['fine', 'licence_renewal', 'vehicle_search']),
  lines: z.array(z.object({ description: localized, amount: z.number().int() })),
  /** Whole shillings. */
  total: z.number().int(),
  status: z.enum(['unpaid', 'paid']),
  /** The attempt still waiting for its result, if any: a new one cannot start meanwhile. */
  paymentInProgressId: z.string().nullable(),
  paidPaymentId: z.string().nullable(),
  /** The methods this kiosk offers: those whose provider is configured. */
  methods: z.array(providerMethodSchema),
  /** Today's takings are closed: no payment is taken until the next business day. */
  dayClosed: z.boolean(),
});
export type BillView = z.output<typeof billViewSchema>;

export const paymentViewSchema = z.object({
  id: z.string(),
  billId: z.string(),
  billReference: z.string(),
  method: paymentMethodSchema,
  state: paymentStateSchema,
  amount: z.number().int(),
  /** M-Pesa has confirmed the payment; its receipt number is on the way. */
  confirmed: z.boolean(),
  maskedPhone: z.string().nullable(),
  tendered: z.number().int().nullable(),
  change: z.number().int().nullable(),
  receiptNumber: z.string().nullable(),
  /** Why it did not go through and what to do next, in both languages. */
  outcome: z
    .object({
      code: z.string(),
      message: localized,
      nextStep: localized,
      retryable: z.boolean(),
      retryAfterSeconds: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type PaymentView = z.output<typeof paymentViewSchema>;

export const receiptViewSchema = z.object({
  receiptNumber: z.string(),
  billReference: z.string(),
  lines: z.array(z.object({ description: z.string(), amount: z.number().int() })),
  total: z.number().int(),
  method: paymentMethodSchema,
  providerReference: z.string(),
  paidAt: z.string(),
  kioskId: z.string(),
  change: z.number().int().nullable(),
  /** The signed QR text (verifiable offline with the kiosk's public key) and its image. */
  qrText: z.string(),
  qrSvg: z.string(),
});
export type ReceiptView = z.output<typeof receiptViewSchema>;

export const feeOfferSchema = z.object({
  code: z.string(),
  name: localized,
  amount: z.number().int(),
  convenienceFee: z.number().int(),
  total: z.number().int(),
});

const billId = z.object({ billId: id }).strict();
const paymentId = z.object({ paymentId: id }).strict();

export const paymentCalls = {
  /** The renewals and the vehicle search the kiosk sells, priced from the fee catalogue. */
  'payments.fees': defineCall(empty, z.object({ renewal1y: feeOfferSchema, renewal3y: feeOfferSchema, vehicleSearch: feeOfferSchema })),
  /** The bill for one unpaid fine from the replica (the same bill every time for that fine). */
  'payments.billForFine': defineCall(z.object({ fineId: z.number().int().positive() }).strict(), billViewSchema),
  'payments.billForRenewal': defineCall(
    z.object({ years: z.union([z.literal(1), z.literal(3)]), licenceId: z.number().int().positive().optional() }).strict(),
    billViewSchema,
  ),
  'payments.billForVehicleSearch': defineCall(z.object({ plate: z.string().max(20) }).strict(), billViewSchema),
  /** Any bill by the reference printed on it (a kiosk bill, or a fine's reference). */
  'payments.billByReference': defineCall(z.object({ reference: z.string().max(40) }).strict(), billViewSchema),
  'payments.bill': defineCall(billId, billViewSchema),
  /** Sends the M-Pesa prompt; the result comes as `payments.updated` (or by `payments.status`). */
  'payments.payByMpesa': defineCall(z.object({ billId: id, idempotencyKey, phone: z.string().max(20) }).strict(), paymentViewSchema),
  /** Charges the card at the terminal beside the kiosk. */
  'payments.payByCard': defineCall(z.object({ billId: id, idempotencyKey }).strict(), paymentViewSchema),
  /** Cash taken by the signed-in clerk: the amount tendered; the change is computed. */
  'payments.payByCash': defineCall(
    z.object({ billId: id, idempotencyKey, tendered: z.number().int().positive().max(1_000_000) }).strict(),
    paymentViewSchema,
    'clerk',
  ),
  'payments.status': defineCall(paymentId, paymentViewSchema),
  'payments.receipt': defineCall(paymentId, receiptViewSchema),
  /** Prints the receipt on the kiosk's thermal printer. */
  'payments.printReceipt': defineCall(paymentId, empty),
  /**
   * The receipt by SMS or email when it cannot be printed: `to` is the number or address
   * typed; an SMS without `to` goes to the phone that paid by M-Pesa in this visit.
   */
  'payments.sendReceipt': defineCall(
    z.object({ paymentId: id, channel: z.enum(['sms', 'email']), to: z.string().max(254).optional() }).strict(),
    z.object({ channel: z.enum(['sms', 'email']), maskedTo: z.string() }),
  ),
  /** The receipt as a PDF (base64), e.g. to send by e-mail. */
  'payments.receiptPdf': defineCall(paymentId, z.object({ pdfBase64: z.string() })),
} as const;

export const paymentEvents = {
  /** A payment of this visit changed state (a result from the phone, the terminal or a callback). */
  'payments.updated': defineEvent(paymentViewSchema),
} as const;
