/**
 * Made-up Kenyan documents for the demo people (electron/core/demo/demo-people.ts), with
 * check digits that both the kiosk's parser and the `mrz` package accept (tests check that).
 * They expire in the 2030s; the ICAO specimens of Anna Eriksson expired in 2012.
 */

/** Jane Wanjiku Kamau's passport AK1234567; the personal number is her ID number. */
export const JANE_PASSPORT = ['P<KENKAMAU<<JANE<WANJIKU<<<<<<<<<<<<<<<<<<<<', 'AK12345678KEN8804156F320310112345678<<<<<<86'] as const;

/** Jane's passport as it was before its renewal date: the same number, expired 2019-03-10. */
export const JANE_EXPIRED_PASSPORT = ['P<KENKAMAU<<JANE<WANJIKU<<<<<<<<<<<<<<<<<<<<', 'AK12345678KEN8804156F190310812345678<<<<<<80'] as const;

/** Grace Chebet Koech's ID card, serial 456789123. */
export const GRACE_ID_CARD = ['I<KEN4567891237<<<<<<<<<<<<<<<', '8302191F3301018KEN27654321<<<0', 'KOECH<<GRACE<CHEBET<<<<<<<<<<<'] as const;

/** Mohamed Abdi Hassan's passport BK7654321. */
export const MOHAMED_PASSPORT = ['P<KENHASSAN<<MOHAMED<ABDI<<<<<<<<<<<<<<<<<<<', 'BK76543213KEN9001206M310905229876543<<<<<<86'] as const;

/** The ICAO 9303 Part 4 specimen passport: Anna Maria Eriksson's record, but expired 2012-04-15. */
export const ANNA_SPECIMEN_PASSPORT = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;
