import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { empty } from './system';

export const staffRoleSchema = z.enum(['clerk', 'supervisor']);
export const pinSchema = z.string().regex(/^\d{4,8}$/);
/** The staff (personal file) number: digits, so it is typed on the kiosk's keypad. */
export const staffIdSchema = z.string().regex(/^\d{3,12}$/);
/** What a badge scanner types: printable ASCII, no spaces. */
export const badgeCodeSchema = z.string().regex(/^[\x21-\x7e]{4,64}$/);
/** A staff member's name as people read it (the hub holds a centre's name to the same rule). */
export const staffNameSchema = z.string().trim().min(2).max(80);

export const signedInStaffSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  shiftId: z.string().nullable(),
  idleTimeoutSeconds: z.number().int().positive(),
});
export type SignedInStaffView = z.output<typeof signedInStaffSchema>;

/** Why attended mode started or ended; `disabled`: the back office disabled the account. */
export const attendedChangeReason = z.enum(['sign-in', 'sign-out', 'idle', 'replaced', 'visit-ended', 'disabled']);

export const staffCalls = {
  /** Attended mode: the PIN with either the staff number or a scanned badge. */
  'staff.signIn': defineCall(
    z
      .object({ pin: pinSchema, staffId: staffIdSchema.optional(), badgeCode: badgeCodeSchema.optional() })
      .strict()
      .refine((r) => (r.staffId === undefined) !== (r.badgeCode === undefined), { path: ['staffId'] }),
    signedInStaffSchema,
  ),
  /** Ends attended mode; answering for nobody signed in is not an error. */
  'staff.signOut': defineCall(empty, empty),
  'staff.current': defineCall(empty, z.object({ staff: signedInStaffSchema.nullable() })),
  /** A staff touch on the screen: keeps attended mode from timing out. */
  'staff.keepAlive': defineCall(empty, empty, 'clerk'),
  /** A supervisor adds a clerk (or another supervisor). */
  'staff.add': defineCall(
    z
      .object({
        staffId: staffIdSchema,
        name: staffNameSchema,
        role: staffRoleSchema,
        pin: pinSchema,
        badgeCode: badgeCodeSchema.optional(),
      })
      .strict(),
    z.object({ staffId: z.string() }),
    'supervisor',
  ),
} as const;

export const staffEvents = {
  /** Attended mode started or ended (sign-in, sign-out, its own idle timeout). */
  'staff.changed': defineEvent(z.object({ staff: signedInStaffSchema.nullable(), reason: attendedChangeReason })),
} as const;
