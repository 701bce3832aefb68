import { readdirSync, readlinkSync } from 'node:fs';
import os from 'node:os';

/** Nice value of background threads: below the thread that answers the screen, above idle. */
const BACKGROUND_NICE = 10;

/**
 * Lowers the calling worker thread's CPU priority, so that on a two-core kiosk the thread
 * that answers the screen gets the CPU first whenever a load or a walk wants it too. Linux
 * gives each thread its own nice value, set by its thread id (from /proc/thread-self).
 * Elsewhere, or where it is not permitted, the thread keeps its priority: best effort.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    // "<pid>/task/<tid>"
    const link = readlinkSync('/proc/thread-self');
    const threadId = Number(link.slice(link.lastIndexOf('/') + 1));
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, BACKGROUND_NICE);
  } catch {
    // No /proc, or no right to renice: the work runs at normal priority.
  }
}


/**
 * Lowers the CPU priority of the whole calling process: on Linux each of its threads as they are
 * now (V8's helpers and libuv's pool among them; threads started later inherit the value of the
 * thread that starts them); elsewhere the process. Best effort, as above.
 */
export function runProcessInBackground(): void {
  try {
    if (process.platform !== 'linux') return os.setPriority(BACKGROUND_NICE);
    for (const task of readdirSync('/proc/self/task')) os.setPriority(Number(task), BACKGROUND_NICE);
  } catch {
    // No right to renice, or a thread that ended meanwhile: the rest runs at normal priority.
  }
}
