/**
 * Entry of the heavy-jobs process (heavy-job-runner.ts starts it): runs the jobs it is sent,
 * one message each, and answers each with its result and where it ran, which proves to the
 * caller (and to tests) that the job left the thread that answers the screen. A bundle entry of
 * its own in electron.vite.config.ts (out/main/heavy-jobs-process.js); under tsx and vitest it
 * runs as TypeScript. Started by Node's `child_process.fork` (messages through `process.send`)
 * or by Electron's `utilityProcess` (through `process.parentPort`).
 */
import { threadId } from 'node:worker_threads';
import { runProcessInBackground } from './background-thread';
import type { HeavyJobReply, HeavyJobRequest } from './heavy-job-runner';

/** Electron's side of a utility process's channel. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: HeavyJobRequest }) => void): void;
  postMessage(message: HeavyJobReply): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;
const send = parentPort ? (reply: HeavyJobReply) => parentPort.postMessage(reply) : process.send?.bind(process);
if (!send) throw new Error('heavy-jobs-process runs only as a child process with a channel to its parent');

// Lowered before the jobs' modules load: loading them is work too.
runProcessInBackground();
const loading = import('./heavy-jobs');

async function answer({ id, job, input }: HeavyJobRequest): Promise<void> {
  const where = { id, pid: process.pid, threadId };
  let reply: HeavyJobReply;
  try {
    const { heavyJobs } = await loading;
    const run = Object.hasOwn(heavyJobs, job) ? heavyJobs[job as keyof typeof heavyJobs] : undefined;
    if (!run) throw new Error(`no heavy job named ${job}`);
    reply = { ...where, ok: true, result: await run(input as never) };
  } catch (error) {
    reply = { ...where, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  send!(reply);
}

// Listening at once: a message that came before a listener would be lost.
if (parentPort) parentPort.on('message', (event) => void answer(event.data));
else process.on('message', (request: HeavyJobRequest) => void answer(request));
// The kiosk's process is gone (closed, or killed): nothing is left to answer. (A utility
// process ends with Electron's main process.)
process.once('disconnect', () => process.exit(0));
