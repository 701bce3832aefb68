import type { MrzFields } from './types';

/**
 * Cuts a TD3 (passport, 2 × 44) MRZ into its fields, per ICAO 9303 Part 4.
 * Positions below are 0-based slices of the 1-based positions in the standard.
 */
export function td3Fields([line1, line2]: readonly [string, string]): MrzFields {
  return {
    format: 'TD3',
    documentCode: line1.slice(0, 2),
    issuingState: line1.slice(2, 5),
    nameField: line1.slice(5, 44),
    documentNumber: line2.slice(0, 9),
    nationality: line2.slice(10, 13),
    birthDate: line2.slice(13, 19),
    sex: line2.charAt(20),
    expiryDate: line2.slice(21, 27),
    optionalData: line2.slice(28, 42),
    optionalData2: '',
    checks: [
      { field: 'documentNumber', line: 2, value: line2.slice(0, 9), digit: line2.charAt(9) },
      { field: 'birthDate', line: 2, value: line2.slice(13, 19), digit: line2.charAt(19) },
      { field: 'expiryDate', line: 2, value: line2.slice(21, 27), digit: line2.charAt(27) },
      { field: 'optionalData', line: 2, value: line2.slice(28, 42), digit: line2.charAt(42), fillerAllowedWhenBlank: true },
      // Line 2 positions 1-10, 14-20 and 22-43.
      {
        field: 'composite',
        line: 2,
        value: line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43),
        digit: line2.charAt(43),
      },
    ],
  };
}
