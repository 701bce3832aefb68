import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { renderReceiptEscPos } from '../../electron/core/payments/receipts/escpos';
import { FilePrinter } from '../../electron/core/payments/receipts/file-printer';
import { kioskSigningKey } from '../../electron/core/payments/receipts/kiosk-signing-key';
import type { Receipt } from '../../electron/core/payments/receipts/receipt';
import { renderReceiptPdf } from '../../electron/core/payments/receipts/receipt-pdf';
import { signReceipt, verifyReceiptQr, type SignedReceiptFields } from '../../electron/core/payments/receipts/receipt-signing';
import { LocalSettings } from '../../electron/core/settings/local-settings';

const receipt: Receipt = {
  kioskId: 'kiosk-3f9a12bc',
  receiptNumber: 'R-20250301-0007',
  billReference: 'EC-BILL-88123',
  lines: [
    { description: 'Driving licence renewal, 3 years', amount: 1400 },
    { description: 'Convenience fee', amount: 50 },
  ],
  total: 1450,
  method: 'mpesa',
  providerReference: 'TC14AB9XYZ',
  paidAt: '2025-03-01T06:15:42Z',
};
const signed: SignedReceiptFields = {
  kioskId: receipt.kioskId,
  receiptNumber: receipt.receiptNumber,
  billReference: receipt.billReference,
  total: receipt.total,
  method: receipt.method,
  providerReference: receipt.providerReference,
  paidAt: receipt.paidAt,
};

const NO_TEXTS = { header: { en: [], sw: [] }, footer: { en: [], sw: [] } };
/** The centre's own lines, as its back office may set them: four a language at each end, 48 characters at most. */
const CENTRE_TEXTS = {
  header: { en: ['Huduma Centre GPO, Nairobi', 'Open 8 am to 5 pm'], sw: ['Huduma Centre GPO, Nairobi', 'Tunafungua saa mbili hadi saa kumi na moja'] },
  footer: {
    en: ['Questions? Call 0800 221 111', 'Thank you for using Huduma', 'x'.repeat(48), 'Fourth footer line'],
    sw: ['Maswali? Piga 0800 221 111', 'Asante kwa kutumia Huduma', 'y'.repeat(48), 'Mstari wa nne'],
  },
};

const keys = generateKeyPairSync('ed25519');
const publicKeyPem = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'receipts-test-'));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('receipt signing', () => {
  it('round-trips: the QR text verifies and gives back the signed fields', () => {
    const qr = signReceipt(receipt, keys.privateKey);
    expect(qr.startsWith('HKR1|kiosk-3f9a12bc|R-20250301-0007|')).toBe(true);
    expect(verifyReceiptQr(qr, publicKeyPem)).toEqual({ valid: true, receipt: signed });
  });

  it('keeps fields containing | and non-ASCII text intact, in an ASCII-only QR', () => {
    const odd = { ...signed, billReference: 'A|B%C', providerReference: 'Wanjirũ' };
    const qr = signReceipt(odd, keys.privateKey);
    expect(qr).toMatch(/^[\x20-\x7e]+$/);
    expect(verifyReceiptQr(qr, publicKeyPem)).toEqual({ valid: true, receipt: odd });
  });

  it('refuses any single tampered field', () => {
    const tampered: Partial<SignedReceiptFields>[] = [
      { kioskId: 'kiosk-3f9a12bd' },
      { receiptNumber: 'R-20250301-0008' },
      { billReference: 'EC-BILL-88124' },
      { total: 145 },
      { method: 'cash' },
      { providerReference: 'TC14AB9XYY' },
      { paidAt: '2025-03-01T06:15:43Z' },
    ];
    const genuine = signReceipt(receipt, keys.privateKey);
    const signature = genuine.slice(genuine.lastIndexOf('|'));
    for (const change of tampered) {
      const forged = signReceipt({ ...signed, ...change }, keys.privateKey);
      const withGenuineSignature = forged.slice(0, forged.lastIndexOf('|')) + signature;
      expect(verifyReceiptQr(withGenuineSignature, publicKeyPem), JSON.stringify(change)).toMatchObject({ valid: false, reason: 'bad-signature' });
    }
  });

  it('refuses a receipt checked with another kiosk key, and texts that are not receipts', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const qr = signReceipt(receipt, keys.privateKey);
    expect(verifyReceiptQr(qr, other)).toMatchObject({ valid: false, reason: 'bad-signature', receipt: signed });
    expect(verifyReceiptQr(qr, 'not a key')).toMatchObject({ valid: false, reason: 'unusable-public-key' });
    expect(verifyReceiptQr('hello', publicKeyPem)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyReceiptQr(qr.replace('HKR1', 'HKR2'), publicKeyPem)).toEqual({ valid: false, reason: 'unknown-version' });
    expect(verifyReceiptQr(qr.replace('|1450|', '|14.5|'), publicKeyPem)).toEqual({ valid: false, reason: 'malformed' });
  });

  it("keeps one key per kiosk in the kiosk's database", () => {
    const db = openDatabase(path.join(tmp, 'kiosk.sqlite'));
    const first = kioskSigningKey(new LocalSettings(db));
    const again = kioskSigningKey(new LocalSettings(db));
    db.close();
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    expect(verifyReceiptQr(signReceipt(receipt, first.privateKey), again.publicKeyPem).valid).toBe(true);
  });
});

