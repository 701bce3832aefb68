import { z } from 'zod';

const seconds = (min: number, max: number, fallback: number) => z.number().min(min).max(max).default(fallback);
const count = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

/** How the kiosk talks to its back-office hub. An empty `hubUrl` turns sync off. */
export const syncSettingsSchema = z
  .object({
    hubUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
    /** The bearer token the hub's `admin add-kiosk` printed for this kiosk. */
    kioskToken: z.string().default(''),
    /** Uploads also start on every new event; this timer is the safety net. */
    uploadIntervalSeconds: seconds(1, 3600, 30),
    downloadIntervalSeconds: seconds(1, 3600, 60),
    heartbeatIntervalSeconds: seconds(5, 3600, 60),
    /** How often the hub is asked for M-Pesa callbacks while a push awaits its result. */
    mpesaCallbackIntervalSeconds: seconds(0.2, 600, 3),
    requestTimeoutSeconds: seconds(1, 600, 30),
    /** Capped exponential back-off with jitter after a failed exchange. */
    retryBaseSeconds: seconds(0.01, 60, 1),
    retryMaxSeconds: seconds(0.05, 3600, 300),
    uploadBatchEvents: count(10_000, 500),
    uploadBatchBytes: count(32 * 1024 * 1024, 2 * 1024 * 1024),
    downloadPageRows: count(200_000, 25_000),
  })
  .prefault({});

export type SyncSettings = z.output<typeof syncSettingsSchema>;
