import type { DayReport, ReportFormat } from '@shared/contract/reports';
import { reportCsv } from './report-csv';
import type { ReportSeal } from './report-format';
import { reportPdf } from './report-pdf';
import { reportXlsx } from './report-xlsx';

/**
 * How each day-report file is made from the report's data. Loaded in the heavy-jobs process only:
 * pdfkit and exceljs weigh some 15 MiB of heap (the core needs only REPORT_MIME_TYPES).
 */
export const REPORT_FILE_MAKERS: Record<ReportFormat, (report: DayReport, seal: ReportSeal) => Buffer | Promise<Buffer>> = {
  csv: reportCsv,
  xlsx: reportXlsx,
  pdf: reportPdf,
};
