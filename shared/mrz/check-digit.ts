/**
 * The ICAO 9303 check digit (Part 3, section 4.9): weights 7, 3, 1 repeating; digits
 * count as their value, A-Z as 10-35, the filler '<' as 0; the digit is the sum mod 10.
 */

const WEIGHTS = [7, 3, 1] as const;

function characterValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z → 10-35
  if (code === 60) return 0; // '<'
  throw new RangeError(`Not an MRZ character: U+${code.toString(16).padStart(4, '0')}`);
}

/** Throws on a character outside 0-9, A-Z and '<': callers check the character set first. */
export function computeCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    sum += characterValue(field.charCodeAt(i)) * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}
