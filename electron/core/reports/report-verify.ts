import ExcelJS from 'exceljs';
import type { Db } from '../db/open';
import { csvLines, sha256Hex, verifyCsvReport } from '@shared/node/reports/sealed-csv';

export interface ReportCheck {
  /** The content hash the file states, if it states one this check can read. */
  stated: string | null;
  /** The hash recomputed from the file's payment rows (CSV, XLSX); null where it cannot be (PDF). */
  recomputed: string | null;
  /** When a kiosk database is given: the export of exactly these bytes recorded in its audit log. */
  issued: { at: string; format: string; businessDate: string } | null;
  /** No sign of change: the rows match their stated hash, or the bytes match a recorded export. */
  unchanged: boolean;
}

const cellText = (value: ExcelJS.CellValue): string | number => (typeof value === 'number' ? value : value === null || value === undefined ? '' : String(value));

/** Recomputes an XLSX report's content hash from its Payments sheet, as the CSV form of those rows. */
async function checkXlsx(file: Buffer): Promise<{ stated: string | null; recomputed: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  const rows: (string | number)[][] = [];
  book.getWorksheet('Payments')?.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1).map(cellText));
  });
  let stated: string | null = null;
  book.getWorksheet('Summary')?.eachRow((row) => {
    if (row.getCell(1).value === 'content_sha256') stated = String(row.getCell(2).value);
  });
  return { stated, recomputed: sha256Hex(csvLines(rows)) };
}

function issuedBy(db: Db, file: Buffer): ReportCheck['issued'] {
  const row = db
    .prepare<[string], { at: string; format: string; businessDate: string }>(
      `SELECT at, json_extract(details, '$.format') AS format, json_extract(details, '$.businessDate') AS businessDate
       FROM audit_log WHERE action = 'report.export' AND json_extract(details, '$.fileSha256') = ? ORDER BY id LIMIT 1`,
    )
    .get(sha256Hex(file));
  return row ?? null;
}

/**
 * Is this exported report as the kiosk made it? CSV and XLSX carry their rows and the hash of
 * them, so a carelessly changed amount shows without the kiosk. A plain hash can be recomputed
 * by whoever changes the rows, so the anchor is the export's SHA-256, kept in the kiosk's audit
 * log and sent to the back office: any format, PDF included, is checked against it.
 */
export async function checkReportFile(fileName: string, file: Buffer, db?: Db): Promise<ReportCheck> {
  const issued = db ? issuedBy(db, file) : null;
  if (fileName.endsWith('.csv')) {
    const csv = verifyCsvReport(file);
    return { stated: csv.stated, recomputed: csv.actual, issued, unchanged: csv.valid || issued !== null };
  }
  if (fileName.endsWith('.xlsx')) {
    const xlsx = await checkXlsx(file);
    return { ...xlsx, issued, unchanged: xlsx.stated === xlsx.recomputed || issued !== null };
  }
  return { stated: null, recomputed: null, issued, unchanged: issued !== null };
}
