import { KioskError } from '../errors';
import type { NewStaff } from './staff-accounts';
import type { StaffAccess } from './staff-access';

export class StaffCommandError extends Error {}

/** The first supervisor, created at installation; refused once any supervisor exists. */
export async function setupFirstSupervisor(staff: StaffAccess, account: Omit<NewStaff, 'role'>): Promise<void> {
  if (staff.accounts.hasSupervisor()) {
    throw new StaffCommandError('A supervisor already exists: add staff with `add --by <supervisor id>` instead.');
  }
  await staff.accounts.create({ ...account, role: 'supervisor' }, 'setup');
}

/** A supervisor adds an account from the command line, proving who they are with their PIN. */
export async function addStaffAsSupervisor(
  staff: StaffAccess,
  supervisor: { staffId: string; pin: string },
  account: NewStaff,
): Promise<void> {
  const signedIn = await staff.attended.signIn(supervisor);
  try {
    if (signedIn.role !== 'supervisor') throw new StaffCommandError(`${signedIn.staffId} is not a supervisor.`);
    await staff.accounts.create(account, signedIn.staffId);
  } finally {
    staff.attended.signOut();
  }
}

/** The message a refusal shows on the command line. */
export function commandErrorText(error: unknown): string | undefined {
  if (error instanceof KioskError) return error.payload.message.en;
  if (error instanceof StaffCommandError) return error.message;
  return undefined;
}
