import type { ConsoleOverride, ConsolePayment, ConsoleShift } from './console-store';

/**
 * Uploaded payloads as the console's rows, the same for both stores. The hub accepted them
 * without reading them, so a missing or mistyped field becomes empty, never a crash.
 */
type Payload = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const whole = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The kiosk's payment.paid event as a report row (the receipt number stays on the kiosk). */
export function paymentOf(row: { kioskId: string; seq: number; createdAt: string; service: string; state: string }, payload: Payload): ConsolePayment {
  return {
    kioskId: row.kioskId,
    key: { createdAt: row.createdAt, kioskId: row.kioskId, seq: row.seq },
    paymentId: text(payload.paymentId) ?? '',
    at: text(payload.at) ?? row.createdAt,
    service: row.service,
    billReference: text(payload.billReference) ?? '',
    method: text(payload.method) ?? '',
    state: row.state,
    amount: whole(payload.amount) ?? 0,
    providerReference: text(payload.providerReference),
    receiptNumber: null,
    staffId: text(payload.staffId),
    shiftId: text(payload.shiftId),
  };
}

export function shiftOf(kioskId: string, payload: Payload, signedOffBy: string | null): ConsoleShift {
  return {
    kioskId,
    shiftId: text(payload.shiftId) ?? '',
    staffId: text(payload.staffId) ?? '',
    closedAt: text(payload.closedAt) ?? '',
    expected: whole(payload.expected) ?? 0,
    counted: whole(payload.counted),
    variance: whole(payload.variance),
    status: text(payload.status) ?? '',
    signedOffBy,
  };
}

export function overrideOf(kioskId: string, payload: Payload): ConsoleOverride {
  return {
    kioskId,
    at: text(payload.at) ?? '',
    staffId: text(payload.staffId) ?? '',
    kind: text(payload.kind) ?? '',
    reason: text(payload.reason) ?? '',
    note: text(payload.note),
    outcome: text(payload.outcome) ?? '',
  };
}
