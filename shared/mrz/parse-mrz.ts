import { computeCheckDigit } from './check-digit';
import { birthDateFromMrz, expiryDateFromMrz, sexFromMrz, splitName, withoutFillers } from './fields';
import { mrzMessages } from './messages';
import { readMrzLines } from './read-lines';
import { td1Fields } from './td1';
import { td3Fields } from './td3';
import type { MrzCheck, MrzFailure, MrzFailureReason, MrzField, MrzResult } from './types';

export interface ParseMrzOptions {
  /** Decides the century of a birth date; defaults to the current time. */
  now?: Date;
}

/**
 * Parses the MRZ of a passport (TD3) or identity card (TD1) as a scanner typed it.
 * Every check digit is verified, in the order of the document's fields and the composite
 * last, and the first that fails is named. Field contents (dates, sex) are judged only
 * after the check digits, so a misread always reports as a misread. Never throws.
 */
export function parseMrz(input: string, options: ParseMrzOptions = {}): MrzResult {
  const read = readMrzLines(input);
  if (!read.ok) return failure(read.reason);
  const fields = read.format === 'TD1' ? td1Fields(read.lines) : td3Fields(read.lines);

  const failed = fields.checks.find((check) => !checkPasses(check));
  if (failed) return { ...failure('check-digit', failed.field), line: failed.line };

  const documentNumber = withoutFillers(fields.documentNumber);
  if (documentNumber === '') return failure('bad-field', 'documentNumber');
  const birthDate = birthDateFromMrz(fields.birthDate, options.now ?? new Date());
  if (birthDate === null) return failure('bad-field', 'birthDate');
  const expiryDate = expiryDateFromMrz(fields.expiryDate);
  if (expiryDate === null) return failure('bad-field', 'expiryDate');
  const sex = sexFromMrz(fields.sex);
  if (sex === null) return failure('bad-field', 'sex');

  return {
    ok: true,
    format: fields.format,
    documentType: withoutFillers(fields.documentCode),
    issuingState: withoutFillers(fields.issuingState),
    documentNumber,
    ...splitName(fields.nameField),
    nationality: withoutFillers(fields.nationality),
    birthDate,
    sex,
    expiryDate,
    optionalData: withoutFillers(fields.optionalData),
    optionalData2: withoutFillers(fields.optionalData2),
    checks: fields.checks.map((check) => check.field),
  };
}

function checkPasses({ value, digit, fillerAllowedWhenBlank }: MrzCheck): boolean {
  if (fillerAllowedWhenBlank && digit === '<' && /^<*$/.test(value)) return true;
  return digit === String(computeCheckDigit(value));
}

function failure(reason: MrzFailureReason, field?: MrzField): MrzFailure {
  return { ok: false, reason, ...(field ? { field } : {}), message: mrzMessages[reason] };
}
