import type { MrzFields } from './types';

/**
 * Cuts a TD1 (identity card, 3 × 30) MRZ into its fields, per ICAO 9303 Part 5.
 * Positions below are 0-based slices of the 1-based positions in the standard.
 */
export function td1Fields([line1, line2, line3]: readonly [string, string, string]): MrzFields {
  const number = documentNumberAndOptionalData(line1);
  return {
    format: 'TD1',
    documentCode: line1.slice(0, 2),
    issuingState: line1.slice(2, 5),
    documentNumber: number.documentNumber,
    nameField: line3,
    birthDate: line2.slice(0, 6),
    sex: line2.charAt(7),
    expiryDate: line2.slice(8, 14),
    nationality: line2.slice(15, 18),
    optionalData: number.optionalData,
    optionalData2: line2.slice(18, 29),
    checks: [
      { field: 'documentNumber', line: 1, value: number.documentNumber, digit: number.checkDigit },
      { field: 'birthDate', line: 2, value: line2.slice(0, 6), digit: line2.charAt(6) },
      { field: 'expiryDate', line: 2, value: line2.slice(8, 14), digit: line2.charAt(14) },
      // Line 1 positions 6-30, line 2 positions 1-7, 9-15 and 19-29.
      {
        field: 'composite',
        line: 2,
        value: line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29),
        digit: line2.charAt(29),
      },
    ],
  };
}

/**
 * A document number longer than 9 characters puts '<' where its check digit would be and
 * continues at the start of optional data 1: the remaining characters, the check digit,
 * then a filler. When that run is empty, the check digit is '' and the check fails.
 */
function documentNumberAndOptionalData(line1: string) {
  const firstNine = line1.slice(5, 14);
  const checkPosition = line1.charAt(14);
  const optional = line1.slice(15, 30);
  if (checkPosition !== '<') {
    return { documentNumber: firstNine, checkDigit: checkPosition, optionalData: optional };
  }
  const overflow = /^[^<]*/.exec(optional)?.[0] ?? '';
  return {
    documentNumber: firstNine + overflow.slice(0, -1),
    checkDigit: overflow.slice(-1),
    optionalData: optional.slice(overflow.length + 1),
  };
}
