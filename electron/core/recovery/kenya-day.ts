/** Kenya keeps UTC+3 all year; a kiosk's "day" (failure limits, request expiry) is a Kenyan day. */
const EAT_OFFSET_MS = 3 * 3_600_000;

/** 'YYYY-MM-DD' of the Kenyan calendar day that `at` falls on. */
export function kenyaDay(at: Date): string {
  return new Date(at.getTime() + EAT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The next Kenyan midnight after `at`: when that day's pending requests expire. */
export function endOfKenyaDay(at: Date): Date {
  const day = new Date(`${kenyaDay(at)}T00:00:00Z`);
  return new Date(day.getTime() + 86_400_000 - EAT_OFFSET_MS);
}
