/**
 * One way to write dates on every screen, in both languages, the way Kenyan documents and
 * the kiosk's printed receipt write them: day/month/year, times on the 24-hour clock.
 */

/** Kenya keeps UTC+3 all year, so its wall clock needs no time-zone data from the machine. */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

/** '2026-11-22' → '22/11/2026'; '—' for no date. */
export function kenyanDay(isoDay: string | null): string {
  if (!isoDay) return '—';
  const [year, month, day] = isoDay.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** An instant → '22/11/2026 14:05', in Kenya time. */
export function kenyanDateTime(isoInstant: string): string {
  const kenyan = new Date(Date.parse(isoInstant) + EAT_OFFSET_MS).toISOString();
  return `${kenyanDay(kenyan)} ${kenyan.slice(11, 16)}`;
}
