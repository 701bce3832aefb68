import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit/audit-chain';
import { listBackups } from '../../electron/core/backup/backup-files';
import { checkDatabaseFile } from '../../electron/core/backup/integrity';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { manualClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/open';
import { forkHeavyJobsProcess, HeavyJobsProcess, onHeavyJobRun, runHeavyJob, type HeavyJobRun, type HeavyJobsStarter } from '../../electron/core/heavy-job-runner';
import { seedDemoData } from '../../electron/demo/generate';
import { isRunning } from '../support/process-state';
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

/** The structural guarantee: the job ran, and in a process other than the one that asked for it. */
function expectRanOffThisThread(job: HeavyJobRun['job']) {
  expect(runs.map((run) => run.job)).toContain(job);
  for (const run of runs) {
    expect(run.callerPid).toBe(process.pid);
    expect(run.callerThreadId).toBe(threadId);
    expect(run.pid).not.toBe(process.pid);
  }
}

/** The process of the last job that ran (after a job has run). */
const lastJobPid = () => runs.at(-1)!.pid;

async function waitUntil(condition: () => boolean, what: string, ms = 10_000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (condition()) return;
  throw new Error(`timed out waiting for ${what}`);
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

describe('backup copy and integrity check in the heavy-jobs process', () => {
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
    expect(await runHeavyJob('checkDatabaseFile', { file })).toEqual(here);
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

describe('audit-chain walk in the heavy-jobs process', () => {
  let kiosk: TempKiosk;
  beforeEach(() => {
    kiosk = tempKiosk();
    for (let i = 0; i < 20; i++) kiosk.core.context.audit.append({ action: 'lookup.search', outcome: 'ok', actor: 'citizen', details: { n: i } });
  });
  afterEach(() => kiosk.dispose());

  it('walks the live (WAL) database while the core keeps its connection, with the same result as on this thread', async () => {
    const inProcess = await runHeavyJob('verifyAuditChain', { file: kiosk.databaseFile });
    expect(inProcess).toEqual(verifyAuditChain(kiosk.core.context.db));
    expect(inProcess).toMatchObject({ intact: true });
    expectRanOffThisThread('verifyAuditChain');
  });

  it('walks on from a prefix verified before', async () => {
    const whole = verifyAuditChain(kiosk.core.context.db);
    if (!whole.intact || !whole.head) throw new Error('expected an intact chain');
    kiosk.core.context.audit.append({ action: 'lookup.search', outcome: 'ok', actor: 'citizen', details: { n: 'after' } });
    const from = { head: whole.head, rows: whole.rows };
    expect(await runHeavyJob('verifyAuditChain', { file: kiosk.databaseFile, from })).toEqual(verifyAuditChain(kiosk.core.context.db, from));
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
    expect(await runHeavyJob('verifyAuditChain', { file })).toMatchObject({ intact: false, firstBroken: { id: 8, reason: 'link-broken' } });
    expectRanOffThisThread('verifyAuditChain');
  });

  it('passes a failure in the process back as a rejection', async () => {
    await expect(runHeavyJob('verifyAuditChain', { file: path.join(dir, 'missing.sqlite') })).rejects.toThrow(/unable to open|does not exist/);
    // A job the process does not know, or a name inherited by every object, runs nothing.
    await expect(runHeavyJob('noSuchJob', {})).rejects.toThrow(/no heavy job named noSuchJob/);
    await expect(runHeavyJob('toString', {})).rejects.toThrow(/no heavy job named toString/);
  });
});

describe('the heavy-jobs process itself', () => {
  let file: string;
  beforeEach(() => {
    file = path.join(dir, 'small.sqlite');
    openDatabase(file).close();
  });

  it('is one process, kept between jobs, not one per job', async () => {
    await runHeavyJob('checkDatabaseFile', { file });
    await runHeavyJob('checkDatabaseFile', { file });
    expect(new Set(runs.map((run) => run.pid)).size).toBe(1);
    expect(isRunning(lastJobPid())).toBe(true);
  });

  it.runIf(process.platform === 'linux')('runs every one of its threads below the normal priority', async () => {
    await runHeavyJob('checkDatabaseFile', { file });
    const pid = lastJobPid();
    // Field 19 of a thread's stat is its nice value (fields counted after the command's closing parenthesis).
    const niceOf = (task: string) => Number(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const tasks = readdirSync(`/proc/${pid}/task`);
    expect(tasks.length).toBeGreaterThan(1);
    for (const task of tasks) expect(niceOf(task)).toBeGreaterThan(0);
  });

  it('fails the job a killed process had, and starts a new process for the next job', async () => {
    await runHeavyJob('checkDatabaseFile', { file });
    const first = lastJobPid();
    const asked = runHeavyJob('checkDatabaseFile', { file });
    process.kill(first, 'SIGKILL');
    await expect(asked).rejects.toThrow(/heavy-jobs process exited \(SIGKILL\) before checkDatabaseFile answered/);
    expect(await runHeavyJob('checkDatabaseFile', { file })).toMatchObject({ ok: true });
    expect(lastJobPid()).not.toBe(first);
  });

  it('ends when the process that started it is killed', async () => {
    const runner = path.resolve(import.meta.dirname, '../../electron/core/heavy-job-runner.ts');
    // A kiosk process in miniature: it runs one job, says where it ran, and waits to be killed.
    const script = `const m = await import(${JSON.stringify(runner)}); m.onHeavyJobRun((run) => console.log(run.pid)); await m.runHeavyJob('checkDatabaseFile', { file: ${JSON.stringify(file)} }); setInterval(() => {}, 1000);`;
    const scriptFile = path.join(dir, 'kiosk.mjs');
    writeFileSync(scriptFile, script);
    const kiosk = spawn(process.execPath, ['--import', 'tsx', scriptFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        kiosk.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
        kiosk.once('exit', (code) => reject(new Error(`the kiosk exited (${code}) before its job ran`)));
      });
      expect(pid).toBeGreaterThan(0);
      expect(isRunning(pid)).toBe(true);
      kiosk.kill('SIGKILL');
      await waitUntil(() => !isRunning(pid), 'the heavy-jobs process to end');
    } finally {
      kiosk.kill('SIGKILL');
    }
  });

  it('ends when the kiosk ends, started ahead or not, and keeps no kiosk running by itself', async () => {
    const runner = path.resolve(import.meta.dirname, '../../electron/core/heavy-job-runner.ts');
    // A kiosk that starts the process at boot, says which it is, and has nothing else to do.
    const script = `const m = await import(${JSON.stringify(runner)}); m.startHeavyJobsProcess(); console.log(m.heavyJobsProcessPid());`;
    const scriptFile = path.join(dir, 'boot.mjs');
    writeFileSync(scriptFile, script);
    const kiosk = spawn(process.execPath, ['--import', 'tsx', scriptFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    kiosk.stdout.on('data', (data: Buffer) => (printed += String(data)));
    const code = await new Promise<number | null>((resolve) => kiosk.once('exit', resolve));
    expect(code).toBe(0);
    const pid = Number(printed.trim());
    expect(pid).toBeGreaterThan(0);
    await waitUntil(() => !isRunning(pid), 'the heavy-jobs process to end with its kiosk');
  });
});

describe('the heavy-jobs process started ahead, at boot', () => {
  let started: number[];
  /** Node's fork, counting the processes it starts. */
  const countingStarter: HeavyJobsStarter = () => {
    const child = forkHeavyJobsProcess();
    started.push(child.pid!);
    return child;
  };
  let file: string;
  let jobs: HeavyJobsProcess;
  beforeEach(() => {
    started = [];
    file = path.join(dir, 'small.sqlite');
    openDatabase(file).close();
    jobs = new HeavyJobsProcess(countingStarter);
  });
  afterEach(() => jobs.stop());

  it('runs before any job is asked, and the first job runs in it', async () => {
    jobs.startAhead();
    expect(started).toHaveLength(1);
    expect(jobs.pid).toBe(started[0]);
    expect(isRunning(started[0]!)).toBe(true);
    await jobs.run('checkDatabaseFile', { file });
    expect(lastJobPid()).toBe(started[0]);
    expect(started).toHaveLength(1);
  });

  it('is started again as soon as it dies, not at the next job', async () => {
    jobs.startAhead();
    await jobs.run('checkDatabaseFile', { file });
    process.kill(started[0]!, 'SIGKILL');
    await waitUntil(() => started.length === 2 && isRunning(started[1]!), 'a new heavy-jobs process');
    expect(jobs.pid).toBe(started[1]);
    expect(await jobs.run('checkDatabaseFile', { file })).toMatchObject({ ok: true });
    expect(lastJobPid()).toBe(started[1]);
  });

  it('is not started again and again when it dies before it ever answered', async () => {
    jobs = new HeavyJobsProcess(() => {
      const child = countingStarter();
      process.kill(child.pid!, 'SIGKILL');
      return child;
    });
    jobs.startAhead();
    await waitUntil(() => jobs.pid === undefined, 'the process to be known dead');
    await sleep(500);
    expect(started).toHaveLength(1);
    // The next job tries again, and says why it failed.
    // Killed as it starts, it is found dead by its exit or by the job's write to it.
    await expect(jobs.run('checkDatabaseFile', { file })).rejects.toThrow(/heavy-jobs process (exited \(SIGKILL\)|failed \(write EPIPE\)) before checkDatabaseFile answered/);
    expect(started).toHaveLength(2);
  });

  it('when stopped, ends, fails the job it had, and is not started again', async () => {
    jobs.startAhead();
    await jobs.run('checkDatabaseFile', { file });
    const asked = jobs.run('checkDatabaseFile', { file });
    jobs.stop();
    await expect(asked).rejects.toThrow(/heavy-jobs process exited \(SIGTERM\)/);
    await waitUntil(() => !isRunning(started[0]!), 'the stopped process to end');
    await sleep(500);
    expect(started).toHaveLength(1);
  });
});
