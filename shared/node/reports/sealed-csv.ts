import { createHash } from 'node:crypto';

/**
 * A CSV report with its seal, the kiosk's and the hub's alike: rows, a blank line, then `#key,value`
 * lines, among them `content_sha256`, the SHA-256 of the rows' CSV text. `npm run report -- verify`
 * recomputes it from the rows, whoever wrote the file.
 */
const BOM = '\uFEFF';
const EOL = '\r\n';
/** Where the data ends and the seal begins. */
const SEAL_MARK = `${EOL}${EOL}#`;

export type CsvCell = string | number;

/** Quotes what needs quoting, and defuses cells a spreadsheet would run as a formula. */
function cell(value: CsvCell): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cells as CSV lines: how a report's content is written, and what its hash covers. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join(EOL);
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** UTF-8 with a byte-order mark, so Excel reads it as UTF-8; the seal follows the rows. */
export function sealedCsv(rows: readonly (readonly CsvCell[])[], seal: readonly (readonly [string, string])[]): Buffer {
  const sealText = seal.map(([key, value]) => `#${key},${cell(value)}`).join(EOL);
  return Buffer.from(`${BOM}${csvLines(rows)}${EOL}${EOL}${sealText}${EOL}`, 'utf8');
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
