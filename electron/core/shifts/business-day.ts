import type { Db } from '../db/open';

/**
 * The business day is the Kenyan calendar day (UTC+3 all year, no daylight saving),
 * whatever time zone the kiosk's machine is set to.
 */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

export function businessDate(at: Date): string {
  return new Date(at.getTime() + EAT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day's bounds as ISO instants, for `at >= from AND at < to` over stored ISO strings. */
export function businessDayBounds(date: string): { from: string; to: string } {
  const start = Date.parse(`${date}T00:00:00.000Z`) - EAT_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + 24 * 60 * 60 * 1000).toISOString() };
}

/**
 * Whether the supervisor has closed a business day. A closed day takes no more money and no
 * more shifts, so its totals never change; the next business day starts at midnight, Kenya time.
 */
export function dayClosedCheck(db: Db): (date: string) => boolean {
  const statement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM day_closes WHERE business_date = ?');
  return (date) => (statement.get(date)?.n ?? 0) > 0;
}
