/**
 * `npm run report -- verify FILE [--database KIOSK.sqlite [--key-file KEY-FILE]]`: is an exported daily report
 * unchanged? Exit code 0 when it is, 1 when it is not (or cannot be shown to be), 2 on bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import { commandLineKey, type DatabaseKey } from '../secrets/database-key';
import { checkReportFile } from './report-verify';

const USAGE = 'Usage: npm run report -- verify FILE [--database KIOSK.sqlite [--key-file KEY-FILE]]';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' }, 'key-file': { type: 'string' } } });
const file = positionals[1];
if (positionals[0] !== 'verify' || !file || !existsSync(file) || (values.database && !existsSync(values.database))) {
  console.error(USAGE);
  process.exit(2);
}
// Read-only: checking must not change the kiosk's records.
let key: DatabaseKey | undefined;
try {
  key = commandLineKey(values['key-file']);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const db = values.database ? openSqliteFile(values.database, { key, readonly: true, fileMustExist: true }) : undefined;
const check = await checkReportFile(path.basename(file), readFileSync(file), db);
db?.close();

if (check.recomputed !== null) {
  console.log(check.stated === check.recomputed ? `Rows match the stated content hash ${check.stated}.` : `Rows do NOT match: stated ${check.stated ?? 'none'}, recomputed ${check.recomputed}.`);
}
if (db) console.log(check.issued ? `Exported by this kiosk at ${check.issued.at} (${check.issued.format}, ${check.issued.businessDate}), byte for byte.` : 'No export with exactly these bytes in this kiosk’s audit log.');
console.log(check.unchanged ? 'Unchanged.' : 'CHANGED, or not shown to be unchanged.');
process.exitCode = check.unchanged ? 0 : 1;
