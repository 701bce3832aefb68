import { z } from 'zod';
import { defineCall } from './define';
import { overrideKindSchema } from './overrides';
import { shiftSummarySchema } from './shifts';

const businessDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const total = z.object({ count: z.number().int(), amount: z.number().int() });

export const reportPaymentSchema = z.object({
  paymentId: z.string(),
  at: z.string(),
  service: z.string(),
  billReference: z.string(),
  method: z.enum(['mpesa', 'card', 'cash']),
  state: z.string(),
  amount: z.number().int(),
  /** The M-Pesa receipt number, card approval code, or clerk's staff id for cash. */
  providerReference: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  staffId: z.string().nullable(),
  shiftId: z.string().nullable(),
});
export type ReportPayment = z.output<typeof reportPaymentSchema>;

export const reconciliationExceptionSchema = z.object({
  kind: z.enum(['paid-without-receipt', 'receipt-matched-twice', 'receipt-on-unpaid', 'refund-due']),
  paymentId: z.string(),
  receipt: z.string().nullable(),
  amount: z.number().int(),
});

export const dayCloseBlocker = z.enum(['payments-pending', 'shifts-open', 'shifts-awaiting-sign-off', 'already-closed']);

/** An override a clerk made that day, for the supervisor to see (never a citizen's identifier). */
export const reportOverrideSchema = z.object({
  at: z.string(),
  staffId: z.string(),
  kind: overrideKindSchema,
  reason: z.string(),
  note: z.string().nullable(),
  outcome: z.string(),
});
export type ReportOverride = z.output<typeof reportOverrideSchema>;

/** An M-Pesa callback that disagreed with its payment or with Daraja: kept, never acted on. */
export const paymentAlertSchema = z.object({
  at: z.string(),
  paymentId: z.string(),
  why: z.enum(['other-push', 'amount', 'payer', 'no-receipt-details', 'contradicted-by-query']),
  claimedAmount: z.number().nullable(),
  expectedAmount: z.number(),
});
export type PaymentAlert = z.output<typeof paymentAlertSchema>;

/** M-Pesa money the back office holds for this kiosk's pushes that no payment of it claims. */
export const unclaimedMpesaSchema = z.object({ receiptNumber: z.string(), amount: z.number().nullable(), receivedAt: z.string() });
export type UnclaimedMpesa = z.output<typeof unclaimedMpesaSchema>;

export const dayReportSchema = z.object({
  businessDate: businessDateSchema,
  kioskId: z.string(),
  generatedAt: z.string(),
  /** Money received: payments in state paid (refunds due are listed as exceptions). */
  paid: total,
  byService: z.array(total.extend({ service: z.string() })),
  byMethod: z.array(total.extend({ method: z.string() })),
  /** Payments still waiting for a provider's answer, from this day or before: they block the close. */
  pending: total,
  shifts: z.array(shiftSummarySchema),
  recoveries: z.array(z.object({ outcome: z.string(), count: z.number().int() })),
  lookups: z.number().int(),
  overrides: z.array(reportOverrideSchema),
  /** Callbacks refused as forged or mistaken: for the back office to look into. */
  paymentAlerts: z.array(paymentAlertSchema),
  /** As the hub last reported it (with the heartbeat); empty without a hub. */
  unclaimedMpesa: z.array(unclaimedMpesaSchema),
  sync: z.object({
    enabled: z.boolean(),
    online: z.boolean(),
    eventsWaiting: z.number().int(),
    oldestWaitingAgeSeconds: z.number().int().nullable(),
    lastSuccessfulSyncAt: z.string().nullable(),
  }),
  exceptions: z.array(reconciliationExceptionSchema),
  audit: z.object({
    intact: z.boolean(),
    rows: z.number().int(),
    headId: z.number().int().nullable(),
    headHash: z.string().nullable(),
    firstBrokenId: z.number().int().nullable(),
  }),
  payments: z.array(reportPaymentSchema),
  closed: z.object({ closedAt: z.string(), closedBy: z.string(), contentHash: z.string() }).nullable(),
  blockers: z.array(dayCloseBlocker),
});
export type DayReport = z.output<typeof dayReportSchema>;

export const reportFormatSchema = z.enum(['csv', 'xlsx', 'pdf']);
export type ReportFormat = z.output<typeof reportFormatSchema>;

/** What a day-report file is called when it leaves a kiosk or the hub's console. */
export const REPORT_MIME_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export const reportCalls = {
  /** The supervisor's day: totals, pending payments, shifts, recoveries, lookups, sync, exceptions. */
  'report.day': defineCall(z.object({ date: businessDateSchema.optional() }).strict(), dayReportSchema, 'supervisor'),
  /** The day's report as a file, carrying the hash of its content and of the audit log's head. */
  'report.export': defineCall(
    z.object({ date: businessDateSchema.optional(), format: reportFormatSchema }).strict(),
    z.object({
      fileName: z.string(),
      mimeType: z.string(),
      contentBase64: z.string(),
      contentHash: z.string(),
      auditHead: z.string(),
      fileSha256: z.string(),
    }),
    'supervisor',
  ),
  /** Closes the business day: refused while payments are pending or shifts are open or unsigned. */
  'day.close': defineCall(
    z.object({ date: businessDateSchema.optional() }).strict(),
    z.object({ businessDate: businessDateSchema, closedAt: z.string(), contentHash: z.string() }),
    'supervisor',
  ),
} as const;
