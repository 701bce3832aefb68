import { Worker, threadId as callerThreadId } from 'node:worker_threads';
import { connectionKey } from '@shared/node/sqlite/open-sqlite';
import type { Db } from './db/open';
import { workerScript } from './worker-script';

/** What the worker answers: the job's result or its error, and the thread it ran on. */
export type HeavyJobReply = { ok: true; result: unknown; threadId: number } | { ok: false; error: string; threadId: number };

const script = workerScript(import.meta.url, 'heavy-jobs-worker');

/** A job that ran, and on which thread: for the structural test that heavy work leaves the caller's thread. */
export interface HeavyJobRun {
  job: string;
  threadId: number;
  callerThreadId: number;
}
const runListeners = new Set<(run: HeavyJobRun) => void>();

/** Hears every job that ran; returns the function that stops listening. */
export function onHeavyJobRun(listener: (run: HeavyJobRun) => void): () => void {
  runListeners.add(listener);
  return () => runListeners.delete(listener);
}

/** Tells the listeners that `job` ran on thread `threadId` (for work on threads this module did not start). */
export function noteHeavyJobRun(job: string, threadId: number): void {
  for (const listener of runListeners) listener({ job, threadId, callerThreadId });
}

/**
 * What a job needs to open `db`'s file on a connection of its own: the file, and the key it is
 * sealed with as hex (a Buffer would cross as a plain Uint8Array). Never logged.
 */
export function databaseFileOf(db: Db): { file: string; keyHex?: string } {
  const key = connectionKey(db);
  return key ? { file: db.name, keyHex: key.toString('hex') } : { file: db.name };
}

/**
 * Runs a read-only heavy job on a fresh worker thread, so the thread that answers the screen
 * (Electron's main process, the browser host's) keeps answering while it runs. One thread per
 * job: the jobs are rare (nightly backup, audit walks), and a thread that exits holds no
 * connection open between them.
 */
export function runInWorker<R>(job: string, input: unknown): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.file, { workerData: { job, input }, ...script.options });
    let replied = false;
    worker.once('message', (reply: HeavyJobReply) => {
      replied = true;
      noteHeavyJobRun(job, reply.threadId);
      if (reply.ok) resolve(reply.result as R);
      else reject(new Error(reply.error));
    });
    worker.once('error', (error) => {
      replied = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`the ${job} worker exited (code ${code}) without an answer`));
    });
  });
}
