import type { ReportPayment } from '@shared/contract/reports';
import { kenyaDateTimeSortable } from '@shared/kenya/time';

/** A day's payments as every report lists them, the kiosk's and the back office's. */

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

/** A payment's row; the method as text, since the back office lists what kiosks sent. */
export function paymentCells(p: Omit<ReportPayment, 'method'> & { method: string }): (string | number)[] {
  return [p.paymentId, kenyaDateTimeSortable(p.at), p.service, p.billReference, p.method, p.state, p.amount, p.providerReference ?? '', p.receiptNumber ?? '', p.staffId ?? '', p.shiftId ?? ''];
}
