import { shillings } from '@shared/kenya/money';
import { EscPosBuilder } from './escpos-builder';
import type { Localized } from '@shared/result';
import type { Receipt } from './receipt';
import { bothLanguages, RECEIPT_TEXT, receiptFields, type ReceiptTexts } from './receipt-layout';

export type PaperWidthMm = 58 | 80;

/** Characters per line in the printer's standard font (12×24 dots). */
const COLUMNS: Record<PaperWidthMm, number> = { 58: 32, 80: 48 };

/** `left ... right` on one line when both fit, else left on its line and right under it, flush right. */
function twoColumns(left: string, right: string, columns: number): string[] {
  if (left.length + 1 + right.length <= columns) return [left + right.padStart(columns - left.length)];
  return [left, right.padStart(columns)];
}

/** A bilingual label and its value; the label splits over two lines where `en / sw` is too wide. */
function labelled(label: Localized, value: string, columns: number): string[] {
  const both = bothLanguages(label);
  if (both.length <= columns) return twoColumns(both, value, columns);
  return [`${label.en} /`, ...twoColumns(label.sw, value, columns)];
}

/** A receipt as ESC/POS bytes for a 58 or 80 mm thermal printer, with its signed QR code. */
export function renderReceiptEscPos(receipt: Receipt, options: { paperWidthMm: PaperWidthMm; qrText: string; texts: ReceiptTexts }): Uint8Array {
  const columns = COLUMNS[options.paperWidthMm];
  const rule = '-'.repeat(columns);
  const doc = new EscPosBuilder().init();

  doc.align('center').bold(true).doubleSize(true).line(RECEIPT_TEXT.issuer).doubleSize(false);
  doc.line(RECEIPT_TEXT.title.en).bold(false).line(RECEIPT_TEXT.title.sw);
  for (const text of [...options.texts.header.en, ...options.texts.header.sw]) doc.line(text);
  doc.line();

  doc.align('left');
  for (const field of receiptFields(receipt)) {
    for (const text of labelled(field.label, field.value, columns)) doc.line(text);
  }
  doc.line(rule);
  for (const item of receipt.lines) {
    for (const text of twoColumns(item.description, shillings(item.amount), columns)) doc.line(text);
  }
  doc.line(rule);
  doc.bold(true);
  for (const text of labelled(RECEIPT_TEXT.total, shillings(receipt.total), columns)) doc.line(text.toUpperCase());
  doc.bold(false).line();

  doc.align('center').qrCode(options.qrText, { moduleSize: options.paperWidthMm === 58 ? 3 : 4, errorCorrection: 'M' });
  doc.line(RECEIPT_TEXT.verify.en).line(RECEIPT_TEXT.verify.sw).line();
  doc.line(RECEIPT_TEXT.keep.en).line(RECEIPT_TEXT.keep.sw);
  const footer = [...options.texts.footer.en, ...options.texts.footer.sw];
  if (footer.length > 0) doc.line();
  for (const text of footer) doc.line(text);
  return doc.cut().build();
}
