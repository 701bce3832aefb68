import type { MrzFailureReason, MrzFormat } from './types';

/** Generous for 3 × 30 characters plus any line endings and padding a scanner adds. */
export const MAX_MRZ_INPUT_LENGTH = 256;

interface Layout {
  lineLength: number;
  lineCount: number;
}

const LAYOUTS: Record<MrzFormat, Layout> = {
  TD1: { lineLength: 30, lineCount: 3 },
  TD3: { lineLength: 44, lineCount: 2 },
};

/** TD2 cards and MRV-B visas (2 × 36): real MRZs, but not documents the kiosk accepts. */
const UNSUPPORTED_LINE_LENGTH = 36;

/** Which document codes each layout may carry; visas (V) share TD3's size but not its fields. */
const DOCUMENT_CODE_START: Record<MrzFormat, RegExp> = {
  TD1: /^[IAC]/,
  TD3: /^P/,
};

export type MrzLines =
  | { ok: true; format: 'TD1'; lines: readonly [string, string, string] }
  | { ok: true; format: 'TD3'; lines: readonly [string, string] }
  | { ok: false; reason: MrzFailureReason };

/**
 * Turns what a scanner typed into MRZ lines. Whitespace of any kind (newlines, CR, tabs,
 * spaces) only ever separates lines: it is never removed from inside a line. Pieces are
 * accepted when they fall on line boundaries, so "3 lines", "1 line of 90" and "30 + 60"
 * all work, while a space in the middle of a line leaves a piece that fits no layout and
 * the scan is refused as incomplete rather than silently repaired.
 *
 * Lower case is refused, not upper-cased: the MRZ is upper-case only, and lower-case
 * letters from a keyboard-wedge scanner mean Caps Lock is on, which staff should fix.
 */
export function readMrzLines(input: string): MrzLines {
  if (input.length > MAX_MRZ_INPUT_LENGTH) return { ok: false, reason: 'too-long' };
  const pieces = input.split(/\s+/).filter((piece) => piece !== '');
  if (pieces.length === 0) return { ok: false, reason: 'empty' };
  const text = pieces.join('');

  const format = matchLayout(pieces, text.length);
  if (format === undefined) {
    const unsupported = fitsLayout(pieces, text.length, { lineLength: UNSUPPORTED_LINE_LENGTH, lineCount: 2 });
    return { ok: false, reason: unsupported ? 'unknown-format' : 'wrong-length' };
  }
  if (!/^[A-Z0-9<]*$/.test(text)) {
    return { ok: false, reason: /^[A-Za-z0-9<]*$/.test(text) ? 'lower-case' : 'bad-characters' };
  }
  if (!DOCUMENT_CODE_START[format].test(text)) return { ok: false, reason: 'unknown-format' };

  const { lineLength } = LAYOUTS[format];
  const line = (index: number) => text.slice(index * lineLength, (index + 1) * lineLength);
  return format === 'TD1'
    ? { ok: true, format, lines: [line(0), line(1), line(2)] }
    : { ok: true, format, lines: [line(0), line(1)] };
}

function matchLayout(pieces: readonly string[], totalLength: number): MrzFormat | undefined {
  return (Object.keys(LAYOUTS) as MrzFormat[]).find((format) => fitsLayout(pieces, totalLength, LAYOUTS[format]));
}

function fitsLayout(pieces: readonly string[], totalLength: number, layout: Layout): boolean {
  return (
    totalLength === layout.lineLength * layout.lineCount &&
    pieces.every((piece) => piece.length % layout.lineLength === 0)
  );
}
