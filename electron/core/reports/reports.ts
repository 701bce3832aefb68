import { REPORT_MIME_TYPES, type DayReport, type ReportFormat } from '@shared/contract/reports';
import type { SyncStatus } from '@shared/contract/sync';
import { verifyAuditChain, type AuditChainCheck, type VerifiedPrefix } from '../audit/audit-chain';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import { kenyaDate } from '@shared/kenya/time';
import { lastUnclaimedMpesa } from '../sync/unclaimed-mpesa';
import type { ShiftStore } from '../shifts/shift-store';
import type { SignedInStaff } from '../staff-presence';
import { buildDayReport } from './day-report';
import { sha256Hex } from '@shared/node/reports/sealed-csv';
import { reportSeal, type DayReportRequest } from './day-report-snapshot';
import type { ReportSeal } from './report-format';
import { ReportQueries } from './report-queries';
import { databaseFileOf, runHeavyJob } from '../heavy-job-runner';

type ReportDeps = Pick<CoreContext, 'db' | 'clock' | 'kioskId' | 'audit' | 'outbox' | 'local' | 'offThreadSync'>;

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
   * The day as the supervisor's screen shows it, built in the heavy-jobs process. The screen reloads
   * often, so it walks only the audit rows added since the last intact walk (the first time, the
   * whole chain); exporting and closing, which seal the day, walk the whole chain.
   */
  async day(date: string | undefined): Promise<DayReport> {
    const { report, chain } = await runHeavyJob<{ report: DayReport; chain: AuditChainCheck }>('dayReport', {
      ...this.reportRequest(date),
      walkedFrom: this.verifiedAudit,
    });
    this.verifiedAudit = intactPrefix(chain);
    return report;
  }

  async export(supervisor: SignedInStaff, date: string | undefined, format: ReportFormat) {
    // Reading a busy day and laying out its PDF or workbook takes seconds: all of it in the heavy-jobs process.
    const made = await runHeavyJob<{ kioskId: string; businessDate: string; generatedAt: string; seal: ReportSeal; chain: AuditChainCheck; file: Uint8Array }>(
      'dayReportFile',
      { ...this.reportRequest(date), format },
    );
    this.verifiedAudit = intactPrefix(made.chain);
    const { seal } = made;
    const file = Buffer.from(made.file);
    const mimeType = REPORT_MIME_TYPES[format];
    const fileSha256 = sha256Hex(file);
    const fileName = `huduma-${made.kioskId}-${made.businessDate}.${format}`;
    // Synced off the answering thread: the supervisor's file waits for it (the dispatcher), the
    // searches at the screen do not wait behind its fsync (issue 15).
    this.deps.offThreadSync.commit(() => {
      const details = { businessDate: made.businessDate, format, fileSha256, contentHash: seal.contentHash, auditHead: seal.auditHead };
      this.deps.audit.append({ action: 'report.export', outcome: 'ok', actor: `staff:${supervisor.staffId}`, details });
      this.deps.outbox.enqueue('report.exported', { ...details, staffId: supervisor.staffId, at: made.generatedAt });
    });
    return { fileName, mimeType, contentBase64: file.toString('base64'), ...seal, fileSha256 };
  }

  async close(supervisor: SignedInStaff, date: string | undefined) {
    const walked = await this.walkWholeChain();
    const { audit, outbox } = this.deps;
    // Synced off the answering thread, like an export's record (the supervisor's answer waits for it):
    // a close during a replica load would otherwise hold the screen for the fsync (issue 15).
    return this.deps.offThreadSync.commit(() => {
      const report = this.closingReport(date, walked);
      const blocker = report.blockers[0];
      if (blocker) {
        const count = blocker === 'payments-pending' ? report.pending.count : report.shifts.filter((s) => s.status === (blocker === 'shifts-open' ? 'open' : 'awaiting_sign_off')).length;
        throw new KioskError(BLOCKER_ERRORS[blocker], { params: { count } });
      }
      const seal = reportSeal(report);
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
    });
  }

  /** What the heavy-jobs process needs to build the day's report; a future day is refused here, before any thread starts. */
  private reportRequest(date: string | undefined): DayReportRequest & { file: string; keyHex?: string } {
    const now = this.deps.clock.now();
    const businessDate = this.businessDate(date, now);
    return { ...this.databaseFile(), kioskId: this.deps.kioskId, businessDate, generatedAt: now.toISOString(), syncStatus: this.syncStatus() };
  }

  private businessDate(date: string | undefined, now: Date): string {
    const day = date ?? kenyaDate(now);
    if (day > kenyaDate(now)) throw new KioskError('report.futureDate', { field: 'date' });
    return day;
  }

  /**
   * The day's report for closing it, built here in one synchronous piece inside the close's
   * transaction, so what it checks is what it records. `walked` is a whole walk just made on a
   * heavy-jobs process; only the rows added since (a handful) are walked here.
   */
  private closingReport(date: string | undefined, walked: AuditChainCheck): DayReport {
    const now = this.deps.clock.now();
    const day = this.businessDate(date, now);
    const auditChain = () => {
      const check = walked.intact ? verifyAuditChain(this.deps.db, intactPrefix(walked)) : walked;
      this.verifiedAudit = intactPrefix(check);
      return check;
    };
    return buildDayReport(
      { ...this.deps, queries: this.queries, shifts: this.shifts, syncStatus: this.syncStatus, auditChain, unclaimedMpesa: () => lastUnclaimedMpesa(this.deps.local) },
      day,
      now,
    );
  }

  /** Another process cannot see an in-memory database; the kiosk's is always a file. */
  private databaseFile() {
    if (this.deps.db.memory) throw new Error('the day report is read in the heavy-jobs process and needs the database in a file');
    return databaseFileOf(this.deps.db);
  }

  /** The whole chain walked in the heavy-jobs process with its own read-only connection: 200k rows take about a second. */
  private walkWholeChain(): Promise<AuditChainCheck> {
    return runHeavyJob<AuditChainCheck>('verifyAuditChain', this.databaseFile());
  }
}

function intactPrefix(check: AuditChainCheck): VerifiedPrefix | undefined {
  return check.intact && check.head ? { head: check.head, rows: check.rows } : undefined;
}
