import { DEMO_DOCUMENTS } from '../../electron/demo/demo-documents';

/**
 * The demo people's documents (electron/demo/demo-documents.ts), by name, with check
 * digits that both the kiosk's parser and the `mrz` package accept (tests check that).
 */
function passportOf(holder: number): readonly [string, string] {
  const found = DEMO_DOCUMENTS.find((document) => document.holder === holder && document.kind === 'passport');
  if (found?.kind !== 'passport') throw new Error(`no demo passport for person ${holder}`);
  return found.mrz;
}

function idCardOf(holder: number): readonly [string, string, string] {
  const found = DEMO_DOCUMENTS.find((document) => document.holder === holder && document.kind === 'idCard');
  if (found?.kind !== 'idCard') throw new Error(`no demo ID card for person ${holder}`);
  return found.mrz;
}

/** Jane Wanjiku Kamau's passport AK1234567; the personal number is her ID number. */
export const JANE_PASSPORT = passportOf(1);

/** Jane's passport as it was before its renewal date: the same number, expired 2019-03-10. */
export const JANE_EXPIRED_PASSPORT = ['P<KENKAMAU<<JANE<WANJIKU<<<<<<<<<<<<<<<<<<<<', 'AK12345678KEN8804156F190310812345678<<<<<<80'] as const;

/** Grace Chebet Koech's ID card, serial 456789123. */
export const GRACE_ID_CARD = idCardOf(3);

/** Mohamed Abdi Hassan's passport BK7654321. */
export const MOHAMED_PASSPORT = passportOf(6);

/** Anna Maria Eriksson's passport: the ICAO 9303 specimen's data, reissued to expire in 2034. */
export const ANNA_PASSPORT = passportOf(5);

/** The ICAO 9303 Part 4 specimen passport as printed: Anna Maria Eriksson's record, but expired 2012-04-15. */
export const ANNA_SPECIMEN_PASSPORT = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;

/** A valid passport (every check digit right, valid to 2032) whose number ZZ9999999 no record holds. */
export const UNKNOWN_PASSPORT = ['P<KENOMONDI<<AMOS<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'ZZ99999997KEN9001011M3201015<<<<<<<<<<<<<<02'] as const;

/** Jane's passport number and names, but born a day later (16/04/1988) than her record says: check digits all right. */
export const JANE_PASSPORT_OTHER_BIRTH_DATE = ['P<KENKAMAU<<JANE<WANJIKU<<<<<<<<<<<<<<<<<<<<', 'AK12345678KEN8804167F320310112345678<<<<<<86'] as const;
