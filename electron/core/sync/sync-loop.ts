import { backoffDelay, type BackoffPolicy } from './backoff';
import { SyncFailure } from './sync-failure';

/**
 * One round of work: 'more' if there is more to do at once, 'done' when the hub has been
 * dealt with, 'idle' when there was nothing to send (no exchange). Both rest until the timer.
 */
export type StepProgress = 'more' | 'done' | 'idle';
export type SyncStep = (signal: AbortSignal) => Promise<StepProgress>;

export interface SyncLoopOptions {
  intervalMs: number;
  retry: BackoffPolicy;
  onSuccess(progress: StepProgress): void;
  onFailure(failure: SyncFailure): void;
}

type Phase = 'stopped' | 'running' | 'resting' | 'backing-off';

/**
 * Runs a step again and again, never two at a time: at once when woken, on a timer when
 * idle (so nothing waits for the next write), after a back-off when it failed. A wake
 * during a back-off does not cut it short, so a busy kiosk does not hammer a hub that is down.
 */
export class SyncLoop {
  private phase: Phase = 'stopped';
  private wakeRequested = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private controller = new AbortController();
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly step: SyncStep,
    private readonly options: SyncLoopOptions,
  ) {}

  start(): void {
    if (this.phase !== 'stopped') return;
    this.controller = new AbortController();
    this.runNow();
  }

  wake(): void {
    if (this.phase === 'running') this.wakeRequested = true;
    else if (this.phase === 'resting') this.runNow();
  }

  /** Aborts the exchange in flight; resolves once the step has let go. */
  stop(): Promise<void> {
    this.phase = 'stopped';
    clearTimeout(this.timer);
    this.controller.abort();
    return this.current;
  }

  private runNow(): void {
    clearTimeout(this.timer);
    this.phase = 'running';
    this.wakeRequested = false;
    this.current = this.runStep(this.controller.signal);
  }

  private async runStep(signal: AbortSignal): Promise<void> {
    let next: { phase: 'resting' | 'backing-off'; delayMs: number };
    try {
      const progress = await this.step(signal);
      if (signal.aborted) return;
      this.failures = 0;
      this.options.onSuccess(progress);
      next = { phase: 'resting', delayMs: progress === 'more' || this.wakeRequested ? 0 : this.options.intervalMs };
    } catch (error) {
      if (signal.aborted) return;
      const failure = error instanceof SyncFailure ? error : new SyncFailure('unavailable', `sync failed: ${error instanceof Error ? error.message : String(error)}`);
      this.failures += 1;
      this.options.onFailure(failure);
      next = { phase: 'backing-off', delayMs: this.retryDelay(failure) };
    }
    if (next.delayMs === 0) return this.runNow();
    this.phase = next.phase;
    this.timer = setTimeout(() => this.runNow(), next.delayMs);
  }

  private retryDelay(failure: SyncFailure): number {
    const { retry } = this.options;
    if (failure.kind === 'refused') return retry.maxMs;
    return Math.min(retry.maxMs, Math.max(backoffDelay(this.failures, retry), failure.retryAfterMs ?? 0));
  }
}
