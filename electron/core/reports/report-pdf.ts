import PDFDocument from 'pdfkit';
import type { DayReport } from '@shared/contract/reports';
import { shillings } from '@shared/kenya/money';
import { kenyaDateTimeSortable } from '@shared/kenya/time';
import { METHOD_NAMES, SERVICE_NAMES } from '@shared/reports/payment-rows';
import type { ReportSeal } from './report-format';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 40;
const NAVY = '#0b1f33';
const RED = '#a00000';
/** Shifts and exceptions listed on the summary page before "see the detail pages". */
const SUMMARY_LIST_MAX = 8;

/** A table row: each cell at its column's x; numbers right-aligned to the column's end. */
function tableRow(doc: Doc, columns: readonly { x: number; width: number; right?: boolean }[], cells: readonly string[], bold = false, color = '#111111'): void {
  const y = doc.y;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor(color);
  cells.forEach((text, i) => {
    const column = columns[i];
    if (column) doc.text(text, column.x, y, { width: column.width, align: column.right ? 'right' : 'left', lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = y + 14;
}

function section(doc: Doc, title: string): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor(NAVY).text(title, MARGIN);
  doc.moveDown(0.2);
}

function line(doc: Doc, label: string, value: string, color = '#111111'): void {
  tableRow(doc, [{ x: MARGIN, width: 300 }, { x: MARGIN + 300, width: 215, right: true }], [label, value], false, color);
}

function summaryPage(doc: Doc, report: DayReport, seal: ReportSeal): void {
  doc.font('Helvetica-Bold').fontSize(18).fillColor(NAVY).text(`Daily report ${report.businessDate}`, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(10).fillColor('#333333').text(`Kiosk ${report.kioskId} · generated ${kenyaDateTimeSortable(report.generatedAt)} EAT${report.closed ? ` · day closed by ${report.closed.closedBy}` : ''}`);

  section(doc, 'Received');
  line(doc, `Total paid (${report.paid.count} payment${report.paid.count === 1 ? '' : 's'})`, shillings(report.paid.amount));
  doc.font('Helvetica-Bold').fontSize(9).fillColor(NAVY).text('By service', MARGIN);
  for (const s of report.byService) line(doc, `  ${SERVICE_NAMES[s.service] ?? s.service} (${s.count})`, shillings(s.amount));
  doc.font('Helvetica-Bold').fontSize(9).fillColor(NAVY).text('By method', MARGIN);
  for (const m of report.byMethod) line(doc, `  ${METHOD_NAMES[m.method] ?? m.method} (${m.count})`, shillings(m.amount));
  line(doc, `Pending payments (${report.pending.count})`, shillings(report.pending.amount), report.pending.count ? RED : '#111111');

  section(doc, 'Shifts');
  const shiftColumns = [
    { x: MARGIN, width: 130 },
    { x: MARGIN + 130, width: 75, right: true },
    { x: MARGIN + 205, width: 80, right: true },
    { x: MARGIN + 285, width: 80, right: true },
    { x: MARGIN + 365, width: 70, right: true },
    { x: MARGIN + 440, width: 80 },
  ];
  tableRow(doc, shiftColumns, ['Clerk', 'Float', 'Expected', 'Counted', 'Over/short', 'Status'], true);
  for (const s of report.shifts.slice(0, SUMMARY_LIST_MAX)) {
    const variance = s.variance === null ? '' : `${s.variance > 0 ? '+' : ''}${s.variance.toLocaleString('en-KE')}`;
    tableRow(
      doc,
      shiftColumns,
      [s.staffName, s.openingFloat.toLocaleString('en-KE'), s.expected.toLocaleString('en-KE'), s.counted?.toLocaleString('en-KE') ?? '', variance, s.status.replaceAll('_', ' ')],
      false,
      s.variance !== null && s.variance < 0 ? RED : '#111111',
    );
  }
  if (report.shifts.length > SUMMARY_LIST_MAX) doc.text(`… and ${report.shifts.length - SUMMARY_LIST_MAX} more`, MARGIN);
  if (report.shifts.length === 0) doc.font('Helvetica').fontSize(9).text('No shifts', MARGIN);

  section(doc, 'Activity');
  line(doc, 'Lookups', String(report.lookups));
  for (const r of report.recoveries) line(doc, `Recoveries ${r.outcome}`, String(r.count));
  line(doc, 'Overrides by clerks', String(report.overrides.length));
  line(doc, 'Sync: events waiting for the back office', String(report.sync.eventsWaiting));
  line(doc, 'Sync: oldest waiting', report.sync.oldestWaitingAgeSeconds === null ? '-' : `${report.sync.oldestWaitingAgeSeconds} s`);

  section(doc, `Reconciliation exceptions (${report.exceptions.length})`);
  for (const e of report.exceptions.slice(0, SUMMARY_LIST_MAX)) line(doc, `${e.kind}: ${e.paymentId.slice(0, 8)} ${e.receipt ?? ''}`, shillings(e.amount), RED);

  section(doc, 'Integrity');
  doc.font('Courier').fontSize(8).fillColor('#111111');
  doc.text(`content sha256  ${seal.contentHash}`, MARGIN);
  doc.text(`audit head      ${seal.auditHead}`, MARGIN);
  doc.text(`audit chain     ${report.audit.intact ? `intact, ${report.audit.rows} rows` : `BROKEN at row ${report.audit.firstBrokenId}`}`, MARGIN);
}

function detailPages(doc: Doc, report: DayReport): void {
  const columns = [
    { x: MARGIN, width: 60 },
    { x: MARGIN + 60, width: 95 },
    { x: MARGIN + 155, width: 90 },
    { x: MARGIN + 245, width: 45 },
    { x: MARGIN + 290, width: 60 },
    { x: MARGIN + 350, width: 60, right: true },
    { x: MARGIN + 420, width: 95 },
  ];
  const header = ['Time', 'Service', 'Bill', 'Method', 'State', 'KES', 'Reference'];
  const newPage = () => {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).fillColor(NAVY).text(`Payments ${report.businessDate}`, MARGIN, MARGIN);
    doc.moveDown(0.4);
    tableRow(doc, columns, header, true);
  };
  newPage();
  for (const p of report.payments) {
    if (doc.y > doc.page.height - MARGIN - 40) newPage();
    tableRow(doc, columns, [kenyaDateTimeSortable(p.at).slice(11), SERVICE_NAMES[p.service] ?? p.service, p.billReference, METHOD_NAMES[p.method] ?? p.method, p.state, p.amount.toLocaleString('en-KE'), p.providerReference ?? '']);
  }
  if (report.payments.length === 0) doc.font('Helvetica').fontSize(9).text('No payments', MARGIN);
}

/** A one-page summary, then the payments on detail pages; every page footed with the content hash. */
export function reportPdf(report: DayReport, seal: ReportSeal): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `Daily report ${report.businessDate}`, Author: report.kioskId } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  summaryPage(doc, report, seal);
  detailPages(doc, report);
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#333333').text(`Page ${i + 1} of ${count} · content sha256 ${seal.contentHash}`, MARGIN, doc.page.height - 28, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
