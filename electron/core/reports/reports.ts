import type { DayReport, ReportFormat } from '@shared/contract/reports';
import type { SyncStatus } from '@shared/contract/sync';
import { verifyAuditChain, type AuditChainCheck, type VerifiedPrefix } from '../audit/audit-chain';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import { kenyaDate } from '@shared/kenya/time';
import { lastUnclaimedMpesa } from '../sync/unclaimed-mpesa';
import type { ShiftStore } from '../shifts/shift-store';
import type { SignedInStaff } from '../staff-presence';
import { buildDayReport } from './day-report';
import { contentHash, sha256Hex } from './report-csv';
import { REPORT_FILE_TYPES } from './report-files';
import type { ReportSeal } from './report-format';
import { ReportQueries } from './report-queries';
import { databaseFileOf, runInWorker } from '../run-in-worker';

type ReportDeps = Pick<CoreContext, 'db' | 'clock' | 'kioskId' | 'audit' | 'outbox' | 'local'>;

const BLOCKER_ERRORS = {
  'already-closed': 'day.alreadyClosed',
  'payments-pending': 'day.paymentsPending',
  'shifts-open': 'day.shiftsOpen',
  'shifts-awaiting-sign-off': 'day.shiftsAwaitingSignOff',
} as const;

/** The supervisor's day: the report, its exports, and closing the day. */
export class Reports {
  private readonly queries: ReportQueries;
  private readonly closeStmt;
  /** The audit chain as far as this process has walked it intact (memory only, by design). */
  private verifiedAudit: VerifiedPrefix | undefined;

  constructor(
    private readonly deps: ReportDeps,
    private readonly shifts: ShiftStore,
    private readonly syncStatus: () => SyncStatus,
  ) {
    this.queries = new ReportQueries(deps.db);
    this.closeStmt = deps.db.prepare('INSERT INTO day_closes (business_date, closed_at, closed_by, content_hash, audit_head) VALUES (?, ?, ?, ?, ?)');
  }

  /**
   * The day as the supervisor's screen shows it. The screen reloads often, so it checks
   * only the audit rows added since the last intact walk (the first time, a whole walk on a
   * worker thread); exporting and closing, which seal the day, walk the whole chain.
   */
  async day(date: string | undefined): Promise<DayReport> {
    const walked = this.verifiedAudit ? undefined : await this.walkWholeChain();
    return this.report(date, walked);
  }

  async export(supervisor: SignedInStaff, date: string | undefined, format: ReportFormat) {
    const report = this.report(date, await this.walkWholeChain());
    const seal = this.seal(report);
    // Laying out a PDF or a workbook of a busy day takes a second: on a worker thread, from the report's data.
    const file = Buffer.from(await runInWorker<Uint8Array>('reportFile', { format, report, seal }));
    const { mimeType } = REPORT_FILE_TYPES[format];
    const fileSha256 = sha256Hex(file);
    const fileName = `huduma-${report.kioskId}-${report.businessDate}.${format}`;
    this.deps.db.transaction(() => {
      const details = { businessDate: report.businessDate, format, fileSha256, contentHash: seal.contentHash, auditHead: seal.auditHead };
      this.deps.audit.append({ action: 'report.export', outcome: 'ok', actor: `staff:${supervisor.staffId}`, details });
      this.deps.outbox.enqueue('report.exported', { ...details, staffId: supervisor.staffId, at: report.generatedAt });
    })();
    return { fileName, mimeType, contentBase64: file.toString('base64'), ...seal, fileSha256 };
  }

  async close(supervisor: SignedInStaff, date: string | undefined) {
    const walked = await this.walkWholeChain();
    const { db, audit, outbox } = this.deps;
    return db.transaction(() => {
      const report = this.report(date, walked);
      const blocker = report.blockers[0];
      if (blocker) {
        const count = blocker === 'payments-pending' ? report.pending.count : report.shifts.filter((s) => s.status === (blocker === 'shifts-open' ? 'open' : 'awaiting_sign_off')).length;
        throw new KioskError(BLOCKER_ERRORS[blocker], { params: { count } });
      }
      const seal = this.seal(report);
      this.closeStmt.run(report.businessDate, report.generatedAt, supervisor.staffId, seal.contentHash, seal.auditHead);
      audit.append({ action: 'day.close', outcome: 'ok', actor: `staff:${supervisor.staffId}`, details: { businessDate: report.businessDate, ...seal } });
      outbox.enqueue('day.closed', {
        businessDate: report.businessDate,
        closedAt: report.generatedAt,
        closedBy: supervisor.staffId,
        paid: report.paid,
        byService: report.byService,
        byMethod: report.byMethod,
        shifts: report.shifts.map((s) => ({ shiftId: s.shiftId, staffId: s.staffId, expected: s.expected, counted: s.counted, variance: s.variance, status: s.status })),
        exceptions: report.exceptions,
        ...seal,
      });
      return { businessDate: report.businessDate, closedAt: report.generatedAt, contentHash: seal.contentHash };
    })();
  }

  /**
   * Builds the report in one synchronous piece, so its figures and its audit head agree.
   * `walked` is a whole walk just made on a worker thread; only the rows added since (a
   * handful) are walked here, on this thread. Without it, the rows since the last intact walk.
   */
  private report(date: string | undefined, walked: AuditChainCheck | undefined): DayReport {
    const now = this.deps.clock.now();
    const day = date ?? kenyaDate(now);
    if (day > kenyaDate(now)) throw new KioskError('report.futureDate', { field: 'date' });
    const auditChain = () => {
      const check = walked && !walked.intact ? walked : verifyAuditChain(this.deps.db, walked ? intactPrefix(walked) : this.verifiedAudit);
      this.verifiedAudit = intactPrefix(check);
      return check;
    };
    return buildDayReport(
      { ...this.deps, queries: this.queries, shifts: this.shifts, syncStatus: this.syncStatus, auditChain, unclaimedMpesa: () => lastUnclaimedMpesa(this.deps.local) },
      day,
      now,
    );
  }

  /** The whole chain walked on a worker thread with its own read-only connection: 200k rows take about a second. */
  private walkWholeChain(): Promise<AuditChainCheck> {
    // A worker cannot see an in-memory database; the kiosk's is always a file.
    if (this.deps.db.memory) throw new Error('the audit walk needs the database in a file');
    return runInWorker<AuditChainCheck>('verifyAuditChain', databaseFileOf(this.deps.db));
  }

  private seal(report: DayReport): ReportSeal {
    return { contentHash: contentHash(report.payments), auditHead: `${report.audit.headId ?? 0}:${report.audit.headHash ?? ''}` };
  }
}

function intactPrefix(check: AuditChainCheck): VerifiedPrefix | undefined {
  return check.intact && check.head ? { head: check.head, rows: check.rows } : undefined;
}
