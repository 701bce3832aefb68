import { z } from 'zod';

/**
 * A Daraja STK callback as Safaricom posts it to the CallBackURL: read by the hub, which
 * files it, and by the kiosk, which judges it against its payment.
 */

/** What M-Pesa's receipt says about a completed payment. */
export interface MpesaReceipt {
  /** M-Pesa's transaction id, e.g. `QKH94M1Z11`: the provider receipt the kiosk records. */
  readonly receiptNumber: string;
  readonly amount?: number;
  /** The payer as M-Pesa reports it (`2547…`). */
  readonly phone?: string;
  /** `YYYYMMDDHHmmss`, Kenya time. */
  readonly transactionDate?: string;
}

export interface StkCallbackFields {
  readonly merchantRequestId: string;
  readonly checkoutRequestId: string;
  readonly resultCode: number;
  readonly resultDesc: string;
  /** Present when M-Pesa sent a receipt number (success only). */
  readonly receipt?: MpesaReceipt;
}

/** Items carry a Name and usually a Value; `Balance` comes without one. */
const metadataItemSchema = z.object({
  Name: z.string(),
  Value: z.union([z.string(), z.number()]).nullish(),
});
type MetadataItem = z.infer<typeof metadataItemSchema>;

/** Daraja sends ResultCode as a number in callbacks and as a string in query answers. */
export const resultCodeSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

const stkCallbackSchema = z.object({
  Body: z.object({
    stkCallback: z.object({
      MerchantRequestID: z.string().min(1),
      CheckoutRequestID: z.string().min(1),
      ResultCode: resultCodeSchema,
      ResultDesc: z.string(),
      CallbackMetadata: z.object({ Item: z.array(metadataItemSchema) }).optional(),
    }),
  }),
});

/**
 * Reads a `Body.stkCallback`. Metadata items are looked up by name, in whatever order they
 * come; failures carry none. What is wrong with a body that is not a callback is said in
 * `problems` (field paths and rules, never values).
 */
export function readStkCallback(body: unknown): { ok: true; callback: StkCallbackFields } | { ok: false; problems: string } {
  const parsed = stkCallbackSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const callback = parsed.data.Body.stkCallback;
  const receipt = receiptFrom(callback.CallbackMetadata?.Item ?? []);
  return {
    ok: true,
    callback: {
      merchantRequestId: callback.MerchantRequestID,
      checkoutRequestId: callback.CheckoutRequestID,
      resultCode: callback.ResultCode,
      resultDesc: callback.ResultDesc,
      ...(receipt && { receipt }),
    },
  };
}

function receiptFrom(items: readonly MetadataItem[]): MpesaReceipt | undefined {
  const value = (name: string) => items.find((item) => item.Name === name)?.Value ?? undefined;
  const receiptNumber = value('MpesaReceiptNumber');
  if (receiptNumber === undefined || String(receiptNumber).trim() === '') return undefined;
  const amount = value('Amount');
  const phone = value('PhoneNumber');
  const transactionDate = value('TransactionDate');
  return {
    receiptNumber: String(receiptNumber).trim(),
    ...(amount !== undefined && { amount: Number(amount) }),
    ...(phone !== undefined && { phone: String(phone) }),
    ...(transactionDate !== undefined && { transactionDate: String(transactionDate) }),
  };
}
