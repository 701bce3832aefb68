import type { SyncStatus } from '../../shared/contract/sync';
import type { CoreContext } from './context';
import { reportHandlers } from './reports/report-handlers';
import { Reports } from './reports/reports';
import { shiftHandlers } from './shifts/shift-handlers';
import { Shifts } from './shifts/shifts';
import { createStaffAccess } from './staff/staff-access';
import { staffHandlers } from './staff/staff-handlers';

/**
 * The staff side as the core assembles it: accounts, attended mode, cash shifts, the
 * supervisor's day report, and their calls. Here, above all three, so that staff/ never
 * reaches up into the shifts and reports that stand on it.
 */
export function createStaffDesk(ctx: Omit<CoreContext, 'staff'>, syncStatus: () => SyncStatus) {
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
