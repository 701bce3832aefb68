import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { empty } from './system';

/** What the screen and the supervisor console show about the link to the back office. */
export const syncStatusSchema = z.object({
  /** False when no hub is configured: the kiosk works alone and keeps every event. */
  enabled: z.boolean(),
  online: z.boolean(),
  lastSuccessfulSyncAt: z.string().nullable(),
  eventsWaiting: z.number().int().nonnegative(),
  oldestWaitingAgeSeconds: z.number().int().nonnegative().nullable(),
  /** Events the hub refused; each keeps its reason in the outbox. */
  rejectedCount: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

export const syncCalls = {
  'sync.status': defineCall(empty, syncStatusSchema),
} as const;

export const syncEvents = {
  /** Sent when anything but the waiting age changes. */
  'sync.status': defineEvent(syncStatusSchema),
} as const;
