import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillView, PaymentView, ReceiptView } from '../../shared/contract/payments';
import { onHeavyJobRun, type HeavyJobRun } from '../../electron/core/heavy-job-runner';
import { CardTerminalSimulator } from '../../electron/core/payments/card/card-terminal-simulator';
import { kioskSigningKey } from '../../electron/core/payments/receipts/kiosk-signing-key';
import { verifyReceiptQr } from '../../electron/core/payments/receipts/receipt-signing';
import { paymentKiosk, type PaymentKiosk } from '../support/payment-kiosk';
import { CLERK, seedStaff } from '../support/staff-seed';
import { tableCounts } from '../support/temp-kiosk';
import { verifyVisitAs } from '../support/verify-visit';

const JANE = '12345678';
const MOHAMED = '29876543';

let pk: PaymentKiosk;
let terminal: CardTerminalSimulator;

async function call<T>(name: string, payload: unknown): Promise<T> {
  const result = await pk.kiosk.core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}
const refusal = async (name: string, payload: unknown) => {
  const result = await pk.kiosk.core.invoke(name, payload);
  return result.ok ? 'accepted' : result.error.code;
};
const fineId = (reference: string) => (pk.kiosk.core.context.db.prepare('SELECT id FROM fines WHERE reference = ?').get(reference) as { id: number }).id;

beforeEach(async () => {
  terminal = new CardTerminalSimulator({ script: ['decline'] });
  pk = await paymentKiosk({}, { payments: { cardTerminal: terminal } });
  await call('visit.start', { locale: 'en' });
});
afterEach(() => pk.close());

describe('bills', () => {
  it('a fine found by lookup and the same fine typed by reference are one bill; fees come from the catalogue table', async () => {
    await verifyVisitAs(pk.kiosk.core, JANE);
    const byId = await call<BillView>('payments.billForFine', { fineId: fineId('NTSA-F-10000001') });
    const typed = await call<BillView>('payments.billByReference', { reference: ' ntsa f 10000001 ' });
    expect(typed).toEqual(byId);
    expect(byId).toMatchObject({ reference: 'NTSA-F-10000001', kind: 'fine', total: 1000, status: 'unpaid' });
    pk.kiosk.core.context.db.prepare("UPDATE fees SET amount = 700 WHERE code = 'DL_RENEW_3Y'").run();
    const renewal = await call<BillView>('payments.billForRenewal', { years: 3 });
    expect(renewal.lines.map((line) => line.amount)).toEqual([700, 50]);
    expect(renewal.total).toBe(750);
    expect(renewal.reference).toMatch(/^KB-[A-Z2-9]{8}$/);
    expect(await call<BillView>('payments.billByReference', { reference: renewal.reference.toLowerCase() })).toMatchObject({ id: renewal.id });
    const search = await call<BillView>('payments.billForVehicleSearch', { plate: 'kda123a' });
    expect(search).toMatchObject({ kind: 'vehicle_search', total: 550 });
    expect(search.lines[0]!.description.en).toContain('KDA 123A');
  });

  it('refuses paid and cancelled fines, unknown references and bad plates, writing nothing', async () => {
    await verifyVisitAs(pk.kiosk.core, MOHAMED);
    const before = tableCounts(pk.kiosk.core);
    expect(await refusal('payments.billForFine', { fineId: fineId('NTSA-F-10000005') })).toBe('payment.fineNotPayable');
    expect(await refusal('payments.billForFine', { fineId: fineId('NTSA-F-10000007') })).toBe('payment.fineNotPayable');
    expect(await refusal('payments.billByReference', { reference: 'KB-NOTABILL' })).toBe('payment.billNotFound');
    expect(await refusal('payments.billForVehicleSearch', { plate: 'KIO 123A' })).toBe('payment.badPlate');
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
  });

  it('a sweep of fine numbers from an unverified visit is refused, the same for every number, writing nothing', async () => {
    const { max } = pk.kiosk.core.context.db.prepare('SELECT max(id) AS max FROM fines').get() as { max: number };
    const before = tableCounts(pk.kiosk.core);
    for (let id = 1; id <= max + 3; id++) {
      const refused = await pk.kiosk.core.invoke('payments.billForFine', { fineId: id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'payment.fineNeedsProof', message: { en: expect.stringContaining('reference printed on the ticket'), sw: expect.stringContaining('tiketi') } } });
    }
    // No bill, no audit row, no outbox event: a probe leaves nothing behind.
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
  });

  it('a verified visit opens its own fines by number, and nobody else’s; the ticket’s reference works for anyone', async () => {
    await verifyVisitAs(pk.kiosk.core, JANE);
    const before = tableCounts(pk.kiosk.core);
    // Mohamed's unpaid fine, and a number no fine has: the same refusal, nothing written.
    expect(await refusal('payments.billForFine', { fineId: fineId('NTSA-F-10000006') })).toBe('payment.fineNeedsProof');
    expect(await refusal('payments.billForFine', { fineId: 99_999_999 })).toBe('payment.fineNeedsProof');
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
    expect(await call<BillView>('payments.billForFine', { fineId: fineId('NTSA-F-10000002') })).toMatchObject({ reference: 'NTSA-F-10000002', kind: 'fine' });
    // A new visit, unverified, with Mohamed's ticket in hand: the printed reference opens the fine.
    await call('visit.start', { locale: 'en' });
    expect(await refusal('payments.billForFine', { fineId: fineId('NTSA-F-10000006') })).toBe('payment.fineNeedsProof');
    expect(await call<BillView>('payments.billByReference', { reference: 'NTSA-F-10000006' })).toMatchObject({ reference: 'NTSA-F-10000006', kind: 'fine', status: 'unpaid' });
  });
});

