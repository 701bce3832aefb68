/**
 * Kenya keeps East Africa Time (UTC+3) all year, with no daylight saving. Every date and time
 * the kiosk computes or shows is Kenyan, whatever time zone the machine is set to (kiosks and
 * CI machines are often on UTC), so the wall clock is UTC shifted by three hours: no time-zone
 * data needed.
 */
export const KENYA_TIME_ZONE = 'Africa/Nairobi';
export const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant as an ISO string whose fields read Kenyan wall-clock time. */
function kenyanIso(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + EAT_OFFSET_MS).toISOString();
}

/** 'YYYY-MM-DD' of the Kenyan calendar day `at` falls on: the business day, the day of limits and expiries. */
export function kenyaDate(at: Date): string {
  return kenyanIso(at).slice(0, 10);
}

/** A Kenyan day's bounds as ISO instants, for `at >= from AND at < to` over stored ISO strings. */
export function kenyaDayBounds(date: string): { from: string; to: string } {
  const start = Date.parse(`${date}T00:00:00.000Z`) - EAT_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS).toISOString() };
}

/** The next Kenyan midnight after `at`. */
export function endOfKenyaDay(at: Date): Date {
  return new Date(kenyaDayBounds(kenyaDate(at)).to);
}

/** Milliseconds from `now` to the next `hour:minute` Kenya time (a full day if it is exactly now). */
export function msUntilNextKenyaTime(now: Date, hour: number, minute: number): number {
  const sinceMidnight = (now.getTime() + EAT_OFFSET_MS) % DAY_MS;
  const wait = (hour * 3_600_000 + minute * 60_000 - sinceMidnight + DAY_MS) % DAY_MS;
  return wait === 0 ? DAY_MS : wait;
}

/** `YYYYMMDDHHmmss` in Kenya time: Daraja's Timestamp and TransactionDate format. */
export function kenyaTimestamp(at: Date): string {
  return kenyanIso(at).slice(0, 19).replace(/[-T:]/g, '');
}

/** `2026-11-22 09:15:02` in Kenya time: report rows, sortable. */
export function kenyaDateTimeSortable(at: string): string {
  return kenyanIso(at).slice(0, 19).replace('T', ' ');
}

/** '2026-11-22' → '22/11/2026', the way Kenyan documents write a day; '—' for no date. */
export function kenyanDay(isoDay: string | null): string {
  if (!isoDay) return '—';
  const [year, month, day] = isoDay.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** An instant → '14:05', Kenya time on the 24-hour clock. */
export function kenyanClock(at: Date | string): string {
  return kenyanIso(at).slice(11, 16);
}

/** An instant → '22/11/2026 14:05', Kenya time: what every screen shows. */
export function kenyanDateTime(at: Date | string): string {
  const iso = kenyanIso(at);
  return `${kenyanDay(iso)} ${iso.slice(11, 16)}`;
}
