import type { DayReport, ReportFormat } from '@shared/contract/reports';
import { reportCsv } from './report-csv';
import type { ReportSeal } from './report-format';
import { reportPdf } from './report-pdf';
import { reportXlsx } from './report-xlsx';

/** The day report's file types: what each is called, and how one is made from the report's data. */
export const REPORT_FILE_TYPES: Record<ReportFormat, { mimeType: string; make: (report: DayReport, seal: ReportSeal) => Buffer | Promise<Buffer> }> = {
  csv: { mimeType: 'text/csv; charset=utf-8', make: reportCsv },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', make: reportXlsx },
  pdf: { mimeType: 'application/pdf', make: reportPdf },
};
