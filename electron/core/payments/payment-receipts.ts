import QRCode from 'qrcode';
import type { ReceiptView } from '@shared/contract/payments';
import type { Locale } from '@shared/result';
import { KioskError } from '../errors';
import { runHeavyJob } from '../heavy-job-runner';
import type { Bill } from './bills/bill-store';
import type { PaymentRow } from './payment-store';
import { renderReceiptEscPos, type PaperWidthMm } from './receipts/escpos';
import type { ReceiptSigningKey } from './receipts/kiosk-signing-key';
import { PrinterUnavailableError, type ReceiptPrinter } from './receipts/printer';
import type { Receipt } from './receipts/receipt';
import type { ReceiptTexts } from './receipts/receipt-layout';
import type { ReceiptPdfPageSize, ReceiptPdfRequest } from './receipts/receipt-pdf';
import { signReceipt } from './receipts/receipt-signing';

export interface PaymentReceiptsDeps {
  readonly kioskId: string;
  readonly key: ReceiptSigningKey;
  readonly printer: ReceiptPrinter;
  readonly paperWidthMm: PaperWidthMm;
  readonly pdfPageSize: ReceiptPdfPageSize;
  /** The live `receipts` settings, read at each print: the centre's lines may change while the kiosk runs. */
  readonly texts: { readonly headerLines: ReceiptTexts['header']; readonly footerLines: ReceiptTexts['footer'] };
}

/** Receipts for paid payments: on screen, on the thermal printer, as PDF; each with the signed QR. */
export class PaymentReceipts {
  constructor(private readonly deps: PaymentReceiptsDeps) {}

  /** The receipt of a paid payment; lines in the citizen's language. */
  receipt(payment: PaymentRow, bill: Bill, locale: Locale): Receipt {
    if (payment.state !== 'paid' || !payment.receipt_number || !payment.provider_reference || !payment.settled_at) throw new KioskError('payment.notPaid');
    return {
      kioskId: this.deps.kioskId,
      receiptNumber: payment.receipt_number,
      billReference: bill.reference,
      lines: bill.lines.map((line) => ({ description: line.description[locale], amount: line.amount })),
      total: payment.amount,
      method: payment.method,
      providerReference: payment.provider_reference,
      paidAt: payment.settled_at,
    };
  }

  async view(payment: PaymentRow, bill: Bill, locale: Locale): Promise<ReceiptView> {
    const receipt = this.receipt(payment, bill, locale);
    const qrText = this.sign(receipt);
    const qrSvg = await QRCode.toString(qrText, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { ...receipt, lines: [...receipt.lines], change: payment.change_given, qrText, qrSvg };
  }

  /** The receipt and its signed QR text (the code that proves it genuine). */
  signed(payment: PaymentRow, bill: Bill, locale: Locale): { receipt: Receipt; verifyCode: string } {
    const receipt = this.receipt(payment, bill, locale);
    return { receipt, verifyCode: this.sign(receipt) };
  }

  /** Refuses with payment.printerUnavailable (nothing printed) or payment.printInterrupted (stopped part way). */
  async print(payment: PaymentRow, bill: Bill, locale: Locale): Promise<void> {
    const { receipt, verifyCode } = this.signed(payment, bill, locale);
    const bytes = renderReceiptEscPos(receipt, { paperWidthMm: this.deps.paperWidthMm, qrText: verifyCode, texts: this.texts() });
    try {
      await this.deps.printer.print({ id: receipt.receiptNumber, bytes });
    } catch (error) {
      if (!(error instanceof PrinterUnavailableError)) throw error;
      throw new KioskError(error.reason === 'interrupted' ? 'payment.printInterrupted' : 'payment.printerUnavailable', { params: { reason: error.reason } });
    }
  }

  /** Laid out in the heavy-jobs process, as the day report's files are: pdfkit never loads on the thread that answers the screen. */
  async pdf(payment: PaymentRow, bill: Bill, locale: Locale): Promise<Buffer> {
    const receipt = this.receipt(payment, bill, locale);
    const request: ReceiptPdfRequest = { receipt, pageSize: this.deps.pdfPageSize, qrText: this.sign(receipt), texts: this.texts() };
    // A Buffer crosses back as a plain Uint8Array.
    const bytes = await runHeavyJob<Uint8Array>('receiptPdf', request);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private texts(): ReceiptTexts {
    return { header: this.deps.texts.headerLines, footer: this.deps.texts.footerLines };
  }

  private sign(receipt: Receipt): string {
    return signReceipt(receipt, this.deps.key.privateKey);
  }
}
