import { z } from 'zod';

/**
 * The kiosk ↔ hub wire format, version 1, in one place. The kiosk is the protocol's client
 * and the hub its reference server: the hub imports this file, the core never imports the
 * hub. Every request carries `Authorization: Bearer <kiosk token>`.
 */
export const SYNC_PATHS = {
  upload: '/sync/v1/upload',
  download: '/sync/v1/download',
  heartbeat: '/sync/v1/heartbeat',
  mpesaCallbacks: '/sync/v1/mpesa-callbacks',
} as const;

/**
 * Where Safaricom posts STK callbacks on the hub: the kiosk's `mpesa.callbackUrl` is this
 * path on the back office's public address. Daraja does not authenticate the callback, so
 * the route is open; the hub keeps each body for the kiosk that pushed.
 */
export const MPESA_CALLBACK_PATH = '/mpesa/v1/stk-callback';

/** An outbox event as the kiosk sends it; `seq` is the kiosk's own gapless numbering. */
export const uploadedEventSchema = z.object({
  seq: z.number().int().positive(),
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(100),
  payload: z.unknown(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type UploadedEvent = z.output<typeof uploadedEventSchema>;

/**
 * The batch envelope checks only the sequence numbers: the hub judges each event on its
 * own, so one malformed event is rejected with a reason instead of refusing the batch and
 * wedging the queue behind it.
 */
export const uploadRequestSchema = z.object({
  events: z
    .array(z.looseObject({ seq: z.number().int().positive() }))
    .min(1)
    .max(10_000),
});
export type UploadRequest = { events: UploadedEvent[] };

/**
 * 200: everything up to `appliedThrough` is stored at the hub (this batch's events and any
 * before). `rejected` lists the events of this batch the hub stored as refused, and why.
 */
export const uploadResponseSchema = z.object({
  appliedThrough: z.number().int().nonnegative(),
  rejected: z.array(z.object({ seq: z.number().int().positive(), reason: z.string() })),
});
export type UploadResponse = z.output<typeof uploadResponseSchema>;

/**
 * 409: nothing of the batch was applied. `gap`: the batch does not follow the hub's last
 * applied event, so the kiosk resends from `appliedThrough + 1`. `history-mismatch`: the
 * hub holds different events under these numbers (e.g. the kiosk's database was replaced);
 * only an administrator can settle that.
 */
export const uploadConflictSchema = z.object({
  error: z.enum(['gap', 'history-mismatch']),
  appliedThrough: z.number().int().nonnegative(),
});
export type UploadConflict = z.output<typeof uploadConflictSchema>;

export const downloadQuerySchema = z.object({
  /** Absent on the first pull: everything from the start of the hub's history. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().positive().max(200_000).optional(),
});

export const cellSchema = z.union([z.string(), z.number(), z.null()]);
export type Cell = z.output<typeof cellSchema>;

/**
 * One replica table's changes: rows as arrays in `columns` order, deletions by key. Cells
 * are not checked one by one here (millions of them on a first load): SQLite's binding
 * refuses anything but a scalar, and the STRICT tables refuse a wrong type.
 */
export const tableChangesSchema = z.object({
  table: z.string(),
  columns: z.array(z.string()).min(1),
  upserts: z.array(z.custom<Cell[]>(Array.isArray, 'a row must be an array of cells')),
  deletes: z.array(z.union([z.string(), z.number()])),
});
export type TableChanges = z.output<typeof tableChangesSchema>;

export const changePageSchema = z.object({
  changes: z.array(tableChangesSchema),
  /** Opaque; send it back to get what changed after this page. */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type ChangePage = z.output<typeof changePageSchema>;

/** The cursor belongs to a history the hub no longer has: start again from nothing. */
export const mustRefetchSchema = z.object({ mustRefetch: z.literal(true) });

export const downloadResponseSchema = z.union([changePageSchema, mustRefetchSchema]);
export type DownloadResponse = z.output<typeof downloadResponseSchema>;

/** The figures a supervisor console shows for each kiosk. */
export const heartbeatSchema = z.object({
  version: z.string().max(50),
  eventsWaiting: z.number().int().nonnegative(),
  oldestWaitingAgeSeconds: z.number().int().nonnegative().nullable(),
  rejectedCount: z.number().int().nonnegative(),
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Heartbeat = z.output<typeof heartbeatSchema>;

/**
 * The kiosk asks for the callbacks of its own unsettled pushes by CheckoutRequestID (an
 * unguessable id only the pushing kiosk holds), never for a feed of everyone's: a callback
 * carries the payer's phone number.
 */
export const MPESA_CALLBACK_IDS_MAX = 200;
export const mpesaCallbacksRequestSchema = z.object({
  checkoutRequestIds: z.array(z.string().min(1).max(100)).min(1).max(MPESA_CALLBACK_IDS_MAX),
});
export type MpesaCallbacksRequest = z.output<typeof mpesaCallbacksRequestSchema>;

/** Each body exactly as Safaricom posted it, once per CheckoutRequestID held at the hub. */
export const mpesaCallbacksResponseSchema = z.object({ callbacks: z.array(z.unknown()) });
export type MpesaCallbacksResponse = z.output<typeof mpesaCallbacksResponseSchema>;
