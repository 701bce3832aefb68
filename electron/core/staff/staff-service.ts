import type { CoreContext } from '../context';
import { shiftHandlers } from '../shifts/shift-handlers';
import { Shifts } from '../shifts/shifts';
import { AttendedMode } from './attended-mode';
import { StaffAccounts } from './staff-accounts';
import { staffHandlers } from './staff-handlers';

/** The staff side as the core assembles it: accounts, attended mode, cash shifts, and their calls. */
export function createStaffService(ctx: Omit<CoreContext, 'staff'>) {
  const accounts = new StaffAccounts(ctx);
  const attended = new AttendedMode({ ...ctx, settings: ctx.settings.staff, accounts });
  const shifts = new Shifts(ctx);
  return {
    accounts,
    attended,
    shifts,
    handlers: { ...staffHandlers(attended, accounts), ...shiftHandlers(shifts, attended) },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
