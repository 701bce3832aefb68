import Database from 'better-sqlite3';
import { verifyAuditChain, type AuditChainCheck, type VerifiedPrefix } from '../audit/audit-chain';
import { checkDatabaseFile, type IntegrityReport } from '../backup/integrity';

/**
 * The read-only heavy jobs a worker thread runs, by name. Each takes a database file, not a
 * connection (a connection cannot cross threads), and opens its own read-only one: in WAL
 * mode it reads a consistent snapshot while the core goes on writing.
 */
export const heavyJobs = {
  /** SQLite's full integrity check of a file (the nightly backup's copy): seconds on a large one. */
  checkDatabaseFile: (input: { file: string }): IntegrityReport => checkDatabaseFile(input.file),
  /** The audit chain walked from its first row (or from a prefix verified before). */
  verifyAuditChain: (input: { file: string; from?: VerifiedPrefix }): AuditChainCheck => {
    const db = new Database(input.file, { readonly: true, fileMustExist: true });
    try {
      return verifyAuditChain(db, input.from);
    } finally {
      db.close();
    }
  },
};

export type HeavyJobName = keyof typeof heavyJobs;
export type HeavyJobInput<J extends HeavyJobName> = Parameters<(typeof heavyJobs)[J]>[0];
export type HeavyJobResult<J extends HeavyJobName> = ReturnType<(typeof heavyJobs)[J]>;
