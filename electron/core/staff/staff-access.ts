import type { CoreContext } from '../context';
import { AttendedMode } from './attended-mode';
import { CentreStaff } from './centre-staff';
import { StaffAccounts } from './staff-accounts';

/** Accounts, sign-in and the centre's accounts from the hub: what the command line needs too. */
export function createStaffAccess(ctx: Omit<CoreContext, 'staff'>) {
  const accounts = new StaffAccounts(ctx);
  const attended = new AttendedMode({ ...ctx, settings: ctx.settings.staff, accounts });
  return { accounts, attended, centre: new CentreStaff({ ...ctx, attended }) };
}

export type StaffAccess = ReturnType<typeof createStaffAccess>;
