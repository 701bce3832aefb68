import { z } from 'zod';
import { defineCall } from './define';
import { overrideNoteSchema } from './overrides';
import { empty } from './system';

/** Whole Kenya shillings; a drawer never holds a million. */
const shillings = z.number().int().min(0).max(999_999);

/** What a supervisor found when signing off a cash difference: chosen on screen, never typed. */
export const signOffReasonSchema = z.enum(['recounted', 'countingError', 'changeError', 'cashMissing']);
export type SignOffReason = z.output<typeof signOffReasonSchema>;

export const shiftStatusSchema = z.enum(['open', 'closed', 'awaiting_sign_off', 'signed_off']);

export const shiftSummarySchema = z.object({
  shiftId: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  businessDate: z.string(),
  openedAt: z.string(),
  openingFloat: z.number().int(),
  cashTaken: z.number().int(),
  refunds: z.number().int(),
  drops: z.number().int(),
  /** Float + cash taken − refunds − drops. */
  expected: z.number().int(),
  closedAt: z.string().nullable(),
  counted: z.number().int().nullable(),
  /** Counted − expected: positive over, negative short. */
  variance: z.number().int().nullable(),
  status: shiftStatusSchema,
  signedOffBy: z.string().nullable(),
});
export type ShiftSummary = z.output<typeof shiftSummarySchema>;

export const shiftCalls = {
  /** The signed-in clerk opens a shift with the float they counted into the drawer. */
  'shift.open': defineCall(z.object({ openingFloat: shillings }).strict(), shiftSummarySchema, 'clerk'),
  'shift.current': defineCall(empty, z.object({ shift: shiftSummarySchema.nullable() }), 'clerk'),
  /** Cash leaving the drawer: a drop to the safe, or a refund handed back. */
  'shift.cashOut': defineCall(
    z.object({ kind: z.enum(['drop', 'refund']), amount: shillings.min(1), reason: z.string().trim().min(3).max(200) }).strict(),
    shiftSummarySchema,
    'clerk',
  ),
  /** Counts the drawer and closes the shift; a variance beyond the threshold waits for a supervisor. */
  'shift.close': defineCall(z.object({ counted: shillings }).strict(), shiftSummarySchema, 'clerk'),
  /** Final: the difference stands on the day's record under the supervisor's name. A reason, and a note like an override's. */
  'shift.signOff': defineCall(
    z.object({ shiftId: z.string().min(1).max(64), reason: signOffReasonSchema, note: overrideNoteSchema.optional() }).strict(),
    shiftSummarySchema,
    'supervisor',
  ),
} as const;
