import { createHash } from 'node:crypto';
import type { DayReport, ReportPayment } from '@shared/contract/reports';
import { PAYMENT_COLUMNS, paymentCells, sealLines, type ReportSeal } from './report-format';

const BOM = '\uFEFF';
const EOL = '\r\n';
/** Where the data ends and the seal begins. */
const SEAL_MARK = `${EOL}${EOL}#`;

/** Quotes what needs quoting, and defuses cells a spreadsheet would run as a formula. */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cells as CSV lines: how the report's content is written, and what its hash covers. */
export function csvLines(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join(EOL);
}

/** Header and one row per payment. */
export function csvDataBlock(payments: readonly ReportPayment[]): string {
  return csvLines([PAYMENT_COLUMNS, ...payments.map(paymentCells)]);
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The hash every format carries: of the payment rows in their CSV form. */
export function contentHash(payments: readonly ReportPayment[]): string {
  return sha256Hex(csvDataBlock(payments));
}

/** UTF-8 with a byte-order mark, so Excel reads it as UTF-8; the seal follows the rows. */
export function reportCsv(report: DayReport, seal: ReportSeal): Buffer {
  const sealText = sealLines(report, seal).map(([key, value]) => `#${key},${cell(value)}`).join(EOL);
  return Buffer.from(`${BOM}${csvDataBlock(report.payments)}${EOL}${EOL}${sealText}${EOL}`, 'utf8');
}

/** Recomputes a CSV report's content hash and compares it with the one it carries. */
export function verifyCsvReport(file: Buffer): { valid: boolean; stated: string | null; actual: string } {
  const text = file.toString('utf8').replace(/^\uFEFF/, '');
  const split = text.indexOf(SEAL_MARK);
  const data = split < 0 ? text : text.slice(0, split);
  const stated = /^#content_sha256,([0-9a-f]{64})$/m.exec(text)?.[1] ?? null;
  const actual = sha256Hex(data);
  return { valid: stated === actual, stated, actual };
}
