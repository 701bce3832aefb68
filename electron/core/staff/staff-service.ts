import type { SyncStatus } from '../../../shared/contract/sync';
import type { CoreContext } from '../context';
import { reportHandlers } from '../reports/report-handlers';
import { Reports } from '../reports/reports';
import { shiftHandlers } from '../shifts/shift-handlers';
import { Shifts } from '../shifts/shifts';
import { AttendedMode } from './attended-mode';
import { StaffAccounts } from './staff-accounts';
import { staffHandlers } from './staff-handlers';

/** Accounts and sign-in alone: what the command line needs. */
export function createStaffAccess(ctx: Omit<CoreContext, 'staff'>) {
  const accounts = new StaffAccounts(ctx);
  return { accounts, attended: new AttendedMode({ ...ctx, settings: ctx.settings.staff, accounts }) };
}

export type StaffAccess = ReturnType<typeof createStaffAccess>;

/**
 * The staff side as the core assembles it: accounts, attended mode, cash shifts, the
 * supervisor's day report, and their calls.
 */
export function createStaffService(ctx: Omit<CoreContext, 'staff'>, syncStatus: () => SyncStatus) {
  const { accounts, attended } = createStaffAccess(ctx);
  const shifts = new Shifts(ctx);
  const reports = new Reports(ctx, shifts.store, syncStatus);
  return {
    accounts,
    attended,
    shifts,
    reports,
    handlers: { ...staffHandlers(attended, accounts), ...shiftHandlers(shifts, attended), ...reportHandlers(reports, attended) },
  };
}
