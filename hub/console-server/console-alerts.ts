import type { AlertView, KioskView } from '@shared/console/console-api';
import type { AlertEvent } from '../store/console-store';

/** A kiosk without a heartbeat this long is silent: an alert, and offline in the list. */
export const SILENT_AFTER_MINUTES = 10;

const field = (payload: unknown, name: string): unknown => (typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined);

/** An uploaded event as the alert it raises. */
function alertOf(event: AlertEvent): AlertView {
  const at = event.createdAt ?? event.receivedAt;
  if (event.rejectedReason !== null) return { kind: 'event-rejected', kioskId: event.kioskId, at: event.receivedAt, detail: event.rejectedReason };
  if (event.type === 'mpesa.callback-rejected') return { kind: 'callback-forged', kioskId: event.kioskId, at, detail: String(field(event.payload, 'why') ?? '') };
  return { kind: 'cash-variance', kioskId: event.kioskId, at, detail: String(field(event.payload, 'variance') ?? '') };
}

/** Silent kiosks first (the longest silent first), then the events, newest first. */
export function consoleAlerts(kiosks: readonly KioskView[], events: readonly AlertEvent[], now: Date): AlertView[] {
  const silent = kiosks
    .filter((k) => !k.online)
    .map((k): AlertView => ({
      kind: 'kiosk-silent',
      kioskId: k.id,
      at: k.heartbeatAt ?? '',
      detail: k.heartbeatAt === null ? 'never' : String(Math.floor((now.getTime() - Date.parse(k.heartbeatAt)) / 60_000)),
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
  return [...silent, ...events.map(alertOf)];
}
