import { z } from 'zod';
import { defineCall } from './define';
import { paymentMethodSchema, paymentStateSchema } from './payments';
import { empty } from './system';

/** What a clerk may override; the audit log names each `override.<kind>`. */
export const overrideKindSchema = z.enum(['lift-lookup-limit', 'cancel-stuck-payment']);
export type OverrideKind = z.output<typeof overrideKindSchema>;

/** Why a clerk let a citizen search again: chosen on screen, never typed. */
export const liftLookupReasonSchema = z.enum(['typing-mistakes', 'wrong-document', 'id-checked-by-clerk']);
/** Why a clerk asked to cancel a payment that seems stuck. */
export const cancelPaymentReasonSchema = z.enum(['citizen-left', 'no-prompt-on-phone', 'paying-another-way', 'terminal-stuck']);

/**
 * A short optional note beside the reason. Letters and a few digits only: a run of five
 * digits could be an ID or phone number, and the audit trail never holds one.
 */
export const overrideNoteSchema = z
  .string()
  .trim()
  .max(120)
  .refine((note) => !/\d{5}/.test(note), { message: 'no-identifiers' });

/** A payment waiting longer than it should, as the clerk sees it (no phone, no name). */
export const stuckPaymentSchema = z.object({
  paymentId: z.string(),
  method: paymentMethodSchema,
  state: paymentStateSchema,
  amount: z.number().int(),
  billReference: z.string(),
  waitingSince: z.string(),
});
export type StuckPayment = z.output<typeof stuckPaymentSchema>;

export const overrideCalls = {
  /** What a clerk could override now: the visit's lookup limit, and payments stuck waiting. */
  'overrides.status': defineCall(
    empty,
    z.object({ visitOpen: z.boolean(), lookupLimitReached: z.boolean(), stuckPayments: z.array(stuckPaymentSchema) }),
    'clerk',
  ),
  /** For the open visit only: its searches (and codes sent) start again from zero. */
  'overrides.liftLookupLimit': defineCall(
    z.object({ reason: liftLookupReasonSchema, note: overrideNoteSchema.optional() }).strict(),
    z.object({ lookupsLeft: z.number().int().nonnegative() }),
    'clerk',
  ),
  /**
   * Asks the provider first: cancelled only when it reports the payment unpaid; settled
   * paid when it reports money received; left waiting when M-Pesa confirmed it.
   */
  'overrides.cancelStuckPayment': defineCall(
    z.object({ paymentId: z.string().min(1).max(64), reason: cancelPaymentReasonSchema, note: overrideNoteSchema.optional() }).strict(),
    z.object({ outcome: z.enum(['cancelled', 'paid', 'awaiting-receipt']), state: paymentStateSchema }),
    'clerk',
  ),
} as const;

export type LiftLookupReason = z.output<typeof liftLookupReasonSchema>;
export type CancelPaymentReason = z.output<typeof cancelPaymentReasonSchema>;
