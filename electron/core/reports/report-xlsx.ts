import ExcelJS from 'exceljs';
import type { DayReport } from '@shared/contract/reports';
import { kenyaDateTimeSortable } from '@shared/kenya/time';
import { METHOD_NAMES, PAYMENT_COLUMNS, SERVICE_NAMES, paymentCells } from '@shared/reports/payment-rows';
import { sealLines, type ReportSeal } from './report-format';

const MONEY = '#,##0';

function heading(sheet: ExcelJS.Worksheet, text: string): void {
  sheet.addRow([]);
  sheet.addRow([text]).font = { bold: true, size: 13 };
}

/** A workbook: the summary first, then one row per payment, the shifts, and the exceptions. */
export async function reportXlsx(report: DayReport, seal: ReportSeal): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = `Huduma kiosk ${report.kioskId}`;
  book.created = new Date(report.generatedAt);

  const summary = book.addWorksheet('Summary');
  summary.columns = [{ width: 34 }, { width: 18 }, { width: 18 }];
  summary.addRow([`Daily report ${report.businessDate}`]).font = { bold: true, size: 16 };
  summary.addRow(['Kiosk', report.kioskId]);
  summary.addRow(['Generated (EAT)', kenyaDateTimeSortable(report.generatedAt)]);
  heading(summary, 'Received');
  summary.addRow(['', 'Payments', 'Amount (KES)']).font = { bold: true };
  summary.addRow(['Total paid', report.paid.count, report.paid.amount]);
  for (const s of report.byService) summary.addRow([SERVICE_NAMES[s.service] ?? s.service, s.count, s.amount]);
  for (const m of report.byMethod) summary.addRow([METHOD_NAMES[m.method] ?? m.method, m.count, m.amount]);
  summary.addRow(['Pending (blocks day close)', report.pending.count, report.pending.amount]);
  heading(summary, 'Activity');
  summary.addRow(['Lookups', report.lookups]);
  for (const r of report.recoveries) summary.addRow([`Recoveries ${r.outcome}`, r.count]);
  summary.addRow(['Overrides by clerks', report.overrides.length]);
  summary.addRow(['Sync events waiting', report.sync.eventsWaiting]);
  summary.addRow(['Reconciliation exceptions', report.exceptions.length]);
  heading(summary, 'Integrity');
  for (const [key, value] of sealLines(report, seal)) summary.addRow([key, value]);
  summary.getColumn(3).numFmt = MONEY;

  const payments = book.addWorksheet('Payments');
  payments.addRow([...PAYMENT_COLUMNS]).font = { bold: true };
  for (const p of report.payments) payments.addRow(paymentCells(p));
  payments.getColumn(PAYMENT_COLUMNS.indexOf('amount_kes') + 1).numFmt = MONEY;
  payments.columns.forEach((column) => (column.width = 20));
  payments.views = [{ state: 'frozen', ySplit: 1 }];

  const shifts = book.addWorksheet('Shifts');
  shifts.addRow(['shift_id', 'staff_id', 'staff_name', 'opened_eat', 'closed_eat', 'float', 'cash_taken', 'refunds', 'drops', 'expected', 'counted', 'variance', 'status', 'signed_off_by']).font = {
    bold: true,
  };
  for (const s of report.shifts) {
    shifts.addRow([s.shiftId, s.staffId, s.staffName, kenyaDateTimeSortable(s.openedAt), s.closedAt ? kenyaDateTimeSortable(s.closedAt) : '', s.openingFloat, s.cashTaken, s.refunds, s.drops, s.expected, s.counted, s.variance, s.status, s.signedOffBy ?? '']);
  }

  const exceptions = book.addWorksheet('Exceptions');
  exceptions.addRow(['kind', 'payment_id', 'receipt', 'amount_kes']).font = { bold: true };
  for (const e of report.exceptions) exceptions.addRow([e.kind, e.paymentId, e.receipt ?? '', e.amount]);

  return Buffer.from(await book.xlsx.writeBuffer());
}
