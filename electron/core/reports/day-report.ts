import type { DayReport, ReportPayment, UnclaimedMpesa } from '@shared/contract/reports';
import type { SyncStatus } from '@shared/contract/sync';
import { auditHead, type AuditChainCheck } from '../audit/audit-chain';
import type { Db } from '../db/open';
import { kenyaDayBounds } from '@shared/kenya/time';
import type { ShiftStore } from '../shifts/shift-store';
import { reconcileMpesa } from './reconciliation';
import type { ReportQueries } from './report-queries';

export interface DayReportSources {
  db: Db;
  kioskId: string;
  queries: ReportQueries;
  shifts: ShiftStore;
  syncStatus: () => SyncStatus;
  /** The audit chain's check: a whole walk, or only what was added since the last one. */
  auditChain: () => AuditChainCheck;
  /** M-Pesa money the hub last reported that no payment of this kiosk claims. */
  unclaimedMpesa: () => UnclaimedMpesa[];
}

function totalsBy<K extends 'service' | 'method'>(payments: readonly ReportPayment[], key: K) {
  const totals = new Map<string, { count: number; amount: number }>();
  for (const payment of payments) {
    const entry = totals.get(payment[key]) ?? { count: 0, amount: 0 };
    totals.set(payment[key], { count: entry.count + 1, amount: entry.amount + payment.amount });
  }
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([name, total]) => ({ [key]: name, ...total }) as { [P in K]: string } & { count: number; amount: number });
}

/** Everything the supervisor needs to see, and to close, one business day. */
export function buildDayReport(sources: DayReportSources, businessDate: string, generatedAt: Date): DayReport {
  const { queries } = sources;
  const window = kenyaDayBounds(businessDate);
  const payments = queries.payments(window);
  const paid = payments.filter((p) => p.state === 'paid');
  const pending = queries.pending(window);
  const shifts = sources.shifts.onDate(businessDate);
  const sync = sources.syncStatus();
  const chain = sources.auditChain();
  const head = auditHead(sources.db);
  const closed = queries.closed(businessDate);

  const blockers: DayReport['blockers'] = [];
  if (closed) blockers.push('already-closed');
  if (pending.count > 0) blockers.push('payments-pending');
  if (shifts.some((s) => s.status === 'open')) blockers.push('shifts-open');
  if (shifts.some((s) => s.status === 'awaiting_sign_off')) blockers.push('shifts-awaiting-sign-off');

  return {
    businessDate,
    kioskId: sources.kioskId,
    generatedAt: generatedAt.toISOString(),
    paid: { count: paid.length, amount: paid.reduce((sum, p) => sum + p.amount, 0) },
    byService: totalsBy(paid, 'service'),
    byMethod: totalsBy(paid, 'method'),
    pending,
    shifts,
    recoveries: queries.recoveries(window),
    lookups: queries.lookups(window),
    overrides: queries.overrides(window),
    paymentAlerts: queries.paymentAlerts(window),
    unclaimedMpesa: sources.unclaimedMpesa(),
    sync: {
      enabled: sync.enabled,
      online: sync.online,
      eventsWaiting: sync.eventsWaiting,
      oldestWaitingAgeSeconds: sync.oldestWaitingAgeSeconds,
      lastSuccessfulSyncAt: sync.lastSuccessfulSyncAt,
    },
    exceptions: reconcileMpesa(queries.mpesa(window)),
    audit: { intact: chain.intact, rows: chain.rows, headId: head?.id ?? null, headHash: head?.hash ?? null, firstBrokenId: chain.intact ? null : chain.firstBroken.id },
    payments,
    closed,
    blockers,
  };
}
