import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrinterStatusReport } from '../../shared/contract/printer';
import type { BillView, PaymentView } from '../../shared/contract/payments';
import { emailSimulatorOf } from '../../electron/core/email/email-simulator';
import { kioskSigningKey } from '../../electron/core/payments/receipts/kiosk-signing-key';
import { verifyReceiptQr } from '../../electron/core/payments/receipts/receipt-signing';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { startPrinterSimulator, type PrinterSimulator } from '../../electron/simulators/printer/printer-simulator';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { paymentKiosk, type PaymentKiosk } from '../support/payment-kiosk';
import { tableCounts } from '../support/temp-kiosk';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';

/** The Daraja simulator pays from this number. */
const PAYS = '0708374149';

let pk: PaymentKiosk;
let printer: PrinterSimulator;
let hub: TestHub | undefined;

async function call<T>(name: string, payload: unknown): Promise<T> {
  const result = await pk.kiosk.core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}
async function refusal(name: string, payload: unknown) {
  const result = await pk.kiosk.core.invoke(name, payload);
  return result.ok ? { code: 'accepted' } : result.error;
}
const sms = () => smsSimulatorOf(pk.kiosk.core.context.sms).outbox();
const auditRows = (action: string) =>
  pk.kiosk.core.context.db.prepare('SELECT actor, subject, outcome, details FROM audit_log WHERE action = ?').all(action) as { actor: string; subject: string | null; details: string }[];

async function start(sync?: Record<string, unknown>): Promise<void> {
  printer = await startPrinterSimulator();
  pk = await paymentKiosk({ printer: { transport: 'tcp', host: printer.host, port: printer.port, connectTimeoutMs: 500, statusTimeoutMs: 300, printTimeoutMs: 1_500 }, ...(sync && { sync }) });
  await call('visit.start', { locale: 'en' });
}

