import type { CallRole } from '@shared/contract/define';

export type StaffRole = Exclude<CallRole, 'public'>;

/** The member of staff signed in at this kiosk (attended mode). */
export interface SignedInStaff {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  /** The clerk's open cash shift, if any; cash payments belong to it. */
  readonly shiftId: string | null;
}

/**
 * Who is standing at the kiosk on the staff side. Features read it (cash needs a clerk,
 * approvals record who approved); the staff feature owns signing in and out.
 */
export interface StaffPresence {
  current(): SignedInStaff | undefined;
}
