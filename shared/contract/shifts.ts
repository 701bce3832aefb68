import { z } from 'zod';
import { defineCall } from './define';
import { empty } from './system';

/** Whole Kenya shillings; a drawer never holds a million. */
const shillings = z.number().int().min(0).max(999_999);

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
  'shift.signOff': defineCall(
    z.object({ shiftId: z.string().min(1).max(64), note: z.string().trim().min(5).max(300) }).strict(),
    shiftSummarySchema,
    'supervisor',
  ),
} as const;
