import { isIP } from 'node:net';
import { z } from 'zod';

const seconds = (min: number, max: number, fallback: number) => z.number().min(min).max(max).default(fallback);
const count = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** The kiosk token and the outbox travel to the hub: over HTTPS, unless the hub is on this machine. */
const hubUrlSchema = z.url({ protocol: /^https?$/ }).refine((url) => new URL(url).protocol === 'https:' || isLoopbackHost(new URL(url).hostname), {
  message: 'sync.hubUrl must be an https:// address (plain http:// only for a hub on this machine: localhost, 127.0.0.0/8, ::1)',
});

/** How the kiosk talks to its back-office hub. An empty `hubUrl` turns sync off. */
export const syncSettingsSchema = z
  .object({
    hubUrl: z.union([z.literal(''), hubUrlSchema]).default(''),
    /** The bearer token the hub's `admin add-kiosk` printed for this kiosk. */
    kioskToken: z.string().default(''),
    /** Uploads also start on every new event; this timer is the safety net. */
    uploadIntervalSeconds: seconds(1, 3600, 30),
    downloadIntervalSeconds: seconds(1, 3600, 60),
    heartbeatIntervalSeconds: seconds(5, 3600, 60),
    /** How often the centre's staff and lockouts are read: a clerk disabled at the hub is signed out within this. */
    centreStateIntervalSeconds: seconds(1, 3600, 30),
    /** How often the hub is asked for M-Pesa callbacks while a push awaits its result. */
    mpesaCallbackIntervalSeconds: seconds(0.2, 600, 3),
    requestTimeoutSeconds: seconds(1, 600, 30),
    /** Capped exponential back-off with jitter after a failed exchange. */
    retryBaseSeconds: seconds(0.01, 60, 1),
    retryMaxSeconds: seconds(0.05, 3600, 300),
    /** At most the protocol's UPLOAD_BATCH_EVENTS_MAX and UPLOAD_BATCH_BYTES_MAX (sync/protocol.ts): the hub refuses larger bodies. */
    uploadBatchEvents: count(10_000, 500),
    uploadBatchBytes: count(4 * 1024 * 1024, 2 * 1024 * 1024),
    downloadPageRows: count(200_000, 25_000),
  })
  .prefault({});

export type SyncSettings = z.output<typeof syncSettingsSchema>;
