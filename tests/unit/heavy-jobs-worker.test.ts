import { mkdtempSync, openSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-chain';
import { listBackups } from '../../electron/core/backup/backup-files';
import { checkDatabaseFile } from '../../electron/core/backup/integrity';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { manualClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/open';
import { onHeavyJobRun, runInWorker, type HeavyJobRun } from '../../electron/core/run-in-worker';
import { seedDemoData } from '../../electron/demo/generate';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

let dir: string;
let runs: HeavyJobRun[];
let stopListening: () => void;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-workers-'));
  runs = [];
  stopListening = onHeavyJobRun((run) => runs.push(run));
});
afterEach(() => {
  stopListening();
  rmSync(dir, { recursive: true, force: true });
});

/** The structural guarantee: the job ran, and on a thread other than the one that asked for it. */
function expectRanOffThisThread(job: HeavyJobRun['job']) {
  expect(runs.map((run) => run.job)).toContain(job);
  for (const run of runs) {
    expect(run.callerThreadId).toBe(threadId);
    expect(run.threadId).not.toBe(threadId);
  }
}

/** A small kiosk database, closed, whose settings table's first page is overwritten with noise. */
function databaseWithCorruptPage(file: string) {
  const db = openDatabase(file);
  const keep = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (let n = 0; n < 300; n++) keep.run(`setting-${n}`, 'x'.repeat(40));
  db.pragma('journal_mode = DELETE');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const page = db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_schema WHERE name = 'settings'").get()?.rootpage ?? 0;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
}

describe('backup copy and integrity check on a worker thread', () => {
  it('copies and checks the nightly backup off the calling thread, and a sound copy passes', async () => {
    const db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    seedDemoData(db, { citizens: 300, seed: 3 });
    const result = await backupDatabase(db, { dir: path.join(dir, 'backups'), keep: 2, clock: manualClock('2026-11-22T23:30:00Z') });
    db.close();
    expect(checkDatabaseFile(result.file)).toMatchObject({ ok: true });
    expectRanOffThisThread('backupDatabaseFile');
  });

  it('still refuses a corrupted copy, with the same finding as the check on this thread', async () => {
    const file = path.join(dir, 'corrupt.sqlite');
    databaseWithCorruptPage(file);
    const here = checkDatabaseFile(file);
    expect(here).toMatchObject({ ok: false });
    expect(await runInWorker('checkDatabaseFile', { file })).toEqual(here);
    expectRanOffThisThread('checkDatabaseFile');
  });

  it('a backup of a corrupted database fails its check and leaves no backup behind', async () => {
    const file = path.join(dir, 'kiosk.sqlite');
    databaseWithCorruptPage(file);
    const db = new Database(file);
    const backups = path.join(dir, 'backups');
    await expect(backupDatabase(db, { dir: backups, keep: 2, clock: manualClock('2026-11-22T23:30:00Z') })).rejects.toThrow(/failed its check/);
    db.close();
    expect(listBackups(backups)).toEqual([]);
    expect(runs.map((run) => run.job)).toEqual(['backupDatabaseFile']);
  });
});

describe('audit-chain walk on a worker thread', () => {
  let kiosk: TempKiosk;
  beforeEach(() => {
    kiosk = tempKiosk();
    for (let i = 0; i < 20; i++) kiosk.core.context.audit.append({ action: 'lookup.search', outcome: 'ok', actor: 'citizen', details: { n: i } });
  });
  afterEach(() => kiosk.dispose());

  it('walks the live (WAL) database while the core keeps its connection, with the same result as on this thread', async () => {
    const inWorker = await runInWorker('verifyAuditChain', { file: kiosk.databaseFile });
    expect(inWorker).toEqual(verifyAuditChain(kiosk.core.context.db));
    expect(inWorker).toMatchObject({ intact: true });
    expectRanOffThisThread('verifyAuditChain');
  });

  it('walks on from a prefix verified before', async () => {
    const whole = verifyAuditChain(kiosk.core.context.db);
    if (!whole.intact || !whole.head) throw new Error('expected an intact chain');
    kiosk.core.context.audit.append({ action: 'lookup.search', outcome: 'ok', actor: 'citizen', details: { n: 'after' } });
    const from = { head: whole.head, rows: whole.rows };
    expect(await runInWorker('verifyAuditChain', { file: kiosk.databaseFile, from })).toEqual(verifyAuditChain(kiosk.core.context.db, from));
  });

  it('still names the first broken row of a tampered chain', async () => {
    const image = kiosk.core.context.db.serialize();
    // The live file is in WAL mode; the copy is a standalone rollback-journal file.
    image[18] = 1;
    image[19] = 1;
    const file = path.join(dir, 'tampered.sqlite');
    writeFileSync(file, image);
    const copy = new Database(file);
    copy.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    copy.prepare('DELETE FROM audit_log WHERE id = 7').run();
    copy.close();
    expect(await runInWorker('verifyAuditChain', { file })).toMatchObject({ intact: false, firstBroken: { id: 8, reason: 'link-broken' } });
    expectRanOffThisThread('verifyAuditChain');
  });

  it('passes a failure in the worker back as a rejection', async () => {
    await expect(runInWorker('verifyAuditChain', { file: path.join(dir, 'missing.sqlite') })).rejects.toThrow(/unable to open|does not exist/);
    // A job the worker does not know, or a name inherited by every object, runs nothing.
    await expect(runInWorker('noSuchJob', {})).rejects.toThrow(/no heavy job named noSuchJob/);
    await expect(runInWorker('toString', {})).rejects.toThrow(/no heavy job named toString/);
  });
});
