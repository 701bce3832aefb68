import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillStore } from '../../electron/core/payments/bills/bill-store';
import { decide, type PaymentEvent } from '../../electron/core/payments/payment-state';
import { PaymentStore } from '../../electron/core/payments/payment-store';
import { KioskError } from '../../electron/core/errors';
import { paymentDb } from '../support/payment-db';

const ATTEMPTS = 3;
const REFS = ['QKH94M1Z11', 'QKH94M1Z22', 'QKH94M1Z33'];

type Command = { kind: 'create'; method: 'mpesa' | 'card' } | { kind: 'event'; attempt: number; event: PaymentEvent };

const eventArb: fc.Arbitrary<PaymentEvent> = fc.oneof(
  fc.constantFrom(0, 1, 2).map((i): PaymentEvent => ({ type: 'prompted', checkoutRequestId: `ws_CO_${i}` })),
  fc.constant<PaymentEvent>({ type: 'confirmed' }),
  // Receipts repeat, and a receipt number may come back for another attempt: both must be harmless.
  fc.constantFrom(...REFS).map((providerReference): PaymentEvent => ({ type: 'receipt', providerReference })),
  fc.constantFrom(['failed', 1], ['cancelled', 1032], ['expired', 1019], ['failed', 1037]).map(([as, resultCode]): PaymentEvent => ({ type: 'declined', as: as as 'failed', resultCode: resultCode as number, reason: 'r' })),
  fc.constantFrom('failed', 'expired').map((as): PaymentEvent => ({ type: 'abandoned', as: as as 'expired', reason: 'no-result' })),
  // A crash or a lost answer: the request may have reached the provider.
  fc.constant<PaymentEvent>({ type: 'doubted', reason: 'interrupted' }),
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('mpesa', 'card').map((method): Command => ({ kind: 'create', method: method as 'mpesa' })) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('event' as const), attempt: fc.nat(ATTEMPTS - 1), event: eventArb }) },
);

function setUp() {
  const ctx = paymentDb();
  ctx.db.prepare("INSERT INTO fees (code, service, name_en, name_sw, amount, convenience_fee, updated_at) VALUES ('DL_RENEW_1Y', 'driving_licence', 'Renewal', 'Kuhuisha', 600, 50, 'now')").run();
  const bill = new BillStore(ctx).forRenewal(1, undefined);
  return { ctx, bill, store: new PaymentStore(ctx) };
}

