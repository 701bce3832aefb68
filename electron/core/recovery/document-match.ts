import type { DocumentMismatch } from '@shared/contract/recovery';
import type { MrzDocument } from '@shared/mrz';
import type { CitizenRecord } from './citizen-records';

/** Characters in the MRZ name field: 39 on a passport (TD3), 30 on an ID card (TD1). */
const NAME_FIELD_LENGTH = { TD1: 30, TD3: 39 } as const;

/**
 * Compares a read document with the citizen's record and lists what disagrees: the
 * document number (ID card serial for TD1, passport number for TD3), the names, the birth
 * date, and whether the document is still valid on `today` ('YYYY-MM-DD', Kenyan day).
 * Only the kinds of disagreement leave this function, never the record's values.
 */
export function matchDocument(document: MrzDocument, record: CitizenRecord, today: string): DocumentMismatch[] {
  const mismatches: DocumentMismatch[] = [];
  const numberOnRecord = document.format === 'TD1' ? record.idSerial : record.passportNumber;
  if (numberOnRecord === null || numberOnRecord.toUpperCase() !== document.documentNumber) mismatches.push('documentNumber');
  if (!namesMatch(document, record)) mismatches.push('names');
  if (document.birthDate !== record.dateOfBirth) mismatches.push('birthDate');
  if (document.expiryDate < today) mismatches.push('expired');
  return mismatches;
}

/**
 * Names as the MRZ writes them: upper case, accents dropped, anything else a separator.
 * A name field filled to its last character may have been cut short (ICAO 9303 truncates
 * long names), so then the record's names need only begin with what the document holds.
 */
function namesMatch(document: MrzDocument, record: CitizenRecord): boolean {
  const surname = mrzName(record.lastName);
  const given = mrzName([record.firstName, record.middleName].filter(Boolean).join(' '));
  if (document.surname === surname && document.givenNames === given) return true;
  const used = document.surname.length + (document.givenNames ? 2 + document.givenNames.length : 0);
  const truncated = used >= NAME_FIELD_LENGTH[document.format];
  return truncated && `${surname}  ${given}`.startsWith(`${document.surname}  ${document.givenNames}`);
}

function mrzName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}
