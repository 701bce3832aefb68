import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../electron/demo/generate';
import { openDatabase } from '../../electron/core/db/open';
import { tableCounts, tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';

let kiosk: TempKiosk;

beforeEach(async () => {
  kiosk = tempKiosk({
    prepare: (file) => {
      const db = openDatabase(file);
      seedDemoData(db, { citizens: 50, seed: 7 });
      db.close();
    },
  });
  await seedStaff(kiosk.core);
});
afterEach(() => kiosk.dispose());

async function invoke<T = Record<string, unknown>>(name: string, payload: unknown = {}): Promise<T> {
  const result = await kiosk.core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}
const refusal = async (name: string, payload: unknown) => {
  const result = await kiosk.core.invoke(name, payload);
  return result.ok ? 'accepted' : result.error.code;
};

/** A citizen pays a vehicle search (KES 550) in cash to the signed-in clerk. */
async function cashPayment(tendered: number) {
  const bill = await invoke<{ id: string; total: number }>('payments.billForVehicleSearch', { plate: 'KDA 123A' });
  return invoke<{ id: string; state: string; amount: number }>('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered });
}

describe('cash shifts', () => {
  it('opens with a float, takes cash, drops and refunds, and closes with the shortfall recorded', async () => {
    await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await invoke('shift.current')).toEqual({ shift: null });
    const opened = await invoke<{ shiftId: string }>('shift.open', { openingFloat: 2_000 });
    expect(opened).toMatchObject({ openingFloat: 2_000, cashTaken: 0, expected: 2_000, status: 'open', staffName: 'Peter Otieno', businessDate: '2026-11-22' });
    expect(kiosk.core.context.staff.current()?.shiftId).toBe(opened.shiftId);
    expect(await refusal('shift.open', { openingFloat: 100 })).toBe('shift.alreadyOpen');

    await invoke('visit.start', { locale: 'en' });
    const first = await cashPayment(1_000);
    const second = await cashPayment(550);
    expect([first.state, second.state]).toEqual(['paid', 'paid']);
    const payments = kiosk.core.context.db.prepare('SELECT shift_id, staff_id FROM payments').all();
    expect(payments).toEqual([
      { shift_id: opened.shiftId, staff_id: '2001' },
      { shift_id: opened.shiftId, staff_id: '2001' },
    ]);

    expect(await invoke('shift.current')).toMatchObject({ shift: { cashTaken: 1_100, expected: 3_100 } });
    await invoke('shift.cashOut', { kind: 'drop', amount: 1_000, reason: 'to the safe' });
    await invoke('shift.cashOut', { kind: 'refund', amount: 50, reason: 'overcharged' });
    const before = tableCounts(kiosk.core);
    expect(await refusal('shift.cashOut', { kind: 'drop', amount: 5_000, reason: 'too much' })).toBe('shift.notEnoughCash');
    expect(tableCounts(kiosk.core)).toEqual(before);

    // Expected: 2,000 + 1,100 − 50 − 1,000 = 2,050. The clerk counts 1,950: KES 100 short.
    const closed = await invoke('shift.close', { counted: 1_950 });
    expect(closed).toMatchObject({ cashTaken: 1_100, refunds: 50, drops: 1_000, expected: 2_050, counted: 1_950, variance: -100, status: 'closed' });
    expect(kiosk.core.context.staff.current()?.shiftId).toBeNull();
    // Cash belongs to a shift: with the shift closed, the clerk cannot take any.
    const bill = await invoke<{ id: string }>('payments.billForVehicleSearch', { plate: 'KDA 123A' });
    expect(await refusal('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: 600 })).toBe('payment.cashNoShift');

    const audit = kiosk.core.context.db
      .prepare<[], { action: string; outcome: string; details: string }>("SELECT action, outcome, details FROM audit_log WHERE action LIKE 'shift.%' ORDER BY id")
      .all();
    expect(audit.map((a) => `${a.action} ${a.outcome}`)).toEqual(['shift.open ok', 'shift.drop ok', 'shift.refund ok', 'shift.close closed']);
    expect(JSON.parse(audit.at(-1)?.details ?? '{}')).toEqual({ shiftId: opened.shiftId, expected: 2_050, counted: 1_950, variance: -100 });
    const outbox = kiosk.core.context.db.prepare<[], { type: string }>("SELECT type FROM outbox WHERE type LIKE 'shift.%' ORDER BY seq").all();
    expect(outbox.map((o) => o.type)).toEqual(['shift.opened', 'shift.drop', 'shift.refund', 'shift.closed']);
  });

  it('holds a variance beyond the threshold for another supervisor to sign off', async () => {
    await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    const own = await invoke<{ shiftId: string }>('shift.open', { openingFloat: 1_000 });
    await invoke('shift.close', { counted: 0 });
    expect(await refusal('shift.signOff', { shiftId: own.shiftId, reason: 'recounted' })).toBe('shift.ownSignOff');

    await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const shift = await invoke<{ shiftId: string }>('shift.open', { openingFloat: 3_000 });
    expect(await invoke('shift.close', { counted: 2_400 })).toMatchObject({ variance: -600, status: 'awaiting_sign_off' });
    expect(await refusal('shift.signOff', { shiftId: shift.shiftId, reason: 'recounted' })).toBe('call.forbidden');

    await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    // A reason from the list is required; a note may not carry an identifier. Refusals change nothing.
    const before = tableCounts(kiosk.core);
    expect(await refusal('shift.signOff', { shiftId: shift.shiftId, note: 'Recounted with the clerk' })).toBe('request.invalid');
    expect(await refusal('shift.signOff', { shiftId: shift.shiftId, reason: 'because' })).toBe('request.invalid');
    expect(await refusal('shift.signOff', { shiftId: shift.shiftId, reason: 'changeError', note: 'change to 0712345678' })).toBe('request.invalid');
    expect(tableCounts(kiosk.core)).toEqual(before);
    expect(await invoke('shift.signOff', { shiftId: shift.shiftId, reason: 'changeError', note: 'Gave 100 too much to a citizen' })).toMatchObject({
      status: 'signed_off',
      signedOffBy: '1001',
    });
    expect(await refusal('shift.signOff', { shiftId: shift.shiftId, reason: 'recounted' })).toBe('shift.notAwaitingSignOff');
    const signOff = kiosk.core.context.db
      .prepare<[], { actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'shift.signOff'")
      .all();
    expect(signOff.map((row) => ({ actor: row.actor, details: JSON.parse(row.details) as unknown }))).toEqual([
      { actor: 'staff:1001', details: { shiftId: shift.shiftId, variance: -600, reason: 'changeError', note: 'Gave 100 too much to a citizen' } },
    ]);
    expect(kiosk.core.context.db.prepare('SELECT sign_off_note FROM shifts WHERE id = ?').get(shift.shiftId)).toEqual({
      sign_off_note: 'changeError: Gave 100 too much to a citizen',
    });
  });

  it('refuses shift calls to anyone not signed in, and cash outside a shift', async () => {
    expect(await refusal('shift.open', { openingFloat: 1_000 })).toBe('call.forbidden');
    await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await refusal('shift.close', { counted: 0 })).toBe('shift.none');
    expect(await refusal('shift.open', { openingFloat: -5 })).toBe('request.invalid');
    expect(await refusal('shift.open', { openingFloat: 10.5 })).toBe('request.invalid');
  });
});
