import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillView } from '../../shared/contract/payments';
import type { DayReport } from '../../shared/contract/reports';
import { seedDemoData } from '../../electron/demo/generate';
import { openDatabase } from '../../electron/core/db/open';
import { PaymentStore } from '../../electron/core/payments/payment-store';
import { verifyCsvReport } from '../../shared/node/reports/sealed-csv';
import { checkReportFile } from '../../electron/core/reports/report-verify';
import { tableCounts, tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';

let kiosk: TempKiosk;
let report: DayReport;
let mpesaPaymentId: string;

async function invoke<T = Record<string, unknown>>(name: string, payload: unknown = {}): Promise<T> {
  const result = await kiosk.core.invoke(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}
const refusal = async (name: string, payload: unknown) => {
  const result = await kiosk.core.invoke(name, payload);
  return result.ok ? 'accepted' : result.error.code;
};
const bill = (name: string, payload: unknown) => invoke<{ id: string; total: number }>(name, payload);

/**
 * A day at the kiosk through the real calls: a clerk's shift with two cash payments and a
 * shortfall, a card payment, and an M-Pesa payment confirmed before its receipt arrives.
 */
beforeAll(async () => {
  kiosk = tempKiosk({
    settings: { card: { simulator: true, simulatorDelayMs: 0 } },
    prepare: (file) => {
      const db = openDatabase(file);
      seedDemoData(db, { citizens: 50, seed: 7 });
      db.close();
    },
  });
  await seedStaff(kiosk.core);
  await invoke('visit.start', { locale: 'en' });
  // Two lookups by citizens, whatever they found.
  await invoke('lookup.search', { kind: 'idNumber', value: '12345678' });
  await invoke('lookup.search', { kind: 'idNumber', value: '1000001' });
  await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
  await invoke('shift.open', { openingFloat: 2_000 });
  const search = await bill('payments.billForVehicleSearch', { plate: 'KDA 123A' });
  await invoke('payments.payByCash', { billId: search.id, idempotencyKey: randomUUID(), tendered: 1_000 });
  const renewal3 = await bill('payments.billForRenewal', { years: 3 });
  await invoke('payments.payByCash', { billId: renewal3.id, idempotencyKey: randomUUID(), tendered: 1_500 });
  const renewal1 = await bill('payments.billForRenewal', { years: 1 });
  await invoke('payments.payByCard', { billId: renewal1.id, idempotencyKey: randomUUID() });
  await kiosk.core.paymentsIdle();

  // M-Pesa said "paid" (ResultCode 0) but the receipt number has not come: pending, and an exception.
  const store = new PaymentStore(kiosk.core.context);
  const second = await bill('payments.billForVehicleSearch', { plate: 'KDA 123A' });
  mpesaPaymentId = store.create({ billId: second.id, idempotencyKey: randomUUID(), method: 'mpesa', amount: second.total, visitId: null }).payment.id;
  store.apply(mpesaPaymentId, { type: 'prompted', checkoutRequestId: 'ws_CO_22112026_1' });
  store.apply(mpesaPaymentId, { type: 'confirmed' });

  const shift = await invoke<{ expected: number }>('shift.current').then((r) => (r as unknown as { shift: { expected: number } }).shift);
  await invoke('shift.close', { counted: shift.expected - 100 });
  await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
  report = await invoke<DayReport>('report.day');
});
afterAll(() => kiosk.dispose());

describe('the supervisor’s day', () => {
  it('totals paid money by service and by method, from the payments table', () => {
    expect(report.businessDate).toBe('2026-11-22');
    expect(report.paid).toEqual({ count: 3, amount: 550 + 1_450 + 650 });
    expect(report.byMethod).toEqual([
      { method: 'card', count: 1, amount: 650 },
      { method: 'cash', count: 2, amount: 2_000 },
    ]);
    expect(report.byService).toEqual([
      { service: 'licence_renewal', count: 2, amount: 2_100 },
      { service: 'vehicle_search', count: 1, amount: 550 },
    ]);
    expect(report.payments).toHaveLength(4);
  });

  it('shows the shift with its shortfall, the pending payment and the reconciliation exception', () => {
    expect(report.shifts).toEqual([
      expect.objectContaining({ staffName: 'Peter Otieno', openingFloat: 2_000, cashTaken: 2_000, expected: 4_000, counted: 3_900, variance: -100, status: 'closed' }),
    ]);
    expect(report.pending).toEqual({ count: 1, amount: 550 });
    expect(report.exceptions).toEqual([{ kind: 'paid-without-receipt', paymentId: mpesaPaymentId, receipt: null, amount: 550 }]);
    expect(report.blockers).toEqual(['payments-pending']);
    expect(report.sync).toMatchObject({ enabled: false, eventsWaiting: expect.any(Number) });
    expect(report.sync.eventsWaiting).toBeGreaterThan(0);
    expect(report.audit).toMatchObject({ intact: true, firstBrokenId: null });
    expect(report.lookups).toBe(2);
    expect(report.recoveries).toEqual([]);
  });

  it('exports CSV with a BOM and one row per payment, carrying a content hash that exposes any edit', async () => {
    const csv = await invoke<{ contentBase64: string; contentHash: string; fileSha256: string; fileName: string; mimeType: string }>('report.export', { format: 'csv' });
    const file = Buffer.from(csv.contentBase64, 'base64');
    expect(csv.fileName).toMatch(/^huduma-kiosk-[\w]+-2026-11-22\.csv$/);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.toString('utf8').slice(1).split('\r\n');
    const rows = lines.slice(1, lines.indexOf(''));
    expect(rows).toHaveLength(4);
    const amount = (line: string) => Number(line.split(',')[6]);
    expect(rows.filter((r) => r.split(',')[5] === 'paid').reduce((sum, r) => sum + amount(r), 0)).toBe(report.paid.amount);
    expect(createHash('sha256').update(file).digest('hex')).toBe(csv.fileSha256);
    expect(verifyCsvReport(file)).toEqual({ valid: true, stated: csv.contentHash, actual: csv.contentHash });

    const edited = Buffer.from(file.toString('utf8').replace(',paid,1450,', ',paid,1400,'), 'utf8');
    expect(edited.equals(file)).toBe(false);
    expect(verifyCsvReport(edited).valid).toBe(false);

    const audit = kiosk.core.context.db.prepare<[], { details: string }>("SELECT details FROM audit_log WHERE action = 'report.export'").all();
    expect(JSON.parse(audit.at(-1)?.details ?? '{}')).toMatchObject({ format: 'csv', fileSha256: csv.fileSha256, contentHash: csv.contentHash });
  });

  it('exports XLSX whose payment sheet adds up to the day’s totals', async () => {
    const xlsx = await invoke<{ contentBase64: string; contentHash: string; auditHead: string }>('report.export', { format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.from(xlsx.contentBase64, 'base64');
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Payments');
    const paid: number[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1 && row.getCell(6).value === 'paid') paid.push(Number(row.getCell(7).value));
    });
    expect(paid.reduce((a, b) => a + b, 0)).toBe(report.paid.amount);
    const summary: string[] = [];
    book.getWorksheet('Summary')?.eachRow((row) => summary.push(row.values.toString()));
    expect(summary).toContain(`,content_sha256,${xlsx.contentHash}`);
    expect(summary).toContain(`,audit_head,${xlsx.auditHead}`);
    expect(summary).toContain(`,Total paid,3,${report.paid.amount}`);
  });

  it('exports a PDF: a one-page summary with the totals and hashes, then the payments', async () => {
    const pdf = await invoke<{ contentBase64: string; contentHash: string }>('report.export', { format: 'pdf' });
    const file = path.join(kiosk.dir, 'report.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(page1).toContain('Daily report 2026-11-22');
    expect(page1).toMatch(/Total paid \(3 payments\)\s+KES 2,650/);
    expect(page1).toMatch(/Cash \(2\)\s+KES 2,000/);
    expect(page1).toMatch(/Peter Otieno\s+2,000\s+4,000\s+3,900\s+-100\s+closed/);
    expect(page1).toContain('paid-without-receipt');
    expect(page1).toContain(pdf.contentHash);
    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    expect(page2.match(/Vehicle search|Driving licence renewal/g)).toHaveLength(4);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
  });

  it('tells an exported file as made from a changed one: rows against their hash, bytes against the audit log', async () => {
    const exported = async (format: 'csv' | 'xlsx' | 'pdf') => Buffer.from((await invoke<{ contentBase64: string }>('report.export', { format })).contentBase64, 'base64');
    const { db } = kiosk.core.context;

    const xlsx = await exported('xlsx');
    expect(await checkReportFile('day.xlsx', xlsx)).toMatchObject({ unchanged: true, issued: null });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Payments');
    if (!sheet) throw new Error('no Payments sheet');
    sheet.getRow(2).getCell(7).value = 1;
    const editedXlsx = Buffer.from(await book.xlsx.writeBuffer());
    const editedCheck = await checkReportFile('day.xlsx', editedXlsx, db);
    expect(editedCheck).toMatchObject({ unchanged: false, issued: null });
    expect(editedCheck.recomputed).not.toBe(editedCheck.stated);

    const pdf = await exported('pdf');
    expect(await checkReportFile('day.pdf', pdf, db)).toMatchObject({ unchanged: true, issued: { format: 'pdf', businessDate: '2026-11-22' } });
    const editedPdf = Buffer.concat([pdf, Buffer.from('\n% appended\n')]);
    expect(await checkReportFile('day.pdf', editedPdf, db)).toMatchObject({ unchanged: false, issued: null });

    // The command, on a CSV: unchanged, then one amount edited.
    const csvFile = path.join(kiosk.dir, 'day.csv');
    writeFileSync(csvFile, await exported('csv'));
    const root = path.resolve(import.meta.dirname, '../..');
    const verify = (file: string) =>
      spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/core/reports/report-cli.ts', 'verify', file, '--database', kiosk.databaseFile], {
        cwd: root,
        encoding: 'utf8',
      });
    const good = verify(csvFile);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('Exported by this kiosk at');
    writeFileSync(csvFile, readFileSync(csvFile, 'utf8').replace(',paid,1450,', ',paid,1405,'));
    const bad = verify(csvFile);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('Rows do NOT match');
    expect(bad.stdout).toContain('CHANGED');
  });

  it('cannot close the day while a payment is pending or a shift is open; then closes once', async () => {
    const before = tableCounts(kiosk.core);
    expect(await kiosk.core.invoke('day.close', {})).toMatchObject({
      ok: false,
      error: { code: 'day.paymentsPending', message: { en: expect.stringContaining('1 payment is still waiting') } },
    });
    expect(tableCounts(kiosk.core)).toEqual(before);

    new PaymentStore(kiosk.core.context).apply(mpesaPaymentId, { type: 'receipt', providerReference: 'QKB1A2C3D4' });
    await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    await invoke('shift.open', { openingFloat: 500 });
    await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    expect(await refusal('day.close', {})).toBe('day.shiftsOpen');

    await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    await invoke('shift.close', { counted: 500 });
    await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    const day = await invoke<DayReport>('report.day');
    expect(day.exceptions).toEqual([]);
    expect(day.paid.amount).toBe(2_650 + 550);
    const closed = await invoke<{ contentHash: string }>('day.close', {});
    expect(closed).toMatchObject({ businessDate: '2026-11-22', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await refusal('day.close', {})).toBe('day.alreadyClosed');
    expect((await invoke<DayReport>('report.day')).closed).toMatchObject({ closedBy: '1001', contentHash: closed.contentHash });
    const event = kiosk.core.context.db.prepare<[], { payload: string }>("SELECT payload FROM outbox WHERE type = 'day.closed'").get();
    expect(JSON.parse(event?.payload ?? '{}')).toMatchObject({ businessDate: '2026-11-22', paid: { count: 4, amount: 3_200 }, closedBy: '1001' });

    // A closed day takes no more money, by any method, and its totals stay as closed.
    const bill = await invoke<BillView>('payments.billForRenewal', { years: 1 });
    expect(bill).toMatchObject({ dayClosed: true, methods: [] });
    const counts = tableCounts(kiosk.core);
    expect(await refusal('payments.payByCard', { billId: bill.id, idempotencyKey: randomUUID() })).toBe('payment.dayClosed');
    expect(await refusal('payments.payByMpesa', { billId: bill.id, idempotencyKey: randomUUID(), phone: '0708374149' })).toBe('payment.dayClosed');
    expect(tableCounts(kiosk.core)).toEqual(counts);
    expect((await invoke<DayReport>('report.day')).paid).toEqual(day.paid);

    await invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(await refusal('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: bill.total })).toBe('payment.dayClosed');
    expect(await refusal('shift.open', { openingFloat: 500 })).toBe('shift.dayClosed');
    expect(await refusal('report.day', {})).toBe('call.forbidden');
  });

  it('refuses a report for a day still to come', async () => {
    await invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    expect(await refusal('report.day', { date: '2026-11-23' })).toBe('report.futureDate');
    expect(await refusal('report.day', { date: '22/11/2026' })).toBe('request.invalid');
  });
});
