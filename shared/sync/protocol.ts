import { z } from 'zod';
import { printerStatusReportSchema } from '../contract/printer';
import { unclaimedMpesaSchema, type UnclaimedMpesa } from '../contract/reports';

export { unclaimedMpesaSchema, type UnclaimedMpesa };

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
  auditHeads: '/sync/v1/audit-heads',
  /** The kiosk's centre, its staff and lockouts (centre-state.ts). */
  centreState: '/sync/v1/centre-state',
} as const;

/**
 * Where Safaricom posts STK callbacks on the hub: the kiosk's `mpesa.callbackUrl` is this
 * path on the back office's public address. Daraja does not authenticate the callback, so
 * the route is open; the hub keeps each body for the kiosk that pushed.
 */
export const MPESA_CALLBACK_PATH = '/mpesa/v1/stk-callback';

/**
 * Text the hub stores in a text column. PostgreSQL refuses a NUL character in text where SQLite
 * keeps it, so the hub refuses it at the door, on either store, as bad input.
 */
export const storableText = () => z.string().refine((text) => !text.includes('\u0000'), 'text may not contain a NUL character');

/** An outbox event as the kiosk sends it; `seq` is the kiosk's own gapless numbering. */
export const uploadedEventSchema = z.object({
  seq: z.number().int().positive(),
  id: storableText().min(1).max(100),
  type: storableText().min(1).max(100),
  payload: z.unknown(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type UploadedEvent = z.output<typeof uploadedEventSchema>;

/** Most events in one upload; the kiosk's `sync.uploadBatchEvents` cannot exceed it. */
export const UPLOAD_BATCH_EVENTS_MAX = 10_000;
/** The kiosk's byte budget for one batch (`sync.uploadBatchBytes`) cannot exceed this. */
export const UPLOAD_BATCH_BYTES_MAX = 4 * 1024 * 1024;
/** The hub stores an event whose payload is larger as rejected (the batch still goes through). */
export const EVENT_PAYLOAD_BYTES_MAX = 256 * 1024;
/** An event's JSON around its payload: seq, id and type (≤ 100 each), createdAt, keys, a comma. */
export const EVENT_ENVELOPE_BYTES = 512;
/** The batch's own JSON: `{"events":[…]}` and the audit head. */
const BATCH_ENVELOPE_BYTES = 1024;
/**
 * The largest upload body a kiosk sends: a batch fills at most its byte budget, or is one
 * event alone, which the hub keeps only up to EVENT_PAYLOAD_BYTES_MAX.
 * 4 MiB + 1 KiB = 4,195,328 bytes; the hub refuses a larger body with 413.
 */
export const UPLOAD_BODY_LIMIT_BYTES = Math.max(UPLOAD_BATCH_BYTES_MAX, EVENT_PAYLOAD_BYTES_MAX + EVENT_ENVELOPE_BYTES) + BATCH_ENVELOPE_BYTES;

/**
 * The newest row of the kiosk's audit log: its number and hash. The hub keeps every head a
 * kiosk sends, so a row the hub has seen a head past cannot be rewritten unnoticed, even
 * with the whole chain recomputed after it.
 */
export const auditHeadSchema = z.object({
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type WireAuditHead = z.output<typeof auditHeadSchema>;

/**
 * The batch envelope checks only the sequence numbers: the hub judges each event on its
 * own, so one malformed event is rejected with a reason instead of refusing the batch and
 * wedging the queue behind it. A batch may be empty when it carries only a new audit head.
 * `auditHead` is optional: a kiosk from before it was added still uploads.
 */
export const uploadRequestSchema = z.object({
  events: z.array(z.looseObject({ seq: z.number().int().positive() })).max(UPLOAD_BATCH_EVENTS_MAX),
  auditHead: auditHeadSchema.optional(),
});
export type UploadRequest = { events: UploadedEvent[]; auditHead?: WireAuditHead };

/**
 * 200: everything up to `appliedThrough` is stored at the hub (this batch's events and any
 * before). `rejected` lists the events of this batch the hub stored as refused, and why.
 * `auditHead` echoes the head the hub now holds from this upload: only an echoed head counts
 * as acknowledged (a hub that does not know the field leaves it out).
 */
export const uploadResponseSchema = z.object({
  appliedThrough: z.number().int().nonnegative(),
  rejected: z.array(z.object({ seq: z.number().int().positive(), reason: z.string() })),
  auditHead: auditHeadSchema.optional(),
});
export type UploadResponse = z.output<typeof uploadResponseSchema>;

/**
 * 409: nothing of the batch was applied. `gap`: the batch does not follow the hub's last
 * applied event, so the kiosk resends from `appliedThrough + 1`. `history-mismatch`: the
 * hub holds different events under these numbers (e.g. the kiosk's database was replaced);
 * only an administrator can settle that. `audit-head-conflict`: the hub holds a head at a
 * later row (`auditHead`), or another hash at the same row: the kiosk's audit log went back
 * or was rewritten, and the hub keeps nothing of the upload (`appliedThrough` is 0 then:
 * the events were not looked at).
 */
export const uploadConflictSchema = z.object({
  error: z.enum(['gap', 'history-mismatch', 'audit-head-conflict']),
  appliedThrough: z.number().int().nonnegative(),
  auditHead: auditHeadSchema.optional(),
});
export type UploadConflict = z.output<typeof uploadConflictSchema>;

/** `GET /sync/v1/audit-heads?after=<row>`: the heads the hub holds for the asking kiosk, by row. */
export const AUDIT_HEADS_PAGE_MAX = 1000;
export const auditHeadsQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(AUDIT_HEADS_PAGE_MAX).default(AUDIT_HEADS_PAGE_MAX),
});
export const auditHeadsResponseSchema = z.object({
  heads: z.array(auditHeadSchema.extend({ receivedAt: z.iso.datetime({ offset: true }) })),
  hasMore: z.boolean(),
});
export type AuditHeadsResponse = z.output<typeof auditHeadsResponseSchema>;

export const downloadQuerySchema = z.object({
  /** Absent on the first pull: everything from the start of the hub's history. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().positive().max(200_000).optional(),
});

export const cellSchema = z.union([storableText(), z.number(), z.null()]);
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
  /**
   * Rows (upserts and deletions) in the hub's history up to its newest position when this
   * page was read: what a load from nothing receives in all, for its progress. Optional: a
   * hub from before it was added leaves it out.
   */
  totalRows: z.number().int().nonnegative().optional(),
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
  /** The receipt printer as the kiosk last saw it (paper low, out, offline…); absent from older kiosks. */
  printer: printerStatusReportSchema.optional(),
});
export type Heartbeat = z.output<typeof heartbeatSchema>;

/**
 * 200 to a heartbeat: M-Pesa money the hub holds for this kiosk's pushes that none of its
 * uploaded payments claims (to match or refund at the counter). An older hub answers 204.
 */
export const heartbeatAnswerSchema = z.object({ unclaimedMpesa: z.array(unclaimedMpesaSchema) });

/**
 * The kiosk asks for the callbacks of its own unsettled pushes by CheckoutRequestID, and of
 * its attempts in doubt (push sent, answer lost) by the attempt reference their callback
 * address carried — both unguessable, never a feed of everyone's: a callback carries the
 * payer's phone number. The first kiosk to ask for an id owns it; another kiosk asking for
 * it gets nothing.
 */
export const MPESA_CALLBACK_IDS_MAX = 200;
export const mpesaCallbacksRequestSchema = z
  .object({
    checkoutRequestIds: z.array(storableText().min(1).max(100)).max(MPESA_CALLBACK_IDS_MAX).default([]),
    attemptReferences: z.array(z.string().regex(/^[A-Z0-9]{4,12}$/)).max(MPESA_CALLBACK_IDS_MAX).default([]),
  })
  .refine((asked) => asked.checkoutRequestIds.length + asked.attemptReferences.length > 0, 'ask for at least one push');
export type MpesaCallbacksRequest = z.input<typeof mpesaCallbacksRequestSchema>;

/** Every body posted for those pushes, exactly as it came (a forged one too: the kiosk judges), with the attempt its address named. */
export const mpesaCallbacksResponseSchema = z.object({
  callbacks: z.array(z.object({ attemptReference: z.string().nullable(), body: z.unknown() })),
});
export type MpesaCallbacksResponse = z.output<typeof mpesaCallbacksResponseSchema>;
