import { z } from 'zod';
import { staffIdSchema, staffRoleSchema } from '../contract/staff';

/**
 * What a kiosk receives about its service centre each sync interval (`GET
 * SYNC_PATHS.centreState`): the centre's staff as the back office keeps them, the staff
 * numbers the centre's kiosks together have locked by wrong PINs, and the centre's settings. Staff are few per centre,
 * so the whole state comes each time and is applied in one transaction: nothing to page,
 * and a disabled account cannot be missed the way a lost delta could be.
 *
 * A kiosk the hub has not placed in a centre gets `centre: null` and keeps its own staff.
 */
/** A PIN travels only as the kiosk's scrypt hash (shared/node/pin-hash.ts), never in clear. */
export const pinHashSchema = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);

export const centreStaffMemberSchema = z.object({
  staffId: staffIdSchema,
  name: z.string().min(1).max(80),
  role: staffRoleSchema,
  pinHash: pinHashSchema,
  /** The badge's hash under the centre's badge key (shared/node/badge-hash.ts), or null without a badge. */
  badgeHash: z.string().min(1).max(64).nullable(),
  disabled: z.boolean(),
});
export type CentreStaffMember = z.output<typeof centreStaffMemberSchema>;

export const centreLockoutSchema = z.object({ staffId: staffIdSchema, until: z.iso.datetime() });
export type CentreLockout = z.output<typeof centreLockoutSchema>;

export const centreStateSchema = z.object({
  centre: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(120), badgeKey: z.string().min(16).max(128) }).nullable(),
  staff: z.array(centreStaffMemberSchema),
  lockouts: z.array(centreLockoutSchema),
  /**
   * The centre's settings document (shared/sync/centre-settings.ts), `{}` when it has none. The
   * kiosk checks it against the allow-list on its own, so a document it cannot take never holds
   * back the staff; a hub from before centre settings sends none.
   */
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type CentreState = z.output<typeof centreStateSchema>;

/**
 * Sign-in outcomes a kiosk uploads through its outbox for the centre-wide PIN lockout: a
 * wrong PIN for a known staff number, and a right one (which clears the count). Payload
 * `{staffId}`; never the PIN.
 */
export const STAFF_SIGN_IN_EVENTS = { failed: 'staff.pin-failed', succeeded: 'staff.signed-in' } as const;
