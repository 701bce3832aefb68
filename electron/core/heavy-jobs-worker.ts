/**
 * Entry of the worker thread that runs one heavy job and exits. A separate bundle entry in
 * electron.vite.config.ts (out/main/heavy-jobs-worker.js); under tsx and vitest it runs as
 * TypeScript. It answers with the job's result and its own thread id, which proves to the
 * caller (and to tests) that the job ran off the thread that answers the screen.
 */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { runInBackground } from './background-thread';
import type { HeavyJobReply } from './run-in-worker';

if (isMainThread || !parentPort) throw new Error('heavy-jobs-worker runs only as a worker thread');
// Lowered before the jobs' modules load: loading them is work too.
runInBackground();
const { heavyJobs } = await import('./heavy-jobs');
const { job, input } = workerData as { job: string; input: never };
let reply: HeavyJobReply;
try {
  const run = Object.hasOwn(heavyJobs, job) ? heavyJobs[job as keyof typeof heavyJobs] : undefined;
  if (!run) throw new Error(`no heavy job named ${job}`);
  reply = { ok: true, result: await run(input), threadId };
} catch (error) {
  reply = { ok: false, error: error instanceof Error ? error.message : String(error), threadId };
}
parentPort.postMessage(reply);
