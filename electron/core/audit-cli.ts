/**
 * `npm run audit -- verify --database FILE [--settings FILE] [--key-file FILE]`: checks the audit log's hash
 * chain and names the first broken row, then checks the rows against the heads the hub holds
 * for this kiosk (the hub address and token from the kiosk's settings file, as sync uses
 * them). A chain recomputed after an edit verifies on its own; the hub's heads do not move
 * with it. When the hub cannot be asked, the last head it acknowledged stands in, and the
 * output says so. Exit code 0 when intact and matching, 1 when not, 2 on bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BroadcastChannel } from 'node:worker_threads';
import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import { AUDIT_WALK_CHANNEL, type AuditChainCheck, type AuditHead } from './audit/audit-chain';
import { checkAgainstHeads } from './audit/head-check';
import { acknowledgedHeadIn } from './audit/hub-acknowledged-head';
import type { Db } from './db/open';
import { syncSettingsSchema } from './settings/sync-settings';
import { HubClient } from './sync/hub-client';
import { progressBar } from './progress-bar';
import { databaseFileOf, runHeavyJob } from './heavy-job-runner';
import { commandLineKey, type DatabaseKey } from './secrets/database-key';

const USAGE = 'Usage: npm run audit -- verify --database FILE [--settings KIOSK-SETTINGS.json] [--key-file KEY-FILE]';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' }, settings: { type: 'string' }, 'key-file': { type: 'string' } } });
if (positionals[0] !== 'verify' || !values.database) usage(USAGE);
const databaseFile = values.database ?? '';
if (!existsSync(databaseFile)) usage(`No database at ${databaseFile}`);
const key = databaseKey(values['key-file']);

/** The heads to check against: the hub's own, or the last one it acknowledged and why. */
type HeadSource = { kind: 'hub'; heads: Array<AuditHead & { receivedAt: string }> } | { kind: 'acknowledged'; why: string };

// Read-only and without migrating: verifying must not change what it verifies.
const db = openSqliteFile(databaseFile, { key, readonly: true, fileMustExist: true });
try {
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
} catch (error) {
  usage(`Cannot read ${databaseFile}: ${error instanceof Error ? error.message : String(error)} (a sealed database needs its key: --key-file, or the systemd credential).`);
}
// The highest row number stands for the count: found at once, where counting a long chain is a walk of its own.
const bar = progressBar('Verifying the audit chain', 'rows', db.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM audit_log').get()?.n ?? 0);
const walk = new BroadcastChannel(AUDIT_WALK_CHANNEL);
walk.onmessage = (message) => bar.update((message as { data: number }).data);
const chain = await runHeavyJob<AuditChainCheck>('verifyAuditChain', databaseFileOf(db));
walk.close();
bar.update(chain.rows);
bar.stop();
if (chain.intact) {
  console.log(`Audit chain intact: ${chain.rows} rows; head row ${chain.head?.id ?? '-'} ${chain.head?.hash ?? ''}`.trimEnd());
} else {
  const what = chain.firstBroken.reason === 'content-changed' ? 'its content was changed' : 'it does not follow the row before it (a row was removed, inserted or edited)';
  console.log(`Audit chain BROKEN at row ${chain.firstBroken.id}: ${what}.`);
}
const matches = checkHeads(db, await headsToCheck());
db.close();
process.exitCode = chain.intact && matches ? 0 : 1;

async function headsToCheck(): Promise<HeadSource> {
  if (!values.settings) return { kind: 'acknowledged', why: 'no --settings given, so the hub was not asked' };
  const sync = readSyncSettings(values.settings);
  if (sync.hubUrl === '') return { kind: 'acknowledged', why: 'sync is off in the settings (no hubUrl), so the hub was not asked' };
  const client = new HubClient({ hubUrl: sync.hubUrl, kioskToken: sync.kioskToken, timeoutMs: sync.requestTimeoutSeconds * 1000 });
  try {
    return { kind: 'hub', heads: await client.auditHeads(new AbortController().signal) };
  } catch (error) {
    return { kind: 'acknowledged', why: `the hub could not be asked (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Prints what the heads say of the log; true when it agrees with every one. */
function checkHeads(db: Db, source: HeadSource): boolean {
  if (source.kind === 'hub') {
    const check = checkAgainstHeads(db, source.heads);
    if (check.matches) {
      console.log(`Matches the hub: ${check.heads} audit heads held for this kiosk${check.heads ? `, the latest at row ${source.heads.at(-1)?.id}` : ''}.`);
      return true;
    }
    const { head, localHash, changedFrom } = check;
    console.log(
      `Audit log does NOT match the hub at row ${head.id}: the hub received head ${head.hash} for it at ${head.receivedAt}; here it is ${localHash ?? 'missing'}. Rows ${changedFrom}–${head.id} were changed after the hub saw them.`,
    );
    return false;
  }
  const acknowledged = acknowledgedHeadIn(db);
  if (!acknowledged) {
    console.log(`OFFLINE: ${source.why}, and no head acknowledged by the hub is recorded: only the chain itself was checked.`);
    return true;
  }
  console.log(
    `OFFLINE: ${source.why}. Checked against the last head the hub acknowledged instead (row ${acknowledged.head.id}, at ${acknowledged.at}), a copy kept in this database, not against the hub itself.`,
  );
  const check = checkAgainstHeads(db, [acknowledged.head]);
  if (check.matches) {
    console.log(`Matches the last acknowledged head at row ${acknowledged.head.id}.`);
    return true;
  }
  console.log(
    `Audit log does NOT match the last acknowledged head at row ${acknowledged.head.id}: acknowledged ${acknowledged.head.hash}; here it is ${check.localHash ?? 'missing'}. Rows up to ${acknowledged.head.id} were changed after the hub saw them.`,
  );
  return false;
}

/** The `sync` section of a kiosk settings file (the browser host's config.json, Electron's kiosk-settings.json). */
function readSyncSettings(file: string) {
  if (!existsSync(file)) usage(`No settings file at ${file}`);
  try {
    return syncSettingsSchema.parse((JSON.parse(readFileSync(file, 'utf8')) as { sync?: unknown }).sync);
  } catch (error) {
    return usage(`The settings in ${file} cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A sealed database's key: `--key-file`, else the systemd credential; none for a demo database. */
function databaseKey(keyFile: string | undefined): DatabaseKey | undefined {
  try {
    return commandLineKey(keyFile);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

function usage(message: string): never {
  console.error(message);
  process.exit(2);
}
