import type { CoreContext } from '../context';
import { AttendedMode } from './attended-mode';
import { StaffAccounts } from './staff-accounts';

/** Accounts and sign-in alone: what the command line needs. */
export function createStaffAccess(ctx: Omit<CoreContext, 'staff'>) {
  const accounts = new StaffAccounts(ctx);
  return { accounts, attended: new AttendedMode({ ...ctx, settings: ctx.settings.staff, accounts }) };
}

export type StaffAccess = ReturnType<typeof createStaffAccess>;
