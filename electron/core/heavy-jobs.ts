import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import type { ReportFormat } from '@shared/contract/reports';
import { verifyAuditChain, type AuditChainCheck, type VerifiedPrefix } from './audit/audit-chain';
import { copyDatabaseFile } from './backup/copy-database';
import { checkDatabaseFile, type IntegrityReport } from './backup/integrity';
import type { Db } from './db/open';
import type { ReceiptPdfRequest } from './payments/receipts/receipt-pdf';
import { dayReportSnapshot, reportSeal, type DayReportRequest } from './reports/day-report-snapshot';

/** A database key crossing to the heavy-jobs process: hex, since a Buffer arrives as a plain Uint8Array. Absent for a plaintext (demo) database. */
interface KeyedFile {
  file: string;
  keyHex?: string;
}

const keyOf = (input: KeyedFile) => (input.keyHex === undefined ? undefined : Buffer.from(input.keyHex, 'hex'));

function withReadConnection<R>(input: KeyedFile, read: (db: Db) => R): R {
  const db = openSqliteFile(input.file, { key: keyOf(input), readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * The read-only heavy jobs the heavy-jobs process runs, by name. Those that read the database take
 * its file (and its key), not a connection (a connection cannot leave its process), and open their
 * own read-only one: in WAL mode it reads a consistent snapshot while the core goes on writing.
 * Inputs and results cross by structured clone: plain data only.
 */
export const heavyJobs = {
  /** SQLite's full integrity check of a file: seconds on a large one. */
  checkDatabaseFile: (input: KeyedFile): IntegrityReport => checkDatabaseFile(input.file, keyOf(input)),
  /** The nightly backup: a consistent copy of the live database into `into`, sealed with its key, then checked. */
  backupDatabaseFile: (input: KeyedFile & { into: string }): IntegrityReport => copyDatabaseFile(input.file, input.into, keyOf(input)),
  /** The audit chain walked from its first row (or from a prefix verified before). */
  verifyAuditChain: (input: KeyedFile & { from?: VerifiedPrefix }): AuditChainCheck => withReadConnection(input, (db) => verifyAuditChain(db, input.from)),
  /** The supervisor's day, read and sealed by a walk in one snapshot (see day-report-snapshot.ts). */
  dayReport: (input: KeyedFile & DayReportRequest) => withReadConnection(input, (db) => dayReportSnapshot(db, input)),
  /**
   * An export: the day's report built, sealed and laid out as a file (CSV, XLSX or PDF) all here,
   * so only the file and its seal cross back. A Buffer arrives as a Uint8Array. pdfkit and exceljs
   * are imported here, not above: they would slow the process's start.
   */
  dayReportFile: async (input: KeyedFile & DayReportRequest & { format: ReportFormat }) => {
    const { report, chain } = withReadConnection(input, (db) => dayReportSnapshot(db, input));
    const seal = reportSeal(report);
    const { REPORT_FILE_MAKERS } = await import('./reports/report-files');
    const file = await REPORT_FILE_MAKERS[input.format](report, seal);
    return { kioskId: report.kioskId, businessDate: report.businessDate, generatedAt: report.generatedAt, seal, chain, file };
  },
  /** A paid bill's receipt as PDF: its first one loads pdfkit's fonts (tens of milliseconds). */
  receiptPdf: async (input: ReceiptPdfRequest) => {
    const { renderReceiptPdf } = await import('./payments/receipts/receipt-pdf');
    return renderReceiptPdf(input.receipt, input);
  },
};

export type HeavyJobName = keyof typeof heavyJobs;
export type HeavyJobInput<J extends HeavyJobName> = Parameters<(typeof heavyJobs)[J]>[0];
export type HeavyJobResult<J extends HeavyJobName> = Awaited<ReturnType<(typeof heavyJobs)[J]>>;
