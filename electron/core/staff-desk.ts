import type { reportCalls } from '@shared/contract/reports';
import type { shiftCalls } from '@shared/contract/shifts';
import type { staffCalls } from '@shared/contract/staff';
import type { SyncStatus } from '@shared/contract/sync';
import type { CoreContext } from './context';
import type { Feature } from './feature';
import { reportHandlers } from './reports/report-handlers';
import { Reports } from './reports/reports';
import { shiftHandlers } from './shifts/shift-handlers';
import { Shifts } from './shifts/shifts';
import { createStaffAccess, type StaffAccess } from './staff/staff-access';
import { staffHandlers } from './staff/staff-handlers';

export interface StaffDesk extends StaffAccess {
  readonly shifts: Shifts;
  readonly reports: Reports;
}

/**
 * The staff side as the core assembles it: accounts, attended mode, cash shifts, the
 * supervisor's day report, and their calls. Here, above all three, so that staff/ never
 * reaches up into the shifts and reports that stand on it.
 */
export function createStaffDesk(
  ctx: Omit<CoreContext, 'staff'>,
  syncStatus: () => SyncStatus,
): Feature<keyof typeof staffCalls | keyof typeof shiftCalls | keyof typeof reportCalls, StaffDesk> {
  const { accounts, attended, centre } = createStaffAccess(ctx);
  const shifts = new Shifts(ctx);
  const reports = new Reports(ctx, shifts.store, syncStatus);
  return {
    service: { accounts, attended, centre, shifts, reports },
    handlers: { ...staffHandlers(attended, accounts), ...shiftHandlers(shifts, attended), ...reportHandlers(reports, attended) },
    start: () => undefined,
  };
}
