import { Worker } from 'node:worker_threads';
import type { Logger } from '@shared/node/logging/logger';
import { databaseFileOf } from '../heavy-job-runner';
import { workerScript } from '../worker-script';
import type { Db } from './open';

const script = workerScript(import.meta.url, 'wal-checkpointer-worker');

/**
 * How often the checkpointer's thread moves the WAL into the database. Each checkpoint syncs
 * both files, and on ext4 a sync waits for the file system's journal, which a replica load
 * keeps busy: every second, those syncs made the citizen's own commits wait more often. Ten
 * seconds of a busy kiosk is a few hundred WAL pages, as SQLite's own thousand-page default.
 */
const CHECKPOINT_EVERY_MS = 10_000;
/** How long a stopping checkpointer may take to end by itself (a checkpoint under way finishes first). */
const STOP_GRACE_MS = 10_000;
/** SQLite's own default: what the connection goes back to when no thread checkpoints for it. */
const AUTOCHECKPOINT_PAGES = 1_000;

/** What a checkpoint did: the WAL's frames, and how many of them are now in the database file. */
export interface CheckpointResult {
  walFrames: number;
  checkpointedFrames: number;
  threadId: number;
}

export interface WalCheckpointer {
  /** Resolves with the next checkpoint the thread reports. */
  nextCheckpoint(): Promise<CheckpointResult>;
  /**
   * Ends the thread, resolving once it has exited (let go of its connection): true when it
   * closed its connection and ended as asked. The connection checkpoints for itself again.
   */
  stop(): Promise<boolean>;
}

/**
 * Moves the kiosk database's checkpoints off the thread that answers the screen. With
 * autocheckpoint on, the commit that crosses a thousand WAL pages copies them into the
 * database file and syncs it, on whichever thread committed: a citizen's search, now and then,
 * waited for that. Here the connection never checkpoints; a thread of its own does, every ten
 * seconds, on a connection of its own (PASSIVE: it never blocks a writer, and every commit is
 * still synced by the thread that made it). Should the thread fail, the connection
 * checkpoints for itself again.
 */
export function startWalCheckpointer(db: Db, log: Logger, everyMs = CHECKPOINT_EVERY_MS): WalCheckpointer {
  // An in-memory database (a test's, a demo's) has no WAL.
  if (db.memory) return { nextCheckpoint: () => new Promise(() => undefined), stop: () => Promise.resolve(true) };
  const waiting: ((result: CheckpointResult) => void)[] = [];
  let stopping = false;
  let endedAsAsked = false;
  const checkpointHere = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(script.file, { workerData: { ...databaseFileOf(db), everyMs }, ...script.options });
  // A core closed without stopping it is not kept alive by its checkpointer.
  worker.unref();
  worker.on('message', (message: CheckpointResult | 'stopped') => {
    if (message === 'stopped') endedAsAsked = true;
    else for (const resolve of waiting.splice(0)) resolve(message);
  });
  worker.on('error', (error) => log.warn({ err: error.message }, 'the WAL checkpointer failed; the database connection checkpoints for itself'));
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', () => {
      if (!stopping) checkpointHere();
      resolve();
    }),
  );
  return {
    nextCheckpoint: () => new Promise((resolve) => waiting.push(resolve)),
    async stop() {
      stopping = true;
      checkpointHere();
      // Asked, not terminated: a thread terminated while it loads SQLite's native module aborts
      // the whole process (Node's fatal "napi_get_last_error_info", seen once in an e2e run).
      // A thread that does not end within the grace period is terminated after all.
      worker.ref();
      worker.postMessage('stop');
      const timer = setTimeout(() => {
        log.warn({ graceMs: STOP_GRACE_MS }, 'the WAL checkpointer did not stop when asked; its thread is terminated');
        void worker.terminate();
      }, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      return endedAsAsked;
    },
  };
}
