import type { ReportFormat } from '@shared/contract/reports';

/**
 * What each day-report file is called when it leaves the kiosk. Apart from report-files.ts,
 * whose makers bring pdfkit and exceljs (some 15 MiB of heap): the core needs only the names,
 * and the files are made in the heavy-jobs process.
 */
export const REPORT_MIME_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
