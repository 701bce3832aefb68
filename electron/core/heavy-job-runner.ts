import { fork } from 'node:child_process';
import { threadId as callerThreadId } from 'node:worker_threads';
import { connectionKey } from '@shared/node/sqlite/open-sqlite';
import type { Db } from './db/open';
import { workerScript } from './worker-script';

/** A job for the heavy-jobs process, numbered so that its answer finds its caller. */
export interface HeavyJobRequest {
  id: number;
  job: string;
  input: unknown;
}

/** What the process answers: the job's result or its error, and where it ran. */
export type HeavyJobReply = { id: number; pid: number; threadId: number } & ({ ok: true; result: unknown } | { ok: false; error: string });

/** Where a piece of heavy work ran, and who asked: for the structural tests that it left the caller's thread. */
export interface HeavyJobRun {
  job: string;
  pid: number;
  threadId: number;
  callerPid: number;
  callerThreadId: number;
}
const runListeners = new Set<(run: HeavyJobRun) => void>();

/** Hears every job that ran; returns the function that stops listening. */
export function onHeavyJobRun(listener: (run: HeavyJobRun) => void): () => void {
  runListeners.add(listener);
  return () => runListeners.delete(listener);
}

/** Tells the listeners that `job` ran on thread `threadId` of process `pid` (by default this one: a worker thread of ours). */
export function noteHeavyJobRun(job: string, threadId: number, pid = process.pid): void {
  for (const listener of runListeners) listener({ job, pid, threadId, callerPid: process.pid, callerThreadId });
}

/**
 * What a job needs to open `db`'s file on a connection of its own: the file, and the key it is
 * sealed with as hex (a Buffer would cross as a plain Uint8Array). Never logged.
 */
export function databaseFileOf(db: Db): { file: string; keyHex?: string } {
  const key = connectionKey(db);
  return key ? { file: db.name, keyHex: key.toString('hex') } : { file: db.name };
}

/** The heavy-jobs process's entry (a bundle entry of its own), and how Node starts it. */
export const heavyJobsEntry = workerScript(import.meta.url, 'heavy-jobs-process');

/** A started heavy-jobs process, as its starter hands it over. */
export interface HeavyJobsChild {
  /** The process's id, once it has one. */
  readonly pid: number | undefined;
  send(request: HeavyJobRequest): void;
  onReply(listener: (reply: HeavyJobReply) => void): void;
  /** Once: the process ended, or could not start, and why. */
  onGone(listener: (why: string) => void): void;
  /** Whether it keeps this process alive: only while a caller waits for an answer. */
  keepAlive(yes: boolean): void;
  /** Ends it. */
  kill(): void;
}

/** Starts the heavy-jobs process: Node's `child_process.fork` here, Electron's `utilityProcess` in its shell. */
export type HeavyJobsStarter = () => HeavyJobsChild;

/**
 * Node's way: a fork, speaking structured clone both ways (a file's bytes cross as a
 * Uint8Array), as a worker's messages did. Not Electron's: its binary, whose RunAsNode fuse is
 * burnt off, would start the kiosk again instead (electron/main starts a utilityProcess).
 */