describe('the payment state machine, property-tested over real SQLite', () => {
  it('no sequence of events pays a bill twice, loses a paid payment, or settles without proof', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 1, maxLength: 40 }), (commands) => {
        const { ctx, bill, store } = setUp();
        const attempts: string[] = [];
        /** Payments that received proof of money no other payment holds: they must never be lost. */
        const moneyTaken = new Map<string, string>();
        const everPaid = new Map<string, string>();
        let transitions = 0;
        let key = 0;
        for (const command of commands) {
          if (command.kind === 'create') {
            if (attempts.length === ATTEMPTS) continue;
            try {
              attempts.push(store.create({ billId: bill.id, idempotencyKey: `key-${key++}-aaaaaaaaaaaa`, method: command.method, amount: bill.total, visitId: null }).payment.id);
            } catch (error) {
              // Refused only because the bill is paid or an attempt is in flight.
              expect(error).toBeInstanceOf(KioskError);
              expect(['payment.alreadyPaid', 'payment.inProgress']).toContain((error as KioskError).payload.code);
            }
            continue;
          }
          const id = attempts[command.attempt];
          if (!id) continue;
          // Daraja never gives two pushes one CheckoutRequestID: an attempt's ids are its own.
          const event = command.event.type === 'prompted' ? { ...command.event, checkoutRequestId: `${command.event.checkoutRequestId}_${command.attempt}` } : command.event;
          const heldElsewhere = event.type === 'receipt' && ctx.db.prepare('SELECT 1 FROM payments WHERE provider_reference = ? AND id <> ?').get(event.providerReference, id);
          if (event.type === 'receipt' && !heldElsewhere && !moneyTaken.has(id)) moneyTaken.set(id, event.providerReference);
          const { decision } = store.apply(id, event);
          if (decision.kind === 'transition') transitions += 1;

          const rows = attempts.map((a) => store.get(a)!);
          const paid = rows.filter((row) => row.state === 'paid');
          expect(paid.length).toBeLessThanOrEqual(1);
          const billRow = ctx.db.prepare('SELECT status FROM bills WHERE id = ?').get(bill.id) as { status: string };
          expect(billRow.status).toBe(paid.length === 1 ? 'paid' : 'unpaid');
          for (const row of rows) {
            if (row.state === 'paid' || row.state === 'refund_due') expect(row.provider_reference).not.toBeNull();
            if (row.state === 'paid') everPaid.set(row.id, row.provider_reference!);
            if (everPaid.has(row.id)) expect([row.state, row.provider_reference]).toEqual(['paid', everPaid.get(row.id)]);
            if (moneyTaken.has(row.id)) expect(['paid', 'refund_due']).toContain(row.state);
          }
        }
        // Every transition committed with exactly one audit row and one outbox event.
        const audited = ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('payment.prompted','payment.in_doubt','payment.paid','payment.failed','payment.cancelled','payment.expired','payment.refund_due')").get() as { n: number };
        const queued = ctx.db.prepare("SELECT count(*) AS n FROM outbox WHERE type IN ('payment.prompted','payment.in-doubt','payment.paid','payment.failed','payment.cancelled','payment.expired','payment.refund-due')").get() as { n: number };
        expect(audited.n).toBe(transitions);
        expect(queued.n).toBe(transitions);
        ctx.db.close();
      }),
      { numRuns: 300 },
    );
  });

  it('a bill paid once refuses a new attempt, and a repeated idempotency key returns the same attempt', () => {
    const { bill, store } = setUp();
    const first = store.create({ billId: bill.id, idempotencyKey: 'key-1-aaaaaaaaaaaaaaa', method: 'mpesa', amount: bill.total, visitId: null });
    const again = store.create({ billId: bill.id, idempotencyKey: 'key-1-aaaaaaaaaaaaaaa', method: 'mpesa', amount: bill.total, visitId: null });
    expect(again).toEqual({ payment: first.payment, repeated: true });
    expect(() => store.create({ billId: bill.id, idempotencyKey: 'key-1-aaaaaaaaaaaaaaa', method: 'card', amount: bill.total, visitId: null })).toThrow('payment.keyReused');
    expect(() => store.create({ billId: bill.id, idempotencyKey: 'key-2-aaaaaaaaaaaaaaa', method: 'card', amount: bill.total, visitId: null })).toThrow('payment.inProgress');
    store.apply(first.payment.id, { type: 'receipt', providerReference: 'QKH94M1Z11' });
    expect(() => store.create({ billId: bill.id, idempotencyKey: 'key-3-aaaaaaaaaaaaaaa', method: 'card', amount: bill.total, visitId: null })).toThrow('payment.alreadyPaid');
  });

  it('a late receipt for an attempt the kiosk gave up on pays the bill, or is owed back when another attempt paid it', () => {
    const { bill, store } = setUp();
    const slow = store.create({ billId: bill.id, idempotencyKey: 'key-1-aaaaaaaaaaaaaaa', method: 'mpesa', amount: bill.total, visitId: null }).payment;
    store.apply(slow.id, { type: 'prompted', checkoutRequestId: 'ws_CO_1' });
    store.apply(slow.id, { type: 'abandoned', as: 'expired', reason: 'no-result' });
    const card = store.create({ billId: bill.id, idempotencyKey: 'key-2-aaaaaaaaaaaaaaa', method: 'card', amount: bill.total, visitId: null }).payment;
    store.apply(card.id, { type: 'receipt', providerReference: '123456' });
    expect(store.apply(slow.id, { type: 'receipt', providerReference: 'QKH94M1Z11' }).payment.state).toBe('refund_due');
    expect(store.get(card.id)!.state).toBe('paid');
  });
});

describe('decide', () => {
  const waiting = { state: 'prompted' as const, confirmed: false, providerReference: null };

  it('settles once: repeats and answers after settlement are ignored', () => {
    const cancelled: PaymentEvent = { type: 'declined', as: 'cancelled', resultCode: 1032, reason: 'Request cancelled by user' };
    expect(decide(waiting, cancelled, false)).toEqual({ kind: 'transition', to: 'cancelled', event: cancelled });
    expect(decide({ ...waiting, state: 'cancelled' }, cancelled, false)).toEqual({ kind: 'ignore', why: 'settled' });
    expect(decide({ state: 'paid', confirmed: true, providerReference: 'A1' }, { type: 'receipt', providerReference: 'A1' }, true)).toEqual({ kind: 'ignore', why: 'repeat' });
  });

  it('never gives up on a payment M-Pesa confirmed', () => {
    expect(decide({ ...waiting, confirmed: true }, { type: 'abandoned', as: 'expired', reason: 'no-result' }, false)).toEqual({ kind: 'ignore', why: 'conflict' });
  });
});
