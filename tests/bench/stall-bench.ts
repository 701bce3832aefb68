import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../../electron/core/audit/audit-chain';
import { checkDatabaseFile } from '../../electron/core/backup/integrity';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { systemClock } from '../../electron/core/clock';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { runInWorker } from '../../electron/core/run-in-worker';
import type { BenchRow } from './bench-row';
import { round } from './median';

/** As the day-report bench: about a year and a half of a busy kiosk's sensitive actions. */
const AUDIT_ROWS = 200_000;
const IDLE_MS = 3_000;
const RESOLUTION_MS = 10;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest the event loop went without turning (ms) while `work` ran: what a citizen's tap waits at worst. */
async function longestStall(work: () => unknown): Promise<number> {
  const monitor = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  monitor.enable();
  try {
    await pause(2 * RESOLUTION_MS);
    await work();
    // The monitor's timer notes a stall when it next fires: let it, after work done in one piece.
    await pause(5 * RESOLUTION_MS);
  } finally {
    monitor.disable();
  }
  return monitor.max / 1e6;
}

const idle = () => pause(IDLE_MS);

/**
 * Issue 15's stall monitor, for the heavy read-only jobs moved to worker threads: the
 * longest event-loop stall of the thread that answers the screen during the nightly backup
 * (its integrity check on a worker) and a whole audit walk (on a worker), each beside the
 * same job run on this thread, with the idle stall of the same run as the baseline.
 */
export async function runStallBench(databaseFile: string): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stall-bench-'));
  const core = createKioskCore({ databaseFile: path.join(dir, 'kiosk.sqlite') });
  try {
    const quiet = round(await longestStall(idle), 1);

    const live = new Database(databaseFile, { readonly: true, fileMustExist: true });
    const backupStall = await longestStall(() => backupDatabase(live, { dir: path.join(dir, 'backups'), keep: 1, clock: systemClock }));
    live.close();
    const onThreadCheck = await longestStall(() => checkDatabaseFile(databaseFile));

    const { db, audit } = core.context;
    db.transaction(() => {
      for (let i = 0; i < AUDIT_ROWS; i++) audit.append({ action: i % 3 ? 'lookup.search' : 'payment.paid', outcome: 'ok', actor: 'citizen', details: { n: i } });
    })();
    const walkStall = await longestStall(() => runInWorker('verifyAuditChain', { file: db.name }));
    const onThreadWalk = await longestStall(() => verifyAuditChain(db));

    const rows = AUDIT_ROWS.toLocaleString('en-KE');
    return [
      { name: 'longest stall, idle', value: quiet, unit: 'ms', note: `${IDLE_MS / 1000} s with nothing running: the baseline of the rows below` },
      {
        name: 'longest stall, nightly backup',
        value: round(backupStall, 1),
        unit: 'ms',
        baseline: quiet,
        note: `the copy's integrity check on a worker thread; the same check on this thread stalls ${round(onThreadCheck)} ms`,
      },
      {
        name: `longest stall, whole audit walk (${rows} rows)`,
        value: round(walkStall, 1),
        unit: 'ms',
        baseline: quiet,
        note: `on a worker thread; on this thread it stalls ${round(onThreadWalk)} ms`,
      },
    ];
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