describe('ESC/POS receipt', () => {
  const qrText = signReceipt(receipt, keys.privateKey);

  for (const paperWidthMm of [58, 80] as const) {
    it(`starts with ESC @, carries the QR through GS ( k and ends with a cut (${paperWidthMm} mm)`, () => {
      const bytes = renderReceiptEscPos(receipt, { paperWidthMm, qrText, texts: NO_TEXTS });
      const text = Buffer.from(bytes).toString('latin1');
      expect(hex(bytes.subarray(0, 2))).toBe('1b40');
      expect(hex(bytes)).toContain('1d286b040031413200'); // model 2
      const storeLength = qrText.length + 3;
      expect(text).toContain(`\x1d(k${String.fromCharCode(storeLength & 0xff, storeLength >> 8)}1P0${qrText}`);
      expect(hex(bytes)).toContain('1d286b0300315130'); // print the stored QR
      expect(hex(bytes.subarray(-4, -1))).toBe('1d5641'); // GS V 65 n
      expect(text).toContain('TOTAL / JUMLA');
      expect(text).toContain('KES 1,450');
      // eslint-disable-next-line no-control-regex -- strips the ESC/POS commands to measure printed lines
      const printed = text.replace(/\x1b@|\x1b[aE][\s\S]|\x1d![\s\S]|\x1dVA[\s\S]/g, '');
      for (const line of printed.split('\n').filter((l) => !l.includes('\x1d(k'))) {
        expect(line.length, line).toBeLessThanOrEqual(paperWidthMm === 58 ? 32 : 48);
      }
    });
  }

  it("prints the centre's header under the title and its footer at the end, English then Kiswahili", () => {
    const text = Buffer.from(renderReceiptEscPos(receipt, { paperWidthMm: 80, qrText, texts: CENTRE_TEXTS })).toString('latin1');
    const header = text.indexOf('Risiti ya malipo\nHuduma Centre GPO, Nairobi\nOpen 8 am to 5 pm\nHuduma Centre GPO, Nairobi\nTunafungua');
    expect(header).toBeGreaterThan(0);
    expect(header).toBeLessThan(text.indexOf('Receipt no.'));
    const footer = ['Tafadhali hifadhi risiti hii', '', ...CENTRE_TEXTS.footer.en, ...CENTRE_TEXTS.footer.sw].join('\n');
    expect(text).toContain(`${footer}\n\x1dVA`);
  });

  it('prints plain ASCII even for accented text', () => {
    const bytes = renderReceiptEscPos({ ...receipt, lines: [{ description: 'Café fee – Nyeri', amount: 50 }] }, { paperWidthMm: 80, qrText, texts: NO_TEXTS });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('Cafe fee ? Nyeri');
  });

  it('is written by the file printer, one file per print', async () => {
    const folder = path.join(tmp, 'printer');
    const printer = new FilePrinter(folder);
    const bytes = renderReceiptEscPos(receipt, { paperWidthMm: 80, qrText, texts: NO_TEXTS });
    await printer.print({ id: receipt.receiptNumber, bytes });
    await printer.print({ id: receipt.receiptNumber, bytes });

    expect(readdirSync(folder).sort()).toEqual(['R-20250301-0007-2.escpos', 'R-20250301-0007.escpos']);
    expect(readFileSync(path.join(folder, 'R-20250301-0007.escpos')).equals(Buffer.from(bytes))).toBe(true);
  });

  it('reports a printer that cannot write as PrinterUnavailableError', async () => {
    const blocked = path.join(tmp, 'not-a-folder');
    writeFileSync(blocked, 'a file where the folder should be');
    await expect(new FilePrinter(blocked).print({ id: 'R-1', bytes: new Uint8Array([0x1b, 0x40]) })).rejects.toMatchObject({
      name: 'PrinterUnavailableError',
      reason: 'write-failed',
    });
  });
});

describe('PDF receipt', () => {
  const qrText = signReceipt(receipt, keys.privateKey);
  const hasPdftoppm = (() => {
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  for (const pageSize of ['A6', '80mm'] as const) {
    it(`is a one-page PDF (${pageSize})`, async () => {
      const pdf = await renderReceiptPdf(receipt, { pageSize, qrText, texts: NO_TEXTS });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    });
  }

  for (const pageSize of ['A6', '80mm'] as const) {
    // A6 is a fixed sheet: sixteen lines of the centre's run onto a second one; the roll grows.
    it.skipIf(!hasPdftoppm)(`carries the centre's header and footer lines (${pageSize})`, async () => {
      const pdfFile = path.join(tmp, `centre-${pageSize}.pdf`);
      writeFileSync(pdfFile, await renderReceiptPdf(receipt, { pageSize, qrText, texts: CENTRE_TEXTS }));
      expect(readFileSync(pdfFile).toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(pageSize === 'A6' ? 2 : 1);
      const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      for (const line of [...CENTRE_TEXTS.header.en, ...CENTRE_TEXTS.header.sw, ...CENTRE_TEXTS.footer.en, ...CENTRE_TEXTS.footer.sw]) expect(text).toContain(line);
      expect(text.indexOf('Open 8 am to 5 pm')).toBeLessThan(text.indexOf('Receipt no.'));
      expect(text.indexOf('Mstari wa nne')).toBeGreaterThan(text.indexOf('Please keep this receipt'));
    });
  }

  it.skipIf(!hasPdftoppm)('renders its page to PNG for a look (tests/e2e/screenshots/receipt-pdf.png)', async () => {
    const pdfFile = path.join(tmp, 'receipt.pdf');
    writeFileSync(pdfFile, await renderReceiptPdf(receipt, { pageSize: '80mm', qrText, texts: NO_TEXTS }));
    const screenshots = path.resolve('tests/e2e/screenshots');
    mkdirSync(screenshots, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(screenshots, 'receipt-pdf')]);
    const png = readFileSync(path.join(screenshots, 'receipt-pdf.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
