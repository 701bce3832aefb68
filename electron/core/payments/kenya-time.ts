/**
 * Kenya keeps East Africa Time (UTC+3) all year, with no daylight saving, so Kenyan wall-clock
 * time is UTC shifted by three hours. Computed here rather than through the machine's time
 * zone, which on a kiosk or a CI machine is often UTC.
 */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function kenyaWallClock(at: Date): WallClock {
  const shifted = new Date(at.getTime() + EAT_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(shifted.getUTCFullYear()),
    month: two(shifted.getUTCMonth() + 1),
    day: two(shifted.getUTCDate()),
    hour: two(shifted.getUTCHours()),
    minute: two(shifted.getUTCMinutes()),
    second: two(shifted.getUTCSeconds()),
  };
}

/** `YYYYMMDDHHmmss` in Kenya time: Daraja's Timestamp and TransactionDate format. */
export function kenyaTimestamp(at: Date): string {
  const t = kenyaWallClock(at);
  return `${t.year}${t.month}${t.day}${t.hour}${t.minute}${t.second}`;
}

/** `dd/mm/yyyy HH:mm EAT`, the way Kenyan receipts show a time. */
export function formatKenyaDateTime(at: Date): string {
  const t = kenyaWallClock(at);
  return `${t.day}/${t.month}/${t.year} ${t.hour}:${t.minute} EAT`;
}
