import type { DayReport, ReportPayment } from '@shared/contract/reports';
import { csvLines, sealedCsv, sha256Hex } from '@shared/node/reports/sealed-csv';
import { PAYMENT_COLUMNS, paymentCells } from '@shared/reports/payment-rows';
import { sealLines, type ReportSeal } from './report-format';

/** Header and one row per payment. */
export function csvDataBlock(payments: readonly ReportPayment[]): string {
  return csvLines([PAYMENT_COLUMNS, ...payments.map(paymentCells)]);
}

/** The hash every format carries: of the payment rows in their CSV form. */
export function contentHash(payments: readonly ReportPayment[]): string {
  return sha256Hex(csvDataBlock(payments));
}

export function reportCsv(report: DayReport, seal: ReportSeal): Buffer {
  return sealedCsv([PAYMENT_COLUMNS, ...report.payments.map(paymentCells)], sealLines(report, seal));
}
