import { z } from 'zod';
import { CENTRE_SETTING_FIELDS } from '@shared/sync/centre-settings';

const fields = CENTRE_SETTING_FIELDS.lookup;

/** The `lookup` settings section: abuse limits, and when a licence or cover counts as "expiring". A centre's back office may set each (shared/sync/centre-settings.ts). */
export const lookupSettingsSchema = z
  .object({
    lookupsPerVisit: fields.lookupsPerVisit.default(3),
    kioskLookupsPerWindow: fields.kioskLookupsPerWindow.default(60),
    kioskWindowSeconds: fields.kioskWindowSeconds.default(600),
    expiringWithinDays: fields.expiringWithinDays.default(30),
  })
  .prefault({});

export type LookupSettings = z.output<typeof lookupSettingsSchema>;
