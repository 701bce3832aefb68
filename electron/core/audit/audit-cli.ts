/**
 * `npm run audit -- verify --database FILE`: checks the audit log's hash chain and names
 * the first broken row. Exit code 0 when intact, 1 when broken, 2 on bad usage.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyAuditChain } from './audit-chain';

const USAGE = 'Usage: npm run audit -- verify --database FILE';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' } } });
if (positionals[0] !== 'verify' || !values.database) {
  console.error(USAGE);
  process.exit(2);
}
if (!existsSync(values.database)) {
  console.error(`No database at ${values.database}`);
  process.exit(2);
}
// Read-only and without migrating: verifying must not change what it verifies.
const db = new Database(values.database, { readonly: true, fileMustExist: true });
const check = verifyAuditChain(db);
db.close();
if (check.intact) {
  console.log(`Audit chain intact: ${check.rows} rows; head row ${check.head?.id ?? '-'} ${check.head?.hash ?? ''}`.trimEnd());
} else {
  const what = check.firstBroken.reason === 'content-changed' ? 'its content was changed' : 'it does not follow the row before it (a row was removed, inserted or edited)';
  console.log(`Audit chain BROKEN at row ${check.firstBroken.id}: ${what}.`);
  process.exitCode = 1;
}
