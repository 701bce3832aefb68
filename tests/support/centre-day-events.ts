/**
 * A centre's day as its kiosks upload it: bills and payments by every method, a refund that
 * came due, shifts (one short of cash and signed off), an override, recoveries approved and
 * rejected, a callback refused as forged, and one event the hub refuses. Times are Kenyan
 * (EAT, UTC+3) hours of `businessDate`.
 */
export interface DayEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface KioskDay {
  kioskId: string;
  events: DayEvent[];
  /** What the day's figures must show for this kiosk: payments still paid. */
  paid: Array<{ method: string; service: string; amount: number; hourEat: number }>;
}

const SERVICES = ['fine', 'licence_renewal', 'vehicle_search'] as const;
const METHODS = ['mpesa', 'card', 'cash'] as const;

const eat = (date: string, hour: number, minute: number) => new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000+03:00`)).toISOString();

export function kioskDay(kioskId: string, index: number, businessDate: string): KioskDay {
  const events: DayEvent[] = [];
  const paid: KioskDay['paid'] = [];
  let n = 0;
  const add = (type: string, payload: Record<string, unknown>, createdAt: string) => events.push({ id: `${kioskId}-event-${++n}`, type, payload, createdAt });
  const shiftId = `${kioskId}-shift-1`;
  const staffId = `clerk-${index + 1}`;
  add('shift.opened', { shiftId, staffId, businessDate, openedAt: eat(businessDate, 8, 0), openingFloat: 2_000 }, eat(businessDate, 8, 0));
  for (let p = 0; p < 4 + index; p++) {
    const hour = 8 + ((p * 2 + index) % 9);
    const at = eat(businessDate, hour, 10 + p);
    const service = SERVICES[(p + index) % SERVICES.length] ?? 'fine';
    const method = METHODS[p % METHODS.length] ?? 'cash';
    const amount = 500 + 250 * p + 100 * index;
    const billId = `${kioskId}-bill-${p}`;
    const paymentId = `${kioskId}-payment-${p}`;
    add('bill.created', { billId, reference: `BL-${index}${p}`, kind: service, fineId: null, licenceId: null, total: amount, lines: [] }, at);
    add('payment.created', { paymentId, billId, method, amount, at }, at);
    add('payment.paid', {
      paymentId, billId, billReference: `BL-${index}${p}`, fineId: null, method, amount,
      providerReference: method === 'cash' ? staffId : `Q${index}${p}RECEIPT`, staffId: method === 'cash' ? staffId : null, shiftId: method === 'cash' ? shiftId : null, tendered: null, at,
    }, at);
    // The first kiosk's second payment is refunded later: money received, then owed back.
    if (index === 0 && p === 1) add('payment.refund-due', { paymentId, billId, method, amount, at: eat(businessDate, hour + 1, 0) }, eat(businessDate, hour + 1, 0));
    else paid.push({ method, service, amount, hourEat: hour });
  }
  const variance = index === 1 ? -200 : 0;
  add('shift.closed', { shiftId, staffId, closedAt: eat(businessDate, 17, 0), openingFloat: 2_000, expected: 3_000, counted: 3_000 + variance, variance, needsSignOff: variance !== 0, status: variance ? 'awaiting_sign_off' : 'closed' }, eat(businessDate, 17, 0));
  if (variance) add('shift.signed-off', { shiftId, supervisorId: 'super-1', at: eat(businessDate, 17, 30), reason: 'counting-error' }, eat(businessDate, 17, 30));
  if (index === 2) add('override.used', { kioskId, kind: 'lift-lookup-limit', staffId, reason: 'citizen-request', note: null, outcome: 'lifted', visitId: 'v-1', at: eat(businessDate, 11, 0) }, eat(businessDate, 11, 0));
  if (index === 0) {
    add('account.recovery.approved', { requestId: 'r-1', reference: 'RC-1', kioskId, approvedAt: eat(businessDate, 12, 0) }, eat(businessDate, 12, 0));
    add('mpesa.callback-rejected', { paymentId: `${kioskId}-payment-0`, why: 'amount', resultCode: 0, claimedAmount: 1, expectedAmount: 500, at: eat(businessDate, 9, 0) }, eat(businessDate, 9, 0));
  }
  if (index === 1) add('account.recovery.rejected', { requestId: 'r-2', reference: 'RC-2', kioskId, reason: 'photo-differs', rejectedAt: eat(businessDate, 12, 30) }, eat(businessDate, 12, 30));
  // Refused by the hub (an event type is dotted lower case): kept with its reason.
  if (index === 2) add('Nonsense', { whatever: true }, eat(businessDate, 13, 0));
  return { kioskId, events, paid };
}

/** Uploads a kiosk's day through the hub's real upload route with the kiosk's own token. */
export async function uploadDay(hubUrl: string, token: string, day: KioskDay): Promise<{ appliedThrough: number; rejected: Array<{ seq: number; reason: string }> }> {
  const answer = await fetch(`${hubUrl}/sync/v1/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: day.events.map((event, i) => ({ seq: i + 1, ...event })) }),
  });
  if (answer.status !== 200) throw new Error(`upload answered ${answer.status}`);
  return (await answer.json()) as { appliedThrough: number; rejected: Array<{ seq: number; reason: string }> };
}

/** A heartbeat as the kiosk sends it. */
export async function sendHeartbeat(hubUrl: string, token: string, heartbeat: Record<string, unknown>): Promise<void> {
  const answer = await fetch(`${hubUrl}/sync/v1/heartbeat`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(heartbeat) });
  if (answer.status !== 200) throw new Error(`heartbeat answered ${answer.status}`);
}
