import { createKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import type { NewStaff } from '../../electron/core/staff/staff-accounts';
import { createStaffAccess } from '../../electron/core/staff/staff-access';

/** Demo staff for tests: PINs that pass the guessable-PIN rule. */
export const SUPERVISOR = { staffId: '1001', name: 'Grace Njeri', role: 'supervisor', pin: '2580', badgeCode: 'HC-BADGE-1001' } as const;
export const CLERK = { staffId: '2001', name: 'Peter Otieno', role: 'clerk', pin: '1470', badgeCode: 'HC-BADGE-2001' } as const;

/** Adds accounts straight into a running core's database, as the setup CLI would. */
export async function seedStaff(core: KioskCore, staff: readonly NewStaff[] = [SUPERVISOR, CLERK]): Promise<void> {
  const service = createStaffAccess(core.context);
  for (const account of staff) await service.accounts.create(account, 'setup');
}

/** Adds accounts to a database file that no core has open yet. */
export async function seedStaffInFile(databaseFile: string, staff: readonly NewStaff[] = [SUPERVISOR, CLERK]): Promise<void> {
  const core = createKioskCore({ databaseFile });
  try {
    await seedStaff(core, staff);
  } finally {
    await core.close();
  }
}
