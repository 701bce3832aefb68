import { afterEach, describe, expect, it, vi } from 'vitest';
import { msUntilNextKenyaTime } from '../../shared/kenya/time';
import { scheduleNightly } from '../../electron/core/backup/nightly-schedule';

const HOUR = 60 * 60 * 1000;

describe('the nightly backup time', () => {
  it('is 02:30 in Kenya (23:30 UTC) whatever the machine’s time zone', () => {
    expect(msUntilNextKenyaTime(new Date('2026-11-22T20:30:00Z'), 2, 30)).toBe(3 * HOUR);
    expect(msUntilNextKenyaTime(new Date('2026-11-22T23:29:59Z'), 2, 30)).toBe(1000);
    // Just after the run: the next one is a day away, not now again.
    expect(msUntilNextKenyaTime(new Date('2026-11-22T23:30:00Z'), 2, 30)).toBe(24 * HOUR);
    expect(msUntilNextKenyaTime(new Date('2026-11-22T23:31:00Z'), 2, 30)).toBe(24 * HOUR - 60_000);
  });
});

describe('scheduleNightly', () => {
  afterEach(() => vi.useRealTimers());

  it('runs each night at the hour, keeps going after a failed night, and stops when told', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T12:00:00Z') });
    const runs: string[] = [];
    const stop = scheduleNightly({
      hour: 2,
      minute: 30,
      now: () => new Date(),
      job: async () => {
        runs.push(new Date().toISOString());
        if (runs.length === 1) throw new Error('disk full');
      },
    });
    await vi.advanceTimersByTimeAsync(11 * HOUR + 29 * 60_000);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual(['2026-11-22T23:30:00.000Z']);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(runs).toEqual(['2026-11-22T23:30:00.000Z', '2026-11-23T23:30:00.000Z']);
    stop();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(runs).toHaveLength(2);
  });
});
