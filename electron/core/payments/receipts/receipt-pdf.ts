import { shillings } from '@shared/kenya/money';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Localized } from '@shared/result';
import type { Receipt } from './receipt';
import { RECEIPT_TEXT, receiptFields, type ReceiptTexts } from './receipt-layout';

export type ReceiptPdfPageSize = 'A6' | '80mm';

const MM = 72 / 25.4;
const MARGIN = 14;
const QR_SIZE = 96;
const GREY = '#555555';

/** A6 is a fixed sheet (a centre's many header and footer lines run onto a second); 80 mm is roll paper, as long as the receipt needs. */
function pageSize(size: ReceiptPdfPageSize, lineCount: number): [number, number] {
  return size === 'A6' ? [105 * MM, 148 * MM] : [80 * MM, 400 + 16 * lineCount];
}

/** A piece of text in one font and colour. */
interface Run {
  readonly text: string;
  readonly font: 'Helvetica' | 'Helvetica-Bold';
  readonly color: string;
}

type Doc = InstanceType<typeof PDFDocument>;

/** Runs on the left, `value` flush right on the same line, or on the next when both do not fit. */
function row(doc: Doc, runs: readonly Run[], value: string, size: number, valueFont: Run['font'] = 'Helvetica-Bold'): void {
  const width = doc.page.width - 2 * MARGIN;
  const runsWidth = runs.reduce((sum, run) => sum + doc.font(run.font).fontSize(size).widthOfString(run.text), 0);
  const valueWidth = doc.font(valueFont).fontSize(size).widthOfString(value);
  const top = doc.y;
  runs.forEach((run, i) => {
    const continued = i < runs.length - 1;
    doc.font(run.font).fontSize(size).fillColor(run.color);
    if (i === 0) doc.text(run.text, MARGIN, top, { width, continued });
    else doc.text(run.text, { continued });
  });
  const valueTop = runsWidth + 6 + valueWidth <= width ? top : doc.y;
  doc.font(valueFont).fontSize(size).fillColor('black').text(value, MARGIN, valueTop, { width, align: 'right' });
  doc.moveDown(0.25);
}

function rule(doc: Doc): void {
  doc.moveDown(0.4);
  doc.moveTo(MARGIN, doc.y).lineTo(doc.page.width - MARGIN, doc.y).lineWidth(0.5).strokeColor(GREY).stroke();
  doc.moveDown(0.5);
}

/** English, then Kiswahili in grey, centred. */
function centredPair(doc: Doc, text: Localized, size: number): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica').fontSize(size).fillColor('black').text(text.en, MARGIN, doc.y, { width, align: 'center' });
  doc.fillColor(GREY).text(text.sw, { width, align: 'center' });
}

/** The centre's own lines, centred: English, then Kiswahili in grey. */
function centreLines(doc: Doc, lines: ReceiptTexts['header']): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica').fontSize(8);
  for (const text of lines.en) doc.fillColor('black').text(text, MARGIN, doc.y, { width, align: 'center' });
  for (const text of lines.sw) doc.fillColor(GREY).text(text, MARGIN, doc.y, { width, align: 'center' });
}

const lineCount = (lines: ReceiptTexts['header']) => lines.en.length + lines.sw.length;

/** A receipt as a PDF in English and Kiswahili, with the signed QR code. */
/** A receipt to lay out as PDF, as it crosses to the heavy-jobs process (plain data). */
export interface ReceiptPdfRequest {
  readonly receipt: Receipt;
  readonly pageSize: ReceiptPdfPageSize;
  readonly qrText: string;
  readonly texts: ReceiptTexts;
}

export async function renderReceiptPdf(receipt: Receipt, options: Omit<ReceiptPdfRequest, 'receipt'>): Promise<Buffer> {
  const qrPng = await QRCode.toBuffer(options.qrText, { errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  const { header, footer } = options.texts;
  const doc = new PDFDocument({
    size: pageSize(options.pageSize, receipt.lines.length + lineCount(header) + lineCount(footer)),
    margin: MARGIN,
    info: { Title: `Receipt ${receipt.receiptNumber}`, Author: receipt.kioskId, CreationDate: new Date(receipt.paidAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(14).text(RECEIPT_TEXT.issuer, { align: 'center' });
  doc.fontSize(10).text(RECEIPT_TEXT.title.en, { align: 'center' });
  doc.font('Helvetica-Oblique').fontSize(9).fillColor(GREY).text(RECEIPT_TEXT.title.sw, { align: 'center' });
  centreLines(doc, header);
  rule(doc);
  for (const field of receiptFields(receipt)) {
    const label: Run[] = [
      { text: `${field.label.en} / `, font: 'Helvetica-Bold', color: 'black' },
      { text: field.label.sw, font: 'Helvetica', color: GREY },
    ];
    row(doc, label, field.value, 8);
  }
  rule(doc);
  for (const item of receipt.lines) row(doc, [{ text: item.description, font: 'Helvetica', color: 'black' }], shillings(item.amount), 9, 'Helvetica');
  rule(doc);
  const totalLabel = `${RECEIPT_TEXT.total.en} / ${RECEIPT_TEXT.total.sw}`.toUpperCase();
  row(doc, [{ text: totalLabel, font: 'Helvetica-Bold', color: 'black' }], shillings(receipt.total), 11);

  doc.moveDown(0.8);
  doc.image(qrPng, (doc.page.width - QR_SIZE) / 2, doc.y, { width: QR_SIZE });
  doc.y += QR_SIZE + 4;
  centredPair(doc, RECEIPT_TEXT.verify, 8);
  doc.moveDown(0.6);
  centredPair(doc, RECEIPT_TEXT.keep, 8);
  if (lineCount(footer) > 0) doc.moveDown(0.6);
  centreLines(doc, footer);

  doc.end();
  return finished;
}
