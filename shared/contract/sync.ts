import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { empty } from './system';

/** A first load of the replica, or a rebuild, under way: how far it has come. */
export const replicaLoadSchema = z.object({
  rowsLoaded: z.number().int().nonnegative(),
  /** What the hub says the load receives in all; null from a hub that does not say. */
  totalRows: z.number().int().nonnegative().nullable(),
  /** Null until the load has run long enough to be measured. */
  rowsPerSecond: z.number().nonnegative().nullable(),
  secondsLeft: z.number().int().nonnegative().nullable(),
});
export type ReplicaLoad = z.output<typeof replicaLoadSchema>;

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
  replica: z.object({
    /** False until the first load is complete: lookups and recovery refuse, the kiosk is out of service. */
    ready: z.boolean(),
    load: replicaLoadSchema.nullable(),
  }),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

export const syncCalls = {
  'sync.status': defineCall(empty, syncStatusSchema),
} as const;

export const syncEvents = {
  /** Sent when anything but the waiting age changes. */
  'sync.status': defineEvent(syncStatusSchema),
} as const;
