import type { DayReport, ReportFormat } from '@shared/contract/reports';
import { reportCsv } from './report-csv';
import type { ReportSeal } from './report-format';
import { reportPdf } from './report-pdf';
import { reportXlsx } from './report-xlsx';

/** How each day-report file is made from the report's data: in the heavy-jobs process only (see report-mime-types.ts). */
export const REPORT_FILE_MAKERS: Record<ReportFormat, (report: DayReport, seal: ReportSeal) => Buffer | Promise<Buffer>> = {
  csv: reportCsv,
  xlsx: reportXlsx,
  pdf: reportPdf,
};
