/** ESC/POS command bytes, as Epson documents them and thermal receipt printers follow. */
const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

const ALIGNMENT = { left: 0, center: 1, right: 2 } as const;
/** GS ( k function 169 error-correction levels. */
const QR_ERROR_CORRECTION = { L: 48, M: 49, Q: 50, H: 51 } as const;
/** GS ( k stores at most this many bytes of QR data. */
const QR_MAX_BYTES = 7089;

/**
 * Printers take single-byte code pages; plain ASCII prints the same on all of them. Accents
 * are dropped (é → e), anything else outside printable ASCII becomes `?`.
 */
function asciiSafe(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** Builds one ESC/POS document command by command. */
export class EscPosBuilder {
  private readonly bytes: number[] = [];

  /** ESC @: reset the printer to its defaults. */
  init(): this {
    return this.push(ESC, 0x40);
  }

  /** ESC a n */
  align(alignment: keyof typeof ALIGNMENT): this {
    return this.push(ESC, 0x61, ALIGNMENT[alignment]);
  }

  /** ESC E n */
  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** GS ! n: double width and height, or normal. */
  doubleSize(on: boolean): this {
    return this.push(GS, 0x21, on ? 0x11 : 0x00);
  }

  /** One line of text, made ASCII-safe, then a line feed. */
  line(text = ''): this {
    return this.push(...Buffer.from(asciiSafe(text), 'ascii'), LF);
  }

  /** A QR code through GS ( k: model 2, module size, error correction, store, print. */
  qrCode(data: string, options: { moduleSize: number; errorCorrection: keyof typeof QR_ERROR_CORRECTION }): this {
    // Stored as given (UTF-8): the QR must carry the exact signed text, unlike printed lines.
    const payload = Buffer.from(data, 'utf8');
    if (payload.length > QR_MAX_BYTES) throw new RangeError(`QR data is ${payload.length} bytes; the printer takes at most ${QR_MAX_BYTES}`);
    const storeLength = payload.length + 3;
    return this.push(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0) // fn 165: model 2
      .push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, options.moduleSize) // fn 167: module size in dots
      .push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, QR_ERROR_CORRECTION[options.errorCorrection]) // fn 169
      .push(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30, ...payload) // fn 180: store
      .push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30); // fn 181: print
  }

  /** GS V 65 n: feed n lines to the cutter, then cut. */
  cut(feedLines = 4): this {
    return this.push(GS, 0x56, 65, feedLines);
  }

  build(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  private push(...bytes: number[]): this {
    for (const byte of bytes) this.bytes.push(byte);
    return this;
  }
}
