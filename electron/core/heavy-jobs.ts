import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import type { DayReport, ReportFormat } from '@shared/contract/reports';
import { verifyAuditChain, type AuditChainCheck, type VerifiedPrefix } from './audit/audit-chain';
import { copyDatabaseFile } from './backup/copy-database';
import { checkDatabaseFile, type IntegrityReport } from './backup/integrity';
import type { ReportSeal } from './reports/report-format';

/** A database key crossing threads: hex, since a Buffer arrives as a plain Uint8Array. Absent for a plaintext (demo) database. */
interface KeyedFile {
  file: string;
  keyHex?: string;
}

const keyOf = (input: KeyedFile) => (input.keyHex === undefined ? undefined : Buffer.from(input.keyHex, 'hex'));

/**
 * The read-only heavy jobs a worker thread runs, by name. Those that read the database take
 * its file (and its key), not a connection (a connection cannot cross threads), and open their
 * own read-only one: in WAL mode it reads a consistent snapshot while the core goes on writing.
 * Inputs and results cross threads by structured clone: plain data only.
 */
export const heavyJobs = {
  /** SQLite's full integrity check of a file: seconds on a large one. */
  checkDatabaseFile: (input: KeyedFile): IntegrityReport => checkDatabaseFile(input.file, keyOf(input)),
  /** The nightly backup: a consistent copy of the live database into `into`, sealed with its key, then checked. */
  backupDatabaseFile: (input: KeyedFile & { into: string }): IntegrityReport => copyDatabaseFile(input.file, input.into, keyOf(input)),
  /** The audit chain walked from its first row (or from a prefix verified before). */
  verifyAuditChain: (input: KeyedFile & { from?: VerifiedPrefix }): AuditChainCheck => {
    const db = openSqliteFile(input.file, { key: keyOf(input), readonly: true, fileMustExist: true });
    try {
      return verifyAuditChain(db, input.from);
    } finally {
      db.close();
    }
  },
  /**
   * A day report's file (CSV, XLSX or PDF), laid out from the report's data; a Buffer arrives
   * as a Uint8Array. Imported here, not above: pdfkit and exceljs would slow every worker's start.
   */
  reportFile: async (input: { format: ReportFormat; report: DayReport; seal: ReportSeal }): Promise<Uint8Array> => {
    const { REPORT_FILE_TYPES } = await import('./reports/report-files');
    return REPORT_FILE_TYPES[input.format].make(input.report, input.seal);
  },
};

export type HeavyJobName = keyof typeof heavyJobs;
export type HeavyJobInput<J extends HeavyJobName> = Parameters<(typeof heavyJobs)[J]>[0];
export type HeavyJobResult<J extends HeavyJobName> = Awaited<ReturnType<(typeof heavyJobs)[J]>>;
