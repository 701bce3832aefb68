import type { CoreContext } from '../context';
import { AttendedMode } from './attended-mode';
import { StaffAccounts } from './staff-accounts';
import { staffHandlers } from './staff-handlers';

/** The staff feature as the core assembles it: accounts, attended mode, and their calls. */
export function createStaffService(ctx: Omit<CoreContext, 'staff'>) {
  const accounts = new StaffAccounts(ctx);
  const attended = new AttendedMode({ ...ctx, settings: ctx.settings.staff, accounts });
  return { accounts, attended, handlers: staffHandlers(attended, accounts) };
}

export type StaffService = ReturnType<typeof createStaffService>;
