import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

/** What a window of the monitor saw: both watches, and the longer of the two as the stall. */
export interface StallReading {
  /** The longest the event loop went without turning (ms): the larger of the two below, each beyond its 10 ms interval. */
  longestMs: number;
  /** perf_hooks.monitorEventLoopDelay's largest sample (resolution 10 ms): its timer's whole interval, the 10 ms included. */
  loopDelayMaxMs: number;
  /** How late a 10 ms setInterval ran at worst, measured by itself. */
  timerLateMaxMs: number;
  /** When (ms into the window) the timer's longest gap ended. */
  worstAtMs: number;
  /** The longest garbage-collection pause of this thread in the window (ms). */
  gcMaxMs: number;
}

/**
 * Issue 15's stall monitor, in the process that answers the screen: Node's event-loop delay
 * histogram and a 10 ms timer that measures its own lateness, both read per window. A stall
 * is noted when the loop next turns, so `read` lets the timers fire once more first.
 */
export class StallMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private timer: NodeJS.Timeout | undefined;
  private lastTick = 0;
  private timerLateMax = 0;
  private worstAt = 0;
  private windowStart = performance.now();
  private gcMax = 0;
  private readonly gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= this.windowStart) this.gcMax = Math.max(this.gcMax, entry.duration);
  });

  start(): void {
    this.gc.observe({ entryTypes: ['gc'] });
    this.histogram.enable();
    this.lastTick = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = now - this.lastTick - RESOLUTION_MS;
      if (late > this.timerLateMax) {
        this.timerLateMax = late;
        this.worstAt = now - this.windowStart;
      }
      this.lastTick = now;
    }, RESOLUTION_MS);
  }

  /** Starts a new window: what came before no longer counts. */
  reset(): void {
    this.histogram.reset();
    this.timerLateMax = 0;
    this.worstAt = 0;
    this.gcMax = 0;
    this.windowStart = performance.now();
    // The timer's next gap would reach back before the window.
    this.lastTick = this.windowStart;
  }

  /** The window since the last reset, once the timers have had the chance to note its end. */
  async read(): Promise<StallReading> {
    await new Promise((resolve) => setTimeout(resolve, 5 * RESOLUTION_MS));
    // An empty histogram (the loop never turned a whole resolution) reads a huge minimum and 0 max.
    const loopDelayMaxMs = this.histogram.count > 0 ? this.histogram.max / 1e6 : 0;
    const timerLateMaxMs = this.timerLateMax;
    // The histogram samples the time between its timer's turns; the stall is what exceeds the interval.
    return { longestMs: Math.max(loopDelayMaxMs - RESOLUTION_MS, timerLateMaxMs, 0), loopDelayMaxMs, timerLateMaxMs, worstAtMs: this.worstAt, gcMaxMs: this.gcMax };
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
    this.gc.disconnect();
  }
}
