import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillView, PaymentView } from '../../shared/contract/payments';
import type { Result } from '../../shared/result';
import { paymentKiosk, simulatorTransactions, type PaymentKiosk } from '../support/payment-kiosk';
import type { DayReport } from '../../shared/contract/reports';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';
import { tableCounts } from '../support/temp-kiosk';

const PAYS_NO_CALLBACK = '0799000004';
const CANCELS = '0700001032';
const NO_ANSWER = '0799000002';
/** Past the two minutes that make a payment "stuck", within the clerk's 180 s idle timeout. */
const STUCK_MS = 150_000;

let pk: PaymentKiosk;

const invoke = (name: string, payload: unknown = {}): Promise<Result<unknown>> => pk.kiosk.core.invoke(name, payload);
async function call<T>(name: string, payload: unknown = {}): Promise<T> {
  const result = await invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}
async function refusal(name: string, payload: unknown = {}) {
  const result = await invoke(name, payload);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
}
const auditRows = (action: string) =>
  pk.kiosk.core.context.db.prepare('SELECT actor, outcome, visit_id, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as { actor: string; outcome: string; visit_id: string | null; details: string }[];
const outboxOf = (type: string) =>
  (pk.kiosk.core.context.db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY seq').all(type) as { payload: string }[]).map((row) => JSON.parse(row.payload) as Record<string, unknown>);

/** An M-Pesa payment left prompted: the kiosk's own polling waits 30 s, the callbacks go nowhere. */
async function stuckPrompt(phone: string): Promise<PaymentView> {
  const bill = await call<BillView>('payments.billForRenewal', { years: 1 });
  const payment = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone });
  expect(payment.state).toBe('prompted');
  // The simulated customer answers (or not) after 300 ms; then the prompt has been waiting long enough to be stuck.
  await new Promise((resolve) => setTimeout(resolve, 600));
  pk.kiosk.clock.advance(STUCK_MS);
  return payment;
}

beforeEach(async () => {
  pk = await paymentKiosk({ mpesa: { callbackUrl: 'http://127.0.0.1:9/nowhere' }, payments: { firstQueryMs: 30_000, resultLimitSeconds: 600 } });
  await seedStaff(pk.kiosk.core);
  await call('visit.start', { locale: 'en' });
});
afterEach(() => pk.close());

