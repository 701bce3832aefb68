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
