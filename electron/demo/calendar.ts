import { EAT_OFFSET_MS } from '@shared/kenya/time';

/**
 * Calendar days as whole numbers (days since 1970-01-01), so the generator does its date
 * arithmetic on integers and formats each distinct day only once.
 */
const MS_PER_DAY = 86_400_000;

export const DAYS_PER_YEAR = 365.25;

/** The Nairobi calendar day that `at` falls on. */
export function nairobiDay(at: Date): number {
  return Math.floor((at.getTime() + EAT_OFFSET_MS) / MS_PER_DAY);
}

/** The day of an ISO date such as '1988-04-15'. */
export function dayOf(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${isoDate}`);
  return ms / MS_PER_DAY;
}

/** The first day of a year, e.g. dayOfYearStart(1950). */
export function dayOfYearStart(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

const formatted = new Map<number, string>();

/** 'YYYY-MM-DD' for a day number; memoised because a large seed formats the same days millions of times. */
export function isoDate(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

export const MINUTES_PER_DAY = 1_440;

/** 'HH:MM' for each minute of the day, built once. */
const clockTimes = Array.from(
  { length: MINUTES_PER_DAY },
  (_, minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
);

/** An ISO timestamp `minuteOfDay` minutes after midnight UTC on `day`. */
export function isoTimestamp(day: number, minuteOfDay: number): string {
  return `${isoDate(day)}T${clockTimes[minuteOfDay] ?? '00:00'}:00.000Z`;
}
