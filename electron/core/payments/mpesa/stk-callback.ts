import { z } from 'zod';
import { MpesaMalformedCallbackError } from './mpesa-errors';
import { outcomeFromResult, type MpesaReceipt, type SettledStkOutcome } from './stk-outcome';

/** A Daraja STK callback, read: the push it answers and its final outcome. */
export interface StkCallbackResult {
  readonly merchantRequestId: string;
  readonly checkoutRequestId: string;
  readonly outcome: SettledStkOutcome;
}

/** Items carry a Name and usually a Value; `Balance` comes without one. */
const metadataItemSchema = z.object({
  Name: z.string(),
  Value: z.union([z.string(), z.number()]).nullish(),
});
type MetadataItem = z.infer<typeof metadataItemSchema>;

/** Daraja sends ResultCode as a number in callbacks and as a string in query answers. */
export const resultCodeSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** The envelope Daraja posts to the CallBackURL; the hub files callbacks by it too. */
export const stkCallbackSchema = z.object({
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
 * Reads a `Body.stkCallback` as Daraja posts it (and as the back office forwards it).
 * Metadata items are looked up by name, in whatever order they come; failures carry none.
 * Pure: deduplicating repeated callbacks is the payment service's job.
 */
export function parseStkCallback(body: unknown): StkCallbackResult {
  const parsed = stkCallbackSchema.safeParse(body);
  if (!parsed.success) throw new MpesaMalformedCallbackError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const callback = parsed.data.Body.stkCallback;
  const outcome = outcomeFromResult(callback.ResultCode, callback.ResultDesc, receiptFrom(callback.CallbackMetadata?.Item ?? []));
  return { merchantRequestId: callback.MerchantRequestID, checkoutRequestId: callback.CheckoutRequestID, outcome };
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
