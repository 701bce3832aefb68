import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { noteHeavyJobRun } from '../heavy-job-runner';
import { workerScript } from '../worker-script';
import type { LoadProgress } from './downloader';
import type { FromReplicaLoader, ReplicaLoaderSetup, ToReplicaLoader } from './replica-loader-messages';
import { SyncFailure } from './sync-failure';
import type { StepProgress } from './sync-loop';

const script = workerScript(import.meta.url, 'replica-loader-worker');

/** How long a stopping loader may take to let go before its thread is ended. */
const STOP_GRACE_MS = 10_000;

interface PendingRound {
  resolve(progress: StepProgress): void;
  reject(error: Error): void;
}

/**
 * The download loop's side of the replica loader's thread: one long-lived worker that keeps
 * its replica connections and prepared statements between rounds. A round is one message
 * and one answer; `onSwapped` runs here, on the thread that owns the reading connection,
 * when a completed load became the live replica; `onProgress` after each page of a load.
 */
export class ReplicaLoaderThread {
  private worker: Worker | undefined;
  private pending: PendingRound | undefined;

  constructor(
    private readonly setup: ReplicaLoaderSetup,
    private readonly onSwapped: (liveFile: string) => void,
    private readonly onProgress: (progress: LoadProgress) => void,
  ) {}

  /** One download round, run on the loader's thread: the download loop's step. */
  round(signal: AbortSignal): Promise<StepProgress> {
    const worker = this.started();
    return new Promise<StepProgress>((resolve, reject) => {
      this.pending = { resolve, reject };
      signal.addEventListener('abort', () => this.send(worker, { type: 'abort' }), { once: true });
      this.send(worker, { type: 'round' });
    });
  }

  /** Ends the thread once its round has let go (or after a grace period); resolves when it has exited. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = once(worker, 'exit');
    this.send(worker, { type: 'stop' });
    const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(script.file, { workerData: this.setup, ...script.options });
    // A kiosk closing without stopping sync first is not kept alive by its loader.
    worker.unref();
    worker.on('message', (message: FromReplicaLoader) => this.heard(message));
    worker.on('error', (error) => this.settle((round) => round.reject(new SyncFailure('unavailable', `the replica loader failed: ${error.message}`))));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.settle((round) => round.reject(new SyncFailure('unavailable', `the replica loader stopped (code ${code})`)));
    });
    this.worker = worker;
    return worker;
  }

  private heard(message: FromReplicaLoader): void {
    switch (message.type) {
      case 'swapped':
        return this.onSwapped(message.file);
      case 'progress':
        return this.onProgress({ rowsLoaded: message.rowsLoaded, totalRows: message.totalRows });
      case 'finished':
        noteHeavyJobRun('replicaDownload', message.threadId);
        return this.settle((round) => round.resolve(message.progress));
      case 'failed':
        noteHeavyJobRun('replicaDownload', message.threadId);
        return this.settle((round) => round.reject(new SyncFailure(message.kind, message.message, message.retryAfterMs)));
      case 'aborted':
        return this.settle((round) => round.reject(new Error('the download round was stopped')));
    }
  }

  private settle(action: (round: PendingRound) => void): void {
    const round = this.pending;
    this.pending = undefined;
    if (round) action(round);
  }

  private send(worker: Worker, message: ToReplicaLoader): void {
    worker.postMessage(message);
  }
}
