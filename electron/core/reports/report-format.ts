import type { DayReport } from '@shared/contract/reports';

/** What each exported file states about itself, so a changed copy can be detected. */
export interface ReportSeal {
  contentHash: string;
  /** `<row id>:<hash>` of the audit log's last row when the report was made. */
  auditHead: string;
}

export function sealLines(report: DayReport, seal: ReportSeal): [string, string][] {
  return [
    ['kiosk', report.kioskId],
    ['business_date', report.businessDate],
    ['generated_at', report.generatedAt],
    ['content_sha256', seal.contentHash],
    ['audit_head', seal.auditHead],
  ];
}
