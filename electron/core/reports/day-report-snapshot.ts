import type { DayReport } from '@shared/contract/reports';
import type { SyncStatus } from '@shared/contract/sync';
import { verifyAuditChain, type AuditChainCheck, type VerifiedPrefix } from '../audit/audit-chain';
import type { Db } from '../db/open';
import { LocalSettings } from '../settings/local-settings';
import { ShiftCash } from '../shifts/shift-cash';
import { ShiftStore } from '../shifts/shift-store';
import { lastUnclaimedMpesa } from '../sync/unclaimed-mpesa';
import { buildDayReport } from './day-report';
import { contentHash } from './report-csv';
import type { ReportSeal } from './report-format';
import { ReportQueries } from './report-queries';

/** What the heavy-jobs process needs besides the database to build the day's report: plain data, it crosses processes. */
export interface DayReportRequest {
  kioskId: string;
  businessDate: string;
  generatedAt: string;
  /** The sync loop's state as the answering thread saw it when the report was asked for. */
  syncStatus: SyncStatus;
  /** Where the last intact walk ended; absent, the whole chain is walked. */
  walkedFrom?: VerifiedPrefix;
}

/**
 * The day's report read on `db` (the heavy-jobs process's own read-only connection) in one snapshot with the
 * audit walk that seals it, so its figures, its audit head and the walk all describe the same
 * moment while the kiosk goes on writing.
 */
export function dayReportSnapshot(db: Db, request: DayReportRequest): { report: DayReport; chain: AuditChainCheck } {
  const queries = new ReportQueries(db);
  const shifts = new ShiftStore(db, new ShiftCash(db));
  const local = new LocalSettings(db);
  return db.transaction(() => {
    const chain = verifyAuditChain(db, request.walkedFrom);
    const sources = {
      db,
      kioskId: request.kioskId,
      queries,
      shifts,
      syncStatus: () => request.syncStatus,
      auditChain: () => chain,
      unclaimedMpesa: () => lastUnclaimedMpesa(local),
    };
    return { report: buildDayReport(sources, request.businessDate, new Date(request.generatedAt)), chain };
  })();
}

/** What every exported file states about itself: the payments' hash and the audit head it was made at. */
export function reportSeal(report: DayReport): ReportSeal {
  return { contentHash: contentHash(report.payments), auditHead: `${report.audit.headId ?? 0}:${report.audit.headHash ?? ''}` };
}