async function paidByCard(): Promise<PaymentView> {
  const bill = await call<BillView>('payments.billForRenewal', { years: 3 });
  return call<PaymentView>('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() });
}

async function paidByMpesa(): Promise<PaymentView> {
  const bill = await call<BillView>('payments.billForRenewal', { years: 1 });
  const started = await call<PaymentView>('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: PAYS });
  await expect.poll(async () => (await call<PaymentView>('payments.status', { paymentId: started.id })).state, { timeout: 8_000, interval: 50 }).toBe('paid');
  return call<PaymentView>('payments.status', { paymentId: started.id });
}

afterEach(async () => {
  await pk.close();
  await printer.close();
  await hub?.close();
  hub = undefined;
});

describe('printing a receipt on a network printer, through the core', () => {
  beforeEach(() => start());

  it('prints, audited; the status the staff screens read is ready', async () => {
    const paid = await paidByCard();
    await call('payments.printReceipt', { paymentId: paid.id });
    expect(printer.printed().includes(paid.receiptNumber!)).toBe(true);
    expect(auditRows('receipt.print')).toHaveLength(1);
    await vi.waitFor(async () => expect(await call<PrinterStatusReport>('printer.status', {})).toMatchObject({ status: 'ready' }));
  });

  it('paper out: refused with a bilingual offer of SMS or email, nothing printed, the status event tells the staff screens', async () => {
    const events: PrinterStatusReport[] = [];
    pk.kiosk.core.subscribe((name, payload) => name === 'printer.status' && events.push(payload as PrinterStatusReport));
    const paid = await paidByCard();
    printer.set({ paper: 'out' });
    const refused = await refusal('payments.printReceipt', { paymentId: paid.id });
    expect(refused).toMatchObject({ code: 'payment.printerUnavailable', message: { en: expect.stringContaining('phone or email'), sw: expect.stringContaining('simu yako au barua pepe') } });
    expect(printer.printed().length).toBe(0);
    expect(auditRows('receipt.print')).toHaveLength(0);
    await vi.waitFor(() => expect(events.at(-1)?.status).toBe('paper-out'));
  });

  it('out of paper halfway: payment.printInterrupted, never printed', async () => {
    const paid = await paidByCard();
    printer.paperRunsOutAfter(400);
    expect(await refusal('payments.printReceipt', { paymentId: paid.id })).toMatchObject({ code: 'payment.printInterrupted' });
    expect(printer.printed().length).toBe(400);
    expect(auditRows('receipt.print')).toHaveLength(0);
    await vi.waitFor(async () => expect(await call<PrinterStatusReport>('printer.status', {})).toMatchObject({ status: 'paper-out' }));
  });

  it('the receipt by SMS to a typed number: receipt number, amount, service and a verification code that checks out; audited, the number hashed', async () => {
    const paid = await paidByCard();
    printer.set({ coverOpen: true });
    expect(await refusal('payments.printReceipt', { paymentId: paid.id })).toMatchObject({ code: 'payment.printerUnavailable' });
    const sent = await call('payments.sendReceipt', { paymentId: paid.id, channel: 'sms', to: '0722 000 111' });
    expect(sent).toEqual({ channel: 'sms', maskedTo: '07•• ••• 111' });
    const [message] = sms();
    expect(message!.to).toBe('+254722000111');
    expect(message!.text).toContain(paid.receiptNumber!);
    expect(message!.text).toContain('KES 1,450');
    expect(message!.text).toMatch(/Driving licence renewal/i);
    const code = /Verification code: (\S+)$/.exec(message!.text)?.[1] ?? '';
    expect(verifyReceiptQr(code, kioskSigningKey(pk.kiosk.core.context.local).publicKeyPem)).toMatchObject({ valid: true, receipt: { receiptNumber: paid.receiptNumber, total: 1450 } });
    const [row] = auditRows('receipt.send');
    expect(row).toMatchObject({ actor: 'citizen', subject: pk.kiosk.core.context.hashIdentifier('phone', '+254722000111') });
    expect(JSON.parse(row!.details)).toEqual({ paymentId: paid.id, receiptNumber: paid.receiptNumber, channel: 'sms' });
    expect(JSON.stringify(row)).not.toContain('722000111');
  });

  it('to the phone that paid by M-Pesa, without typing it; in Kiswahili for a Kiswahili visit', async () => {
    await call('visit.end', { reason: 'done' }).catch(() => undefined);
    await call('visit.start', { locale: 'sw' });
    const paid = await paidByMpesa();
    expect(await call('payments.sendReceipt', { paymentId: paid.id, channel: 'sms' })).toEqual({ channel: 'sms', maskedTo: '07•• ••• 149' });
    expect(sms().at(-1)).toMatchObject({ to: '+254708374149', text: expect.stringMatching(/^Risiti ya Huduma Centre .*Msimbo wa kuhakiki: HKR1\|/) });
  });

  it('by email: the same receipt, nothing about the citizen', async () => {
    const paid = await paidByCard();
    expect(await call('payments.sendReceipt', { paymentId: paid.id, channel: 'email', to: ' jane.kamau@example.com ' })).toEqual({ channel: 'email', maskedTo: 'j•••@example.com' });
    const [mail] = emailSimulatorOf(pk.kiosk.core.context.email).outbox();
    expect(mail).toMatchObject({ to: 'jane.kamau@example.com', subject: `Your payment receipt ${paid.receiptNumber}` });
    expect(mail!.text).toContain('KES 1,450');
    expect(auditRows('receipt.send')[0]!.subject).toBe(pk.kiosk.core.context.hashIdentifier('email', 'jane.kamau@example.com'));
  });

  it('bad input: a bilingual refusal, nothing sent, nothing written', async () => {
    const paid = await paidByCard();
    const before = tableCounts(pk.kiosk.core);
    expect(await refusal('payments.sendReceipt', { paymentId: paid.id, channel: 'sms', to: '0201234567' })).toMatchObject({
      code: 'payment.receiptBadPhone',
      field: 'to',
      message: { en: expect.stringContaining('0712 345 678'), sw: expect.stringContaining('Iandike') },
    });
    // Paid by card: there is no payer's phone to fall back on.
    expect(await refusal('payments.sendReceipt', { paymentId: paid.id, channel: 'sms' })).toMatchObject({ code: 'payment.receiptBadPhone' });
    expect(await refusal('payments.sendReceipt', { paymentId: paid.id, channel: 'email', to: 'jane@' })).toMatchObject({ code: 'email.invalid', message: { sw: expect.stringContaining('barua pepe') } });
    expect(sms()).toHaveLength(0);
    expect(emailSimulatorOf(pk.kiosk.core.context.email).outbox()).toHaveLength(0);
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
  });

  it('only the visit that paid may send its receipt, and only a few times', async () => {
    const paid = await paidByCard();
    for (let i = 0; i < 3; i += 1) await call('payments.sendReceipt', { paymentId: paid.id, channel: 'sms', to: '0722000111' });
    expect(await refusal('payments.sendReceipt', { paymentId: paid.id, channel: 'sms', to: '0722000111' })).toMatchObject({ code: 'payment.receiptSendLimit' });
    await call('visit.end', { reason: 'done' });
    await call('visit.start', { locale: 'en' });
    expect(await refusal('payments.sendReceipt', { paymentId: paid.id, channel: 'sms', to: '0722000111' })).toMatchObject({ code: 'payment.notFound' });
    expect(sms()).toHaveLength(3);
  });
});

describe('the heartbeat', () => {
  it('carries the printer status to a real hub', async () => {
    hub = await startTestHub();
    const token = await hub.addKiosk('kiosk-printer');
    await start(fastSyncSettings(hub.url, token).sync);
    printer.set({ paper: 'near-end' });
    const paid = await paidByCard();
    // Paper low still prints, and the check after the print sees it.
    await call('payments.printReceipt', { paymentId: paid.id });
    await vi.waitFor(
      async () => {
        const answer = await fetch(`${hub!.url}/admin/v1/kiosks`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
        const { kiosks } = (await answer.json()) as { kiosks: { id: string; heartbeat: { printer?: PrinterStatusReport } | null }[] };
        expect(kiosks.find((k) => k.id === 'kiosk-printer')?.heartbeat?.printer).toEqual({ status: 'paper-low', checkedAt: expect.any(String) });
      },
      { timeout: 12_000, interval: 100 },
    );
  }, 20_000);
});
