import { kenyaDateTimeSortable } from '@shared/kenya/time';
import type { DayReport, ReportPayment } from '@shared/contract/reports';


export const SERVICE_NAMES: Record<string, string> = {
  fine: 'Traffic fines',
  licence_renewal: 'Driving licence renewal',
  vehicle_search: 'Vehicle search',
};

export const METHOD_NAMES: Record<string, string> = { mpesa: 'M-Pesa', card: 'Card', cash: 'Cash' };

/** The payment columns every format carries, in order. */
export const PAYMENT_COLUMNS = [
  'payment_id',
  'time_eat',
  'service',
  'bill_reference',
  'method',
  'state',
  'amount_kes',
  'provider_reference',
  'receipt_number',
  'staff_id',
  'shift_id',
] as const;

export function paymentCells(p: ReportPayment): (string | number)[] {
  return [p.paymentId, kenyaDateTimeSortable(p.at), p.service, p.billReference, p.method, p.state, p.amount, p.providerReference ?? '', p.receiptNumber ?? '', p.staffId ?? '', p.shiftId ?? ''];
}

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
