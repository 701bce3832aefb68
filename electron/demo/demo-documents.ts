/**
 * The demo people's identity documents (electron/demo/demo-people.ts), as a reader
 * types their machine-readable zone: one passport (TD3, 2 × 44) or ID card (TD1, 3 × 30)
 * each, Anna Eriksson both. Made-up Kenyan documents, and the ICAO 9303 specimens'
 * data reissued to expire in 2034 (the printed specimens expired in 2012). Every check
 * digit is right and every document is valid well into the 2030s; the README lists them
 * and `tests/unit/demo-documents.test.ts` holds both to that.
 */
/**
 * A demo person's document (`holder` is DemoPerson.id): its number (the passport number or
 * the ID card's serial) and its MRZ lines, two on a passport and three on an ID card.
 */
export type DemoDocument =
  | { readonly holder: number; readonly kind: 'passport'; readonly number: string; readonly mrz: readonly [string, string] }
  | { readonly holder: number; readonly kind: 'idCard'; readonly number: string; readonly mrz: readonly [string, string, string] };

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    holder: 1,
    kind: 'passport',
    number: 'AK1234567',
    mrz: ['P<KENKAMAU<<JANE<WANJIKU<<<<<<<<<<<<<<<<<<<<', 'AK12345678KEN8804156F320310112345678<<<<<<86'],
  },
  {
    holder: 2,
    kind: 'idCard',
    number: '345678912',
    mrz: ['I<KEN3456789127<<<<<<<<<<<<<<<', '7911026M3311020KEN23456789<<<2', 'OCHIENG<<PETER<OTIENO<<<<<<<<<'],
  },
  {
    holder: 3,
    kind: 'idCard',
    number: '456789123',
    mrz: ['I<KEN4567891237<<<<<<<<<<<<<<<', '8302191F3301018KEN27654321<<<0', 'KOECH<<GRACE<CHEBET<<<<<<<<<<<'],
  },
  {
    holder: 4,
    kind: 'idCard',
    number: '567891234',
    mrz: ['I<KEN5678912341<<<<<<<<<<<<<<<', '5206302M3606300KEN1234567<<<<8', 'MUSYOKA<<JOSEPH<MUTUA<<<<<<<<<'],
  },
  {
    holder: 5,
    kind: 'passport',
    number: 'L898902C3',
    mrz: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F3404159ZE184226B<<<<<16'],
  },
  {
    holder: 5,
    kind: 'idCard',
    number: 'D23145890',
    mrz: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F3404159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  },
  {
    holder: 6,
    kind: 'passport',
    number: 'BK7654321',
    mrz: ['P<KENHASSAN<<MOHAMED<ABDI<<<<<<<<<<<<<<<<<<<', 'BK76543213KEN9001206M310905229876543<<<<<<86'],
  },
  {
    holder: 7,
    kind: 'idCard',
    number: '789123456',
    mrz: ['I<KEN7891234567<<<<<<<<<<<<<<<', '8509093M3409095KEN30123456<<<8', 'ROTICH<<DANIEL<KIPCHIRCHIR<<<<'],
  },
];
