import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock';
import { openDatabase } from '../db/open';
import { listBackups } from './backup-files';
import { DEFAULT_BACKUP_PLAN } from './nightly-backups';
import { checkDatabaseFile } from './integrity';
import { backupDatabase } from './online-backup';
import { RESTORE_STEPS, restoreDatabase } from './restore';
import { progressBar } from '../progress-bar';
import { commandLineKey, type DatabaseKey } from '../secrets/database-key';

const usage = `Usage:
  npm run backup -- backup --db <kiosk.sqlite> --dir <backups> [--keep ${DEFAULT_BACKUP_PLAN.keep}]   online backup now, with rotation
  npm run backup -- list --dir <backups>                                   backups, newest first
  npm run backup -- check <file>                                           integrity check of a database or backup
  npm run backup -- restore --from <backup> --db <kiosk.sqlite>            with the kiosk stopped: check, then put in place

  A sealed (production) database and its backups need its key: --key-file <file>, or the
  systemd credential kiosk-database-key; a demo database has none.`;

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { db: { type: 'string' }, dir: { type: 'string' }, from: { type: 'string' }, keep: { type: 'string' }, 'key-file': { type: 'string' } },
});

function required(name: 'db' | 'dir' | 'from'): string {
  const value = values[name];
  if (!value) fail(`--${name} is required`);
  return path.resolve(value);
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function databaseKey(): DatabaseKey | undefined {
  try {
    return commandLineKey(values['key-file']);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

switch (command) {
  case 'backup': {
    const keep = Number(values.keep ?? DEFAULT_BACKUP_PLAN.keep);
    if (!Number.isInteger(keep) || keep < 1) fail('--keep must be a whole number of at least 1');
    const db = openDatabase(required('db'), databaseKey());
    try {
      const kilobytes = (bytes: number) => Math.round(bytes / 1e3);
      const bar = progressBar('Backing up', 'kB', kilobytes(statSync(required('db')).size));
      const result = await backupDatabase(db, { dir: required('dir'), keep, clock: systemClock, onProgress: (written, total) => bar.update(kilobytes(written), kilobytes(total)) });
      bar.stop();
      console.log(`Backed up to ${result.file} (${result.bytes} bytes); removed ${result.removed.length} old backup(s).`);
    } finally {
      db.close();
    }
    break;
  }
  case 'list':
    for (const file of listBackups(required('dir'))) console.log(file);
    break;
  case 'check': {
    const file = positionals[0] ?? fail('name the file to check');
    const report = checkDatabaseFile(path.resolve(file), databaseKey());
    console.log(report.ok ? `ok: schema ${report.schemaVersion}` : `NOT OK: ${report.problem}`);
    process.exitCode = report.ok ? 0 : 1;
    break;
  }
  case 'restore': {
    const bar = progressBar('Restoring', 'steps', RESTORE_STEPS.length);
    const result = restoreDatabase(required('from'), required('db'), databaseKey(), (done, step) => bar.update(done, undefined, step));
    if (result.ok) bar.update(RESTORE_STEPS.length, undefined, 'done');
    bar.stop();
    if (!result.ok) {
      console.error(`Nothing was changed: ${result.problem}`);
      process.exitCode = 1;
    } else {
      console.log(`Restored (schema ${result.schemaVersion}).${result.previous ? ` The database it replaced is kept as ${result.previous}.` : ''}`);
    }
    break;
  }
  default:
    fail(command ? `Unknown command "${command}".` : 'Name a command.');
}
