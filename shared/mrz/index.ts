export { parseMrz } from './parse-mrz';
export type { ParseMrzOptions } from './parse-mrz';
export { computeCheckDigit } from './check-digit';
export { mrzMessages } from './messages';
export { MAX_MRZ_INPUT_LENGTH } from './read-lines';
export type {
  MrzCheckedField,
  MrzDocument,
  MrzFailure,
  MrzFailureReason,
  MrzField,
  MrzFormat,
  MrzResult,
} from './types';