describe('a clerk cancels a stuck payment only after asking the provider', () => {
  it('a prompt M-Pesa reports unpaid is listed as stuck, then cancelled with reason clerk-override, audited under the clerk, one outbox event', async () => {
    const payment = await stuckPrompt(CANCELS);
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const status = await call<{ stuckPayments: { paymentId: string; state: string; billReference: string }[] }>('overrides.status');
    expect(status.stuckPayments).toEqual([expect.objectContaining({ paymentId: payment.id, state: 'prompted', billReference: payment.billReference })]);

    const result = await call('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'citizen-left', note: 'Left before the prompt came' });
    expect(result).toEqual({ outcome: 'cancelled', state: 'cancelled' });
    const row = pk.kiosk.core.context.db.prepare('SELECT state, reason, result_code FROM payments WHERE id = ?').get(payment.id);
    expect(row).toEqual({ state: 'cancelled', reason: 'clerk-override', result_code: 1032 });
    expect(auditRows('payment.cancelled')).toEqual([expect.objectContaining({ actor: `staff:${CLERK.staffId}` })]);
    const [audited] = auditRows('override.cancel-stuck-payment');
    expect(audited).toMatchObject({ actor: `staff:${CLERK.staffId}`, outcome: 'cancelled' });
    expect(JSON.parse(audited!.details)).toMatchObject({ paymentId: payment.id, reason: 'citizen-left', note: 'Left before the prompt came', providerSaid: 'declined' });
    expect(outboxOf('override.used')).toEqual([expect.objectContaining({ kind: 'cancel-stuck-payment', staffId: CLERK.staffId, reason: 'citizen-left', outcome: 'cancelled', paymentId: payment.id })]);
    expect(outboxOf('payment.cancelled')).toHaveLength(1);
    expect((await call<{ stuckPayments: unknown[] }>('overrides.status')).stuckPayments).toEqual([]);
    // The supervisor sees it on the day's report, in the clerk's words.
    await call('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    const day = await call<DayReport>('report.day');
    expect(day.overrides).toEqual([
      { at: expect.any(String), staffId: CLERK.staffId, kind: 'cancel-stuck-payment', reason: 'citizen-left', note: 'Left before the prompt came', outcome: 'cancelled' },
    ]);
  });

  it('a prompt M-Pesa reports paid is settled paid with its receipt, never cancelled, and the clerk is told so', async () => {
    const payment = await stuckPrompt(PAYS_NO_CALLBACK);
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const result = await call('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'no-prompt-on-phone' });
    expect(result).toEqual({ outcome: 'paid', state: 'paid' });
    const [charged] = await simulatorTransactions(pk.simulator);
    const row = pk.kiosk.core.context.db.prepare('SELECT state, provider_reference, reason FROM payments WHERE id = ?').get(payment.id);
    expect(row).toEqual({ state: 'paid', provider_reference: charged!.result!.receiptNumber, reason: null });
    expect(auditRows('payment.cancelled')).toEqual([]);
    expect(auditRows('override.cancel-stuck-payment')).toEqual([expect.objectContaining({ outcome: 'paid' })]);
    expect((await call<BillView>('payments.bill', { billId: (pk.kiosk.core.context.db.prepare('SELECT bill_id FROM payments WHERE id = ?').get(payment.id) as { bill_id: string }).bill_id })).status).toBe('paid');
  });

  it('a paid payment is refused and nothing changes', async () => {
    const payment = await stuckPrompt(PAYS_NO_CALLBACK);
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    await call('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'citizen-left' });
    const before = tableCounts(pk.kiosk.core);
    const refused = await refusal('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'citizen-left' });
    expect(refused.code).toBe('overrides.paymentSettled');
    expect(refused.message.en).toContain('can never be cancelled');
    expect(refused.message.sw).toContain('hayawezi kughairiwa');
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
  });

  it('a prompt nobody answered: refused as still waiting before two minutes, cancelled once the prompt has expired', async () => {
    const bill = await call<BillView>('payments.billForRenewal', { years: 1 });
    const payment = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: NO_ANSWER });
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const before = tableCounts(pk.kiosk.core);
    expect((await refusal('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'citizen-left' })).code).toBe('overrides.stillWaiting');
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
    pk.kiosk.clock.advance(STUCK_MS);
    expect(await call('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'citizen-left' })).toEqual({ outcome: 'cancelled', state: 'cancelled' });
    expect(JSON.parse(auditRows('override.cancel-stuck-payment')[0]!.details)).toMatchObject({ providerSaid: 'pending' });
  });

  it('nobody signed in: refused with the bilingual staff error and nothing changes', async () => {
    const payment = await stuckPrompt(CANCELS);
    const before = tableCounts(pk.kiosk.core);
    const refused = await refusal('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'citizen-left' });
    expect(refused.code).toBe('call.forbidden');
    expect(refused.message.sw.length).toBeGreaterThan(10);
    expect(await refusal('overrides.liftLookupLimit', { reason: 'typing-mistakes' })).toMatchObject({ code: 'call.forbidden' });
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
    expect(pk.kiosk.core.context.db.prepare('SELECT state FROM payments WHERE id = ?').get(payment.id)).toEqual({ state: 'prompted' });
  });

  it('a note that could hold an ID or phone number is refused', async () => {
    const payment = await stuckPrompt(CANCELS);
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await refusal('overrides.cancelStuckPayment', { paymentId: payment.id, reason: 'citizen-left', note: 'ID 12345678' })).toMatchObject({ code: 'request.invalid', field: 'note' });
  });
});

describe('a clerk lifts the lookup limit for one visit', () => {
  const search = (value: string) => invoke('lookup.search', { kind: 'idNumber', value });

  it('lifted once, for this visit only: the citizen searches again; the next visit is limited again', async () => {
    for (const value of ['11111111', '22222222', '33333333']) expect((await search(value)).ok).toBe(true);
    expect(await search('44444444')).toMatchObject({ ok: false, error: { code: 'lookup.visitLimit' } });

    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await call('overrides.status')).toMatchObject({ visitOpen: true, lookupLimitReached: true });
    expect(await call('overrides.liftLookupLimit', { reason: 'typing-mistakes' })).toEqual({ lookupsLeft: 3 });
    expect(await search('12345678')).toMatchObject({ ok: true, value: { outcome: 'found', lookupsLeft: 2 } });
    // Lifted, not removed: a second lift needs the limit reached again.
    expect(await refusal('overrides.liftLookupLimit', { reason: 'typing-mistakes' })).toMatchObject({ code: 'overrides.limitNotReached' });

    const [audited] = auditRows('override.lift-lookup-limit');
    expect(audited).toMatchObject({ actor: `staff:${CLERK.staffId}`, outcome: 'lifted' });
    expect(JSON.parse(audited!.details)).toMatchObject({ reason: 'typing-mistakes', searchesBefore: 3 });
    expect(outboxOf('override.used')).toEqual([expect.objectContaining({ kind: 'lift-lookup-limit', staffId: CLERK.staffId, reason: 'typing-mistakes' })]);

    await call('visit.start', { locale: 'sw' });
    for (const value of ['11111111', '22222222', '33333333']) expect((await search(value)).ok).toBe(true);
    expect(await search('44444444')).toMatchObject({ ok: false, error: { code: 'lookup.visitLimit' } });
    // The new visit ended attended mode: the clerk signs in again to look.
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await call('overrides.status')).toMatchObject({ lookupLimitReached: true });
  });

  it('the codes sent in the visit start again too when that limit was reached', async () => {
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect((await search('12345678')).ok).toBe(true);
    for (let sent = 0; sent < 3; sent += 1) await call('lookup.sendCode');
    expect(await refusal('lookup.sendCode')).toMatchObject({ code: 'verification.tooManyCodes' });
    expect(await call('overrides.status')).toMatchObject({ lookupLimitReached: true });
    await call('overrides.liftLookupLimit', { reason: 'id-checked-by-clerk' });
    expect((await invoke('lookup.sendCode')).ok).toBe(true);
  });

  it('refused with a bilingual error when no visit is open, and when the limit is not reached', async () => {
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await refusal('overrides.liftLookupLimit', { reason: 'typing-mistakes' })).toMatchObject({ code: 'overrides.limitNotReached' });
    await call('visit.end', { reason: 'done' });
    // The visit's end signed the clerk out; signed in again with no visit open.
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const before = tableCounts(pk.kiosk.core);
    const refused = await refusal('overrides.liftLookupLimit', { reason: 'wrong-document' });
    expect(refused).toMatchObject({ code: 'overrides.noVisit', message: { sw: expect.stringContaining('Hakuna mwananchi') } });
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
    expect(await call('overrides.status')).toMatchObject({ visitOpen: false, lookupLimitReached: false });
  });
});
