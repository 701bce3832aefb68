import { z } from 'zod';
import { CENTRE_SETTING_FIELDS } from '@shared/sync/centre-settings';

const fields = CENTRE_SETTING_FIELDS.staff;

/** Attended mode and PIN policy; starting values, every one tunable per deployment or by the centre's back office (shared/sync/centre-settings.ts). */
export const staffSettingsSchema = z
  .object({
    idleTimeoutSeconds: fields.idleTimeoutSeconds.default(180),
    maxFailedPins: fields.maxFailedPins.default(5),
    lockoutMinutes: fields.lockoutMinutes.default(15),
    varianceSignOffThreshold: fields.varianceSignOffThreshold.default(500),
  })
  .default({ idleTimeoutSeconds: 180, maxFailedPins: 5, lockoutMinutes: 15, varianceSignOffThreshold: 500 });

export type StaffSettings = z.output<typeof staffSettingsSchema>;
