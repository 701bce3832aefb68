import { z } from 'zod';
import { centreSchema } from '@shared/updates/update-feed';

/**
 * The Electron shell's updates, from the hub's feed for this kiosk's centre (`<sync.hubUrl>/updates/v1/<centre>/`),
 * with the kiosk's own token. No centre: no updates. The browser host ignores this section.
 */
export const updateSettingsSchema = z
  .object({
    centre: z.union([z.literal(''), centreSchema]).default(''),
    /** How often the feed is asked; a release is downloaded in the background and installed when nobody is being served. */
    checkEveryMinutes: z.number().int().min(5).max(24 * 60).default(60),
  })
  .prefault({});

export type UpdateSettings = z.output<typeof updateSettingsSchema>;