export const forkHeavyJobsProcess: HeavyJobsStarter = () => {
  const child = fork(heavyJobsEntry.file, [], { execArgv: heavyJobsEntry.options.execArgv ?? process.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const channel = () => child.channel as { ref(): void; unref(): void } | null | undefined;
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => child.send(request),
    onReply: (listener) => child.on('message', listener),
    onGone: (listener) => {
      let gone = false;
      const once = (why: string) => (gone ? undefined : ((gone = true), listener(why)));
      // `on`, not `once`: a send to a process that just died errs too, and an unheard error would throw.
      child.on('error', (error) => {
        // Forgotten from here on, so it must not live on beside the next one.
        child.kill();
        once(`failed (${error.message})`);
      });
      child.once('exit', (code, signal) => once(`exited (${signal ?? `code ${code}`})`));
    },
    kill: () => child.kill(),
    keepAlive: (yes) => {
      if (yes) {
        child.ref();
        channel()?.ref();
      } else {
        child.unref();
        channel()?.unref();
      }
    },
  };
};

interface Waiting {
  job: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * The process that runs the read-only heavy jobs (backup copy and check, audit walks, the day's
 * report and its files): one per kiosk process, started by the shell at boot (else at the first
 * job) and kept, at a lower CPU priority for all of its threads. A process rather than worker
 * threads, measured: a worker's garbage collection runs on V8's helper threads, which every
 * thread of a process shares at normal priority, so a report's collections competed with the
 * screen's thread for the two cores; a process has its own helpers, lowered with it. Kept rather than started per job:
 * starting one (Node and pdfkit loading) was half of each export's time and all of its stall.
 * It holds no connection between jobs, never keeps a command or a test alive while idle, and
 * exits when its parent's channel closes, a crash of the parent included.
 */
export class HeavyJobsProcess {
  private child: HeavyJobsChild | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private startedAhead = false;

  constructor(public starter: HeavyJobsStarter) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Starts the process now rather than at the first job, which would land beside a citizen's
   * search: the fork holds the caller's thread (5–25 ms measured here, more as the caller grows),
   * then the new process starts Node at normal priority before it lowers itself
   * (a backup's first search took 52 ms, 3.7× idle). From then on a process that dies is
   * started again at once, not at the next job.
   */
  startAhead(): void {
    this.startedAhead = true;
    if (!this.child) this.start().keepAlive(false);
  }

  /** Ends the process, failing any job it had, and starts none ahead again; a later job starts one. */
  stop(): void {
    this.startedAhead = false;
    this.child?.kill();
  }

  run<R>(job: string, input: unknown): Promise<R> {
    const id = this.nextId++;
    // In the executor, so a starter or a send that throws rejects the job rather than throwing at its caller.
    return new Promise<R>((resolve, reject) => {
      const child = this.child ?? this.start();
      child.send({ id, job, input });
      this.waiting.set(id, { job, resolve: resolve as (result: unknown) => void, reject });
      child.keepAlive(true);
    });
  }

  private start(): HeavyJobsChild {
    const child = this.starter();
    this.child = child;
    let answered = false;
    child.onReply((reply) => {
      answered = true;
      const waiting = this.take(reply.id);
      if (!waiting) return;
      noteHeavyJobRun(waiting.job, reply.threadId, reply.pid);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    // A process that could not start, or died (killed, out of memory): its jobs fail, the next job starts another.
    child.onGone((why) => {
      if (this.child === child) this.child = undefined;
      for (const id of [...this.waiting.keys()]) {
        const waiting = this.take(id)!;
        waiting.reject(new Error(`the heavy-jobs process ${why} before ${waiting.job} answered`));
      }
      // Only a process that once answered: one that dies as it starts (a missing bundle) would start forever.
      if (this.startedAhead && answered && !this.child) this.start().keepAlive(false);
    });
    return child;
  }

  private take(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.child?.keepAlive(false);
    return waiting;
  }
}

const heavyJobsProcess = new HeavyJobsProcess(forkHeavyJobsProcess);

/** How the heavy-jobs process is started from now on: Electron's shell sets its own before the kiosk boots. */
export function startHeavyJobsWith(starter: HeavyJobsStarter): void {
  heavyJobsProcess.starter = starter;
}

/** Starts the heavy-jobs process now, while the kiosk is small; the shells call it at boot. */
export function startHeavyJobsProcess(): void {
  heavyJobsProcess.startAhead();
}

/** Ends the heavy-jobs process when the kiosk closes. */
export function stopHeavyJobsProcess(): void {
  heavyJobsProcess.stop();
}

/** The heavy-jobs process's id, if one runs: for the operator's log and the tests. */
export function heavyJobsProcessPid(): number | undefined {
  return heavyJobsProcess.pid;
}

/**
 * Runs a read-only heavy job in the heavy-jobs process, so the thread that answers the screen
 * (Electron's main process, the browser host's) keeps answering while it runs.
 */
export function runHeavyJob<R>(job: string, input: unknown): Promise<R> {
  return heavyJobsProcess.run<R>(job, input);
}
