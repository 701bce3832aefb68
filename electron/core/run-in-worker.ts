import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, threadId as callerThreadId } from 'node:worker_threads';

/** What the worker answers: the job's result or its error, and the thread it ran on. */
export type HeavyJobReply = { ok: true; result: unknown; threadId: number } | { ok: false; error: string; threadId: number };

/**
 * The worker's entry beside this module: `heavy-jobs-worker.ts` under tsx and vitest,
 * `heavy-jobs-worker.js` beside the main bundle (out/main/) under electron-vite, whose
 * index.js this module is bundled into. Built from a variable so no bundler rewrites it.
 */
const here = fileURLToPath(import.meta.url);
const workerFile = path.join(path.dirname(here), `heavy-jobs-worker${path.extname(here)}`);

/**
 * A TypeScript worker needs a loader: tsx passes its own to workers through execArgv (they
 * inherit it); vitest runs tests without one, so the worker gets tsx's (which also reads the
 * @shared path from tsconfig.json).
 */
const workerExecArgv =
  workerFile.endsWith('.ts') && !process.execArgv.some((arg) => arg.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : undefined;

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

/**
 * Runs a read-only heavy job on a fresh worker thread, so the thread that answers the screen
 * (Electron's main process, the browser host's) keeps answering while it runs. One thread per
 * job: the jobs are rare (nightly backup, audit walks), and a thread that exits holds no
 * connection open between them.
 */
export function runInWorker<R>(job: string, input: unknown): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { job, input }, ...(workerExecArgv ? { execArgv: workerExecArgv } : {}) });
    let replied = false;
    worker.once('message', (reply: HeavyJobReply) => {
      replied = true;
      for (const listener of runListeners) listener({ job, threadId: reply.threadId, callerThreadId });
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
