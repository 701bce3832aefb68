import type { Localized } from '../result';

export type MrzFormat = 'TD1' | 'TD3';

/** The fields a check digit protects, in the order they are verified. */
export type MrzCheckedField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';

/** A field an error can point at: a checked field, or one whose content is impossible. */
export type MrzField = MrzCheckedField | 'sex';

export type MrzFailureReason =
  | 'empty'
  | 'too-long'
  | 'wrong-length'
  | 'bad-characters'
  | 'lower-case'
  | 'unknown-format'
  | 'check-digit'
  | 'bad-field';

export interface MrzDocument {
  format: MrzFormat;
  /** 'P' for a passport, 'I' or 'ID' for an identity card: the document code without fillers. */
  documentType: string;
  /** Three-letter code as printed (fillers removed), e.g. 'KEN', 'UTO', 'D'. Not checked against a list. */
  issuingState: string;
  documentNumber: string;
  surname: string;
  /** Given names separated by single spaces; '' when the document has none. */
  givenNames: string;
  nationality: string;
  /** YYYY-MM-DD; the century is the latest that puts the birth on or before `now`. */
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  /** YYYY-MM-DD, always 20YY. The document may be expired: callers decide what that means. */
  expiryDate: string;
  /** TD3: the personal number. TD1: optional data 1 (after any overflow of a long document number). */
  optionalData: string;
  /** TD1: optional data 2 (line 2). '' for TD3, which has no second optional field. */
  optionalData2: string;
  /** The check digits verified, all of which passed. */
  checks: readonly MrzCheckedField[];
}

export interface MrzFailure {
  ok: false;
  reason: MrzFailureReason;
  field?: MrzField;
  /** For a failed check digit: the line (from 1) whose digit did not add up. */
  line?: number;
  message: Localized;
}

export type MrzResult = ({ ok: true } & MrzDocument) | MrzFailure;

/** The MRZ cut into its fields, still in MRZ characters, before anything is verified. */
export interface MrzFields {
  format: MrzFormat;
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  nameField: string;
  nationality: string;
  birthDate: string;
  sex: string;
  expiryDate: string;
  optionalData: string;
  optionalData2: string;
  checks: readonly MrzCheck[];
}

export interface MrzCheck {
  field: MrzCheckedField;
  /** The MRZ line (from 1) that carries the check digit, so the screen can say which line to correct. */
  line: number;
  /** The characters the digit covers. */
  value: string;
  /** The check digit character as read; '' when the layout has none where it should be. */
  digit: string;
  /** ICAO lets an all-filler personal number carry '<' instead of 0 as its check digit. */
  fillerAllowedWhenBlank?: boolean;
}
