import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { DayView, ExportFormat } from '@shared/console/console-api';
import { shillings } from '@shared/kenya/money';
import { kenyaDateTimeSortable } from '@shared/kenya/time';
import { csvLines, sealedCsv, sha256Hex } from '@shared/node/reports/sealed-csv';
import { METHOD_NAMES, PAYMENT_COLUMNS, SERVICE_NAMES, paymentCells } from '@shared/reports/payment-rows';
import type { ConsolePayment } from '../store/console-store';

/**
 * The centre's day as files, sealed as the kiosk's reports are: the payment rows (the kiosk's
 * columns, after the kiosk that took each) and the SHA-256 of their CSV text, so the kiosk's
 * `npm run report -- verify FILE` checks a CSV or XLSX export from here as it checks its own.
 */
export const EXPORT_COLUMNS = ['kiosk_id', ...PAYMENT_COLUMNS] as const;

export interface DayExport {
  day: DayView;
  payments: readonly ConsolePayment[];
  generatedAt: string;
  generatedBy: string;
}

const rowsOf = (payments: readonly ConsolePayment[]) => [EXPORT_COLUMNS, ...payments.map((p) => [p.kioskId, ...paymentCells(p)])];

export function exportContentHash(payments: readonly ConsolePayment[]): string {
  return sha256Hex(csvLines(rowsOf(payments)));
}

function sealOf(made: DayExport): [string, string][] {
  return [
    ['centre', made.day.centre ?? 'all'],
    ['kiosks', made.day.kioskIds === null ? 'all' : made.day.kioskIds.join(' ')],
    ['business_date', made.day.businessDate],
    ['generated_at', made.generatedAt],
    ['generated_by', made.generatedBy],
    ['content_sha256', exportContentHash(made.payments)],
  ];
}

function csv(made: DayExport): Buffer {
  return sealedCsv(rowsOf(made.payments), sealOf(made));
}

/** The sheets the kiosk's verify reads: Summary (with content_sha256) and Payments. */
async function xlsx(made: DayExport): Promise<Buffer> {
  const { day } = made;
  const book = new ExcelJS.Workbook();
  book.creator = 'Huduma hub console';
  book.created = new Date(made.generatedAt);
  const summary = book.addWorksheet('Summary');
  summary.columns = [{ width: 34 }, { width: 18 }, { width: 18 }];
  summary.addRow([`Centre day ${day.businessDate}`]).font = { bold: true, size: 16 };
  summary.addRow(['', 'Payments', 'Amount (KES)']).font = { bold: true };
  summary.addRow(['Total paid', day.paid.count, day.paid.amount]);
  for (const m of day.byMethod) summary.addRow([METHOD_NAMES[m.method] ?? m.method, m.count, m.amount]);
  for (const s of day.byService) summary.addRow([SERVICE_NAMES[s.service] ?? s.service, s.count, s.amount]);
  summary.addRow(['Recoveries approved', day.recoveries.approved]);
  summary.addRow(['Recoveries rejected', day.recoveries.rejected]);
  summary.addRow(['Overrides', day.overrides.length]);
  summary.addRow([]);
  for (const [key, value] of sealOf(made)) summary.addRow([key, value]);

  const payments = book.addWorksheet('Payments');
  for (const row of rowsOf(made.payments)) payments.addRow([...row]);
  payments.getRow(1).font = { bold: true };
  payments.columns.forEach((column) => (column.width = 20));
  payments.views = [{ state: 'frozen', ySplit: 1 }];

  const shifts = book.addWorksheet('Shifts');
  shifts.addRow(['kiosk_id', 'shift_id', 'staff_id', 'closed_eat', 'expected', 'counted', 'variance', 'status', 'signed_off_by']).font = { bold: true };
  for (const s of day.shifts) shifts.addRow([s.kioskId, s.shiftId, s.staffId, s.closedAt ? kenyaDateTimeSortable(s.closedAt) : '', s.expected, s.counted ?? '', s.variance ?? '', s.status, s.signedOffBy ?? '']);

  const overrides = book.addWorksheet('Overrides');
  overrides.addRow(['kiosk_id', 'time_eat', 'staff_id', 'kind', 'reason', 'outcome']).font = { bold: true };
  for (const o of day.overrides) overrides.addRow([o.kioskId, o.at ? kenyaDateTimeSortable(o.at) : '', o.staffId, o.kind, o.reason, o.outcome]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const MARGIN = 40;
const NAVY = '#0b1f33';

/** A summary page, then the payments; every page footed with the content hash. */
function pdf(made: DayExport): Promise<Buffer> {
  const { day } = made;
  const hash = exportContentHash(made.payments);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `Centre day ${day.businessDate}`, Author: 'Huduma hub console' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const line = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).fillColor('#111111').text(label, MARGIN, y, { width: 300, lineBreak: false });
    doc.text(value, MARGIN + 300, y, { width: 215, align: 'right', lineBreak: false });
    doc.x = MARGIN;
    doc.y = y + 15;
  };
  const section = (title: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor(NAVY).text(title, MARGIN);

  doc.font('Helvetica-Bold').fontSize(18).fillColor(NAVY).text(`Centre day ${day.businessDate}`, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(10).fillColor('#333333').text(`Centre: ${day.centre ?? 'all'} · kiosks: ${day.kioskIds === null ? 'all' : day.kioskIds.join(', ')} · generated ${kenyaDateTimeSortable(made.generatedAt)} EAT by ${made.generatedBy}`);
  section('Received');
  line(`Total paid (${day.paid.count})`, shillings(day.paid.amount));
  for (const m of day.byMethod) line(`  ${METHOD_NAMES[m.method] ?? m.method} (${m.count})`, shillings(m.amount));
  for (const s of day.byService) line(`  ${SERVICE_NAMES[s.service] ?? s.service} (${s.count})`, shillings(s.amount));
  section('Shifts with a cash variance');
  const varied = day.shifts.filter((s) => s.variance !== null && s.variance !== 0);
  for (const s of varied) line(`  ${s.kioskId} · ${s.staffId} · ${s.status.replaceAll('_', ' ')}`, `${(s.variance ?? 0) > 0 ? '+' : ''}${shillings(s.variance ?? 0)}`);
  if (varied.length === 0) line('  None', '');
  section('Activity');
  line('Overrides', String(day.overrides.length));
  line('Recoveries approved', String(day.recoveries.approved));
  line('Recoveries rejected', String(day.recoveries.rejected));
  section('Integrity');
  doc.font('Courier').fontSize(8).fillColor('#111111').text(`content sha256  ${hash}`, MARGIN);

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(12).fillColor(NAVY).text(`Payments ${day.businessDate}`, MARGIN, MARGIN);
  for (const p of made.payments) {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    line(`${kenyaDateTimeSortable(p.at).slice(11)}  ${p.kioskId}  ${SERVICE_NAMES[p.service] ?? p.service}  ${METHOD_NAMES[p.method] ?? p.method}  ${p.providerReference ?? ''}`, shillings(p.amount));
  }
  if (made.payments.length === 0) line('No payments', '');
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#333333').text(`Page ${i + 1} of ${count} · content sha256 ${hash}`, MARGIN, doc.page.height - 28, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

export async function dayExport(format: ExportFormat, made: DayExport): Promise<Buffer> {
  if (format === 'csv') return csv(made);
  if (format === 'xlsx') return xlsx(made);
  return pdf(made);
}