describe('card', () => {
  it('declined, then approved with the approval code; the bill is paid and cannot be paid again', async () => {
    const bill = await call<BillView>('payments.billForRenewal', { years: 1 });
    const declined = await call<PaymentView>('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() });
    expect(declined).toMatchObject({ state: 'failed', outcome: { code: 'card.declined', message: { sw: 'Kadi imekataliwa.' } } });
    const key = randomUUID();
    const paid = await call<PaymentView>('payments.payByCard', { billId: bill.id, idempotencyKey: key });
    expect(paid).toMatchObject({ state: 'paid', amount: 650 });
    // The same attempt asked again: the same answer, no second charge.
    expect(await call<PaymentView>('payments.payByCard', { billId: bill.id, idempotencyKey: key })).toEqual(paid);
    expect(terminal.charges()).toHaveLength(1);
    const row = pk.kiosk.core.context.db.prepare('SELECT provider_reference, card_masked_pan FROM payments WHERE id = ?').get(paid.id);
    expect(row).toEqual({ provider_reference: terminal.charges()[0]!.approvalCode, card_masked_pan: '476173******0119' });
    expect(await refusal('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() })).toBe('payment.alreadyPaid');
    expect(await refusal('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: '0708374149' })).toBe('payment.alreadyPaid');
  });
});

describe('cash, only with a clerk signed in', () => {
  it('is refused to the public and to a clerk without an open shift; with a shift it records the clerk, the shift and the change', async () => {
    await verifyVisitAs(pk.kiosk.core, JANE);
    const bill = await call<BillView>('payments.billForFine', { fineId: fineId('NTSA-F-10000002') });
    expect(await refusal('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: 2000 })).toBe('call.forbidden');
    await seedStaff(pk.kiosk.core);
    await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await refusal('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: 2000 })).toBe('payment.cashNoShift');
    const shift = await call<{ shiftId: string }>('shift.open', { openingFloat: 1000 });
    const before = tableCounts(pk.kiosk.core);
    expect(await refusal('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: 1999 })).toBe('payment.cashShort');
    expect(tableCounts(pk.kiosk.core)).toEqual(before);
    const paid = await call<PaymentView>('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: 5000 });
    expect(paid).toMatchObject({ state: 'paid', method: 'cash', amount: 2000, tendered: 5000, change: 3000 });
    const row = pk.kiosk.core.context.db.prepare('SELECT staff_id, shift_id, provider_reference FROM payments WHERE id = ?').get(paid.id);
    expect(row).toEqual({ staff_id: CLERK.staffId, shift_id: shift.shiftId, provider_reference: CLERK.staffId });
    const audit = pk.kiosk.core.context.db.prepare("SELECT actor FROM audit_log WHERE action = 'payment.paid'").all();
    expect(audit).toEqual([{ actor: `staff:${CLERK.staffId}` }]);
    const receipt = await call<ReceiptView>('payments.receipt', { paymentId: paid.id });
    expect(receipt).toMatchObject({ method: 'cash', providerReference: CLERK.staffId, change: 3000, total: 2000 });
  });
});

describe('receipts', () => {
  it('on screen, printed as ESC/POS through the printer simulator, and as PDF; the QR verifies offline with the kiosk key', async () => {
    terminal = new CardTerminalSimulator();
    const bill = await call<BillView>('payments.billForRenewal', { years: 3 });
    await call('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() }).catch(() => undefined);
    const paid = await call<PaymentView>('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() });
    const receipt = await call<ReceiptView>('payments.receipt', { paymentId: paid.id });
    expect(receipt).toMatchObject({ billReference: bill.reference, total: 1450, method: 'card', receiptNumber: paid.receiptNumber });
    expect(receipt.qrSvg).toMatch(/^<svg/);
    const { publicKeyPem } = kioskSigningKey(pk.kiosk.core.context.local);
    expect(verifyReceiptQr(receipt.qrText, publicKeyPem)).toMatchObject({ valid: true, receipt: { billReference: bill.reference, total: 1450 } });
    expect(verifyReceiptQr(receipt.qrText.replace('|1450|', '|1|'), publicKeyPem)).toMatchObject({ valid: false, reason: 'bad-signature' });

    await call('payments.printReceipt', { paymentId: paid.id });
    const printed = path.join(pk.kiosk.dir, 'printed-receipts');
    expect(readdirSync(printed)).toEqual([`${paid.receiptNumber}.escpos`]);
    expect(readFileSync(path.join(printed, `${paid.receiptNumber}.escpos`)).toString('latin1')).toContain(bill.reference);

    // Laid out in the heavy-jobs process, as the day report's files are: never on the thread that answers.
    const jobs: HeavyJobRun[] = [];
    const stopWatching = onHeavyJobRun((run) => jobs.push(run));
    const { pdfBase64 } = await call<{ pdfBase64: string }>('payments.receiptPdf', { paymentId: paid.id }).finally(stopWatching);
    expect(jobs.map(({ job }) => job)).toEqual(['receiptPdf']);
    expect(jobs[0]!.pid).not.toBe(process.pid);
    const pdf = Buffer.from(pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The page as an image, to look at.
    const screenshots = path.resolve(import.meta.dirname, '../e2e/screenshots');
    mkdirSync(screenshots, { recursive: true });
    const pdfFile = path.join(pk.kiosk.dir, 'receipt.pdf');
    writeFileSync(pdfFile, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfFile, path.join(screenshots, 'pay-receipt-pdf')]);
    expect(existsSync(path.join(screenshots, 'pay-receipt-pdf.png'))).toBe(true);

    expect(await refusal('payments.receipt', { paymentId: (await call<PaymentView>('payments.status', { paymentId: paid.id })).id.replace(/.$/, 'x') })).toBe('payment.notFound');
  });
});
