import type { Db } from '../db/open';

/**
 * Whether the supervisor has closed a business day. A closed day takes no more money and no
 * more shifts, so its totals never change; the next business day starts at midnight, Kenya time.
 */
export function dayClosedCheck(db: Db): (date: string) => boolean {
  const statement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM day_closes WHERE business_date = ?');
  return (date) => (statement.get(date)?.n ?? 0) > 0;
}
