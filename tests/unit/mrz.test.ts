import fc from 'fast-check';
import { parse as parseWithMrzPackage } from 'mrz';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../../shared/mrz/check-digit';
import { birthDateFromMrz, expiryDateFromMrz } from '../../shared/mrz/fields';
import { mrzMessages } from '../../shared/mrz/messages';
import { parseMrz } from '../../shared/mrz/parse-mrz';
import type { MrzCheckedField, MrzResult } from '../../shared/mrz/types';

/*
 * Every vector below was checked by hand with the 7-3-1 rule ('<' = 0, A-Z = 10-35,
 * weights 7,3,1 repeating, sum mod 10). The sums are written next to each one.
 */

// ICAO Doc 9303 Part 4 TD3 specimen.
//   L898902C3 → 21·7+8·3+9·1+8·7+9·3+0·1+2·7+12·3+3·1 = 316 → 6
//   740812 → 122 → 2;  120415 → 49 → 9;  ZE184226B<<<<< → 401 → 1
//   composite L898902C36 7408122 1204159ZE184226B<<<<<1 → 880 → 0
const TD3_SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

// ICAO Doc 9303 Part 5 TD1 specimen.
//   D23145890 → 207 → 7;  740812 → 122 → 2;  120415 → 49 → 9
//   composite (line 1 pos 6-30, line 2 pos 1-7, 9-15, 19-29) → 376 → 6
const TD1_SPECIMEN = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

// The Part 5 rule for a document number longer than 9 characters: '<' at position 15,
// the rest of the number (734) and its check digit in optional data 1, then a filler.
//   D23145890734 → 269 → 9;  composite D23145890<7349<<<<<<<<<<< 7408122 1204159 <<<<<<<<<<< → 406 → 6
const TD1_LONG_NUMBER = ['I<UTOD23145890<7349<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

// Older editions of the same specimens, still printed on documents in circulation.
// ICAO Doc 9303 Part 1 (6th edition, 2006) passport: a document number of 8 characters
// padded with a filler, born 1969, expired 1994.
//   L898902C< → 313 → 3;  690806 → 131 → 1;  940623 → 126 → 6;  ZE184226B<<<<< → 401 → 1
//   composite L898902C<3 6908061 940623 6ZE184226B<<<<<1 → 754 → 4
const TD3_OLD_SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'];

// ICAO Doc 9303 Part 3 (3rd edition, 2008) identity card: Peter John Stevenson, born 1934.
//   D23145890 → 207 → 7;  340712 → 87 → 7;  950712 → 132 → 2
//   composite D231458907<<<<<<<<<<<<<<< 3407127 9507122 <<<<<<<<<<< → 392 → 2
const TD1_OLD_SPECIMEN = ['I<UTOD231458907<<<<<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];

// Made-up Kenyan passport.
//   AK0123456 → 195 → 5;  900515 → 106 → 6;  310412 → 57 → 7;  12345678<<<<<< → 138 → 8
//   composite AK01234565 9005156 310412712345678<<<<<<8 → 506 → 6
const TD3_KENYA = ['P<KENKAMAU<<JANE<WANJIKU<<<<<<<<<<<<<<<<<<<<', 'AK01234565KEN9005156F310412712345678<<<<<<86'];

// Made-up Kenyan passport with no personal number, so its check digit is the filler '<'.
//   BK7654321 → 233 → 3;  051120 → 29 → 9;  350101 → 44 → 4
//   composite BK76543213 0511209 3501014<<<<<<<<<<<<<<< ('<' counts 0) → 344 → 4
const TD3_KENYA_BLANK_PERSONAL = [
  'P<KENOTIENO<<BRIAN<<<<<<<<<<<<<<<<<<<<<<<<<<',
  'BK76543213KEN0511209M3501014<<<<<<<<<<<<<<<4',
];

// Made-up Kenyan identity card (where a real card keeps the ID number is not asserted).
//   240012345 → 69 → 9;  850101 → 79 → 9;  330630 → 81 → 1
//   composite 2400123459<<<<<<<<<<<<<<< 8501019 3306301 12345678<<< → 388 → 8
const TD1_KENYA = ['IDKEN2400123459<<<<<<<<<<<<<<<', '8501019M3306301KEN12345678<<<8', 'OTIENO<<BRIAN<ODHIAMBO<<<<<<<<'];

const NOW = new Date(2026, 5, 1);

function parse(lines: readonly string[], separator = '\n'): MrzResult {
  return parseMrz(lines.join(separator), { now: NOW });
}

describe('computeCheckDigit', () => {
  it.each([
    ['L898902C3', 6],
    ['740812', 2],
    ['120415', 9],
    ['ZE184226B<<<<<', 1],
    ['D23145890', 7],
    ['D23145890734', 9],
    ['<<<<<<<<<', 0],
    ['', 0],
  ])('%s → %i', (field, digit) => {
    expect(computeCheckDigit(field)).toBe(digit);
  });

  it('values A as 10 and Z as 35 (weight 7 on the first character)', () => {
    expect(computeCheckDigit('A')).toBe(0); // 70
    expect(computeCheckDigit('Z')).toBe(5); // 245
    expect(computeCheckDigit('<Z')).toBe(5); // 105
    expect(computeCheckDigit('<<Z')).toBe(5); // 35
  });

  it('refuses characters outside the MRZ set', () => {
    expect(() => computeCheckDigit('a')).toThrow(RangeError);
    expect(() => computeCheckDigit(' ')).toThrow(RangeError);
  });
});

describe('parseMrz: valid documents', () => {
  it('reads the ICAO TD3 specimen', () => {
    expect(parse(TD3_SPECIMEN)).toEqual({
      ok: true,
      format: 'TD3',
      documentType: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: 'ZE184226B',
      optionalData2: '',
      checks: ['documentNumber', 'birthDate', 'expiryDate', 'optionalData', 'composite'],
    });
  });

  it('reads the ICAO TD1 specimen', () => {
    expect(parse(TD1_SPECIMEN)).toEqual({
      ok: true,
      format: 'TD1',
      documentType: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: '',
      optionalData2: '',
      checks: ['documentNumber', 'birthDate', 'expiryDate', 'composite'],
    });
  });

  it('reads the older TD3 specimen, whose document number ends in a filler', () => {
    expect(parse(TD3_OLD_SPECIMEN)).toMatchObject({
      ok: true,
      format: 'TD3',
      issuingState: 'UTO',
      documentNumber: 'L898902C',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '1969-08-06',
      sex: 'F',
      expiryDate: '2094-06-23', // MRZ expiry years are read as 20YY: callers judge plausibility
      optionalData: 'ZE184226B',
    });
  });

  it('reads the older TD1 specimen', () => {
    expect(parse(TD1_OLD_SPECIMEN)).toMatchObject({
      ok: true,
      format: 'TD1',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      surname: 'STEVENSON',
      givenNames: 'PETER JOHN',
      birthDate: '1934-07-12',
      sex: 'M',
    });
  });

  it('joins a TD1 document number that continues into optional data', () => {
    expect(parse(TD1_LONG_NUMBER)).toMatchObject({ ok: true, documentNumber: 'D23145890734', optionalData: '' });
  });

  it('reads a Kenyan passport', () => {
    expect(parse(TD3_KENYA)).toMatchObject({
      ok: true,
      issuingState: 'KEN',
      documentNumber: 'AK0123456',
      surname: 'KAMAU',
      givenNames: 'JANE WANJIKU',
      birthDate: '1990-05-15',
      sex: 'F',
      expiryDate: '2031-04-12',
      optionalData: '12345678',
    });
  });

  it("accepts '<' as the check digit of an empty personal number", () => {
    expect(parse(TD3_KENYA_BLANK_PERSONAL)).toMatchObject({
      ok: true,
      documentNumber: 'BK7654321',
      surname: 'OTIENO',
      givenNames: 'BRIAN',
      birthDate: '2005-11-20',
      sex: 'M',
      optionalData: '',
    });
  });

  it('reads a Kenyan identity card', () => {
    expect(parse(TD1_KENYA)).toMatchObject({
      ok: true,
      format: 'TD1',
      documentType: 'ID',
      issuingState: 'KEN',
      documentNumber: '240012345',
      surname: 'OTIENO',
      givenNames: 'BRIAN ODHIAMBO',
      nationality: 'KEN',
      birthDate: '1985-01-01',
      sex: 'M',
      expiryDate: '2033-06-30',
      optionalData2: '12345678',
    });
  });

  it('reads an unspecified sex as X', () => {
    const line2 = TD3_SPECIMEN[1]!;
    const unspecified = `${line2.slice(0, 20)}<${line2.slice(21)}`; // sex is outside every check digit
    expect(parse([TD3_SPECIMEN[0]!, unspecified])).toMatchObject({ ok: true, sex: 'X' });
  });
});

describe('parseMrz: how a scanner may deliver the lines', () => {
  const td3 = TD3_SPECIMEN.join('');
  const td1 = TD1_SPECIMEN.join('');

  it.each([
    ['LF', TD3_SPECIMEN.join('\n')],
    ['CRLF', TD3_SPECIMEN.join('\r\n')],
    ['CR', TD3_SPECIMEN.join('\r')],
    ['a trailing newline', `${TD3_SPECIMEN.join('\n')}\n`],
    ['blank lines and padding around and between', `\n\n  ${TD3_SPECIMEN[0]}  \r\n \t ${TD3_SPECIMEN[1]}\t\r\n\n`],
    ['a tab between lines', TD3_SPECIMEN.join('\t')],
    ['one 88-character blob', td3],
  ])('TD3 with %s', (_, input) => {
    expect(parseMrz(input, { now: NOW })).toMatchObject({ ok: true, format: 'TD3', documentNumber: 'L898902C3' });
  });

  it.each([
    ['CRLF', TD1_SPECIMEN.join('\r\n')],
    ['one 90-character blob', td1],
    ['30 + 60 characters', `${td1.slice(0, 30)}\n${td1.slice(30)}`],
    ['60 + 30 characters', `${td1.slice(0, 60)}\n${td1.slice(60)}`],
  ])('TD1 with %s', (_, input) => {
    expect(parseMrz(input, { now: NOW })).toMatchObject({ ok: true, format: 'TD1', documentNumber: 'D23145890' });
  });
});

describe('parseMrz agrees with the maintained `mrz` package on every check digit', () => {
  const documents = [TD3_SPECIMEN, TD3_OLD_SPECIMEN, TD1_SPECIMEN, TD1_OLD_SPECIMEN, TD1_LONG_NUMBER, TD3_KENYA, TD1_KENYA];

  it.each(documents.map((lines) => [lines[0]!, lines] as const))('%s', (_, lines) => {
    const theirs = parseWithMrzPackage([...lines]);
    const complaints = theirs.details.filter((detail) => !detail.valid).map((detail) => detail.field);
    // The package checks country codes against a list that has no UTO; its check digits all pass.
    const expected = lines[0]!.slice(2, 5) === 'UTO' ? ['issuingState', 'nationality'] : [];
    expect(complaints).toEqual(expected);
    expect(parse(lines)).toMatchObject({ ok: true });
  });

  it('both refuse each corrupted check digit of the specimens', () => {
    for (const lines of documents) {
      // The composite check digit ends line 2 in both layouts.
      const line = lines[1]!;
      const corrupted = lines.map((text, index) => (index === 1 ? `${line.slice(0, -1)}${(Number(line.slice(-1)) + 1) % 10}` : text));
      expect(parseWithMrzPackage(corrupted).details.find((detail) => detail.field === 'compositeCheckDigit')?.valid).toBe(false);
      expect(parse(corrupted)).toMatchObject({ ok: false, reason: 'check-digit', field: 'composite' });
    }
  });
});

describe('parseMrz: dates', () => {
  it('puts a birth year in the latest century that is not in the future', () => {
    const now = new Date(2026, 5, 1);
    expect(birthDateFromMrz('260601', now)).toBe('2026-06-01'); // born today
    expect(birthDateFromMrz('260602', now)).toBe('1926-06-02'); // tomorrow would be the future
    expect(birthDateFromMrz('100101', now)).toBe('2010-01-01');
    expect(birthDateFromMrz('740812', now)).toBe('1974-08-12');
    expect(birthDateFromMrz('991231', now)).toBe('1999-12-31');
  });

  it('follows the parse option `now`', () => {
    expect(parseMrz(TD3_SPECIMEN.join('\n'), { now: new Date(1980, 0, 1) })).toMatchObject({ birthDate: '1974-08-12' });
    expect(parseMrz(TD3_SPECIMEN.join('\n'), { now: new Date(2080, 0, 1) })).toMatchObject({ birthDate: '2074-08-12' });
  });

  it('knows leap years in the chosen century', () => {
    expect(birthDateFromMrz('000229', NOW)).toBe('2000-02-29');
    expect(birthDateFromMrz('010229', NOW)).toBeNull();
    expect(expiryDateFromMrz('280229')).toBe('2028-02-29');
    expect(expiryDateFromMrz('270229')).toBeNull();
  });

  it('refuses impossible or unknown dates', () => {
    for (const date of ['741312', '740001', '740832', '740431', '7408<<', '<<<<<<']) {
      expect(birthDateFromMrz(date, NOW)).toBeNull();
    }
  });

  it('always reads expiry as 20YY', () => {
    expect(expiryDateFromMrz('991231')).toBe('2099-12-31');
  });
});

describe('parseMrz: check digits catch every single-character corruption', () => {
  /** A 1-based inclusive range of positions on one line (1-based) and the check that covers it. */
  type Coverage = readonly [line: number, from: number, to: number, field: MrzCheckedField];

  const TD3_COVERAGE: readonly Coverage[] = [
    [2, 1, 10, 'documentNumber'],
    [2, 14, 20, 'birthDate'],
    [2, 22, 28, 'expiryDate'],
    [2, 29, 43, 'optionalData'],
    [2, 44, 44, 'composite'],
  ];
  const TD1_COVERAGE: readonly Coverage[] = [
    [1, 6, 15, 'documentNumber'],
    [1, 16, 30, 'composite'], // optional data 1 has no check digit of its own
    [2, 1, 7, 'birthDate'],
    [2, 9, 15, 'expiryDate'],
    [2, 19, 30, 'composite'], // optional data 2 and the composite digit
  ];
  const TD1_LONG_COVERAGE: readonly Coverage[] = [
    [1, 6, 20, 'documentNumber'], // includes the '<' marker, the overflow, its digit and the filler after it
    [1, 21, 30, 'composite'],
    [2, 1, 7, 'birthDate'],
    [2, 9, 15, 'expiryDate'],
    [2, 19, 30, 'composite'],
  ];

  /**
   * Replaces a character by one whose value differs by 1 (mod 10), which the 7-3-1 weights
   * always detect: a digit by the next digit, a letter by its neighbour, '<' (0) by 'B' (11).
   * ('<' → 'A' would not do: 10 ≡ 0 mod 10, the one kind of change the scheme cannot see.)
   */
  function corrupt(character: string): string {
    if (/[0-9]/.test(character)) return String((Number(character) + 1) % 10);
    if (character === '<') return 'B';
    return character === 'Z' ? 'Y' : String.fromCharCode(character.charCodeAt(0) + 1);
  }

  const cases: ReadonlyArray<readonly [string, readonly string[], readonly Coverage[], number]> = [
    ['TD3 specimen', TD3_SPECIMEN, TD3_COVERAGE, 40],
    ['TD3 older specimen', TD3_OLD_SPECIMEN, TD3_COVERAGE, 40],
    ['TD3 Kenya', TD3_KENYA, TD3_COVERAGE, 40],
    ['TD3 blank personal number', TD3_KENYA_BLANK_PERSONAL, TD3_COVERAGE, 40],
    ['TD1 specimen', TD1_SPECIMEN, TD1_COVERAGE, 51],
    ['TD1 older specimen', TD1_OLD_SPECIMEN, TD1_COVERAGE, 51],
    ['TD1 Kenya', TD1_KENYA, TD1_COVERAGE, 51],
    ['TD1 long document number', TD1_LONG_NUMBER, TD1_LONG_COVERAGE, 51],
  ];

  it.each(cases)('%s', (_, lines, coverage, expectedPositions) => {
    let tested = 0;
    for (const [line, from, to, field] of coverage) {
      for (let position = from; position <= to; position++) {
        const corrupted = lines.map((text, index) =>
          index === line - 1 ? text.slice(0, position - 1) + corrupt(text.charAt(position - 1)) + text.slice(position) : text,
        );
        const result = parse(corrupted);
        expect(result, `line ${line} position ${position}`).toMatchObject({ ok: false, reason: 'check-digit', field });
        tested++;
      }
    }
    expect(tested).toBe(expectedPositions);
  });
});

describe('parseMrz: impossible field contents', () => {
  it('names an impossible birth date whose check digits are right', () => {
    // 741312 → 88 → 8; composite L898902C36 7413128 1204159ZE184226B<<<<<1 → 890 → 0
    expect(parse([TD3_SPECIMEN[0]!, 'L898902C36UTO7413128F1204159ZE184226B<<<<<10'])).toMatchObject({
      ok: false,
      reason: 'bad-field',
      field: 'birthDate',
    });
  });

  it('names an impossible expiry date whose check digits are right', () => {
    // 120231 → 37 → 7; composite → 374 → 4
    const lines = [TD1_SPECIMEN[0]!, '7408122F1202317UTO<<<<<<<<<<<4', TD1_SPECIMEN[2]!];
    expect(parse(lines)).toMatchObject({ ok: false, reason: 'bad-field', field: 'expiryDate' });
  });

  it('names an empty document number', () => {
    // <<<<<<<<< → 0; composite <<<<<<<<<0 7408122 1204159ZE184226B<<<<<1 → 522 → 2
    expect(parse([TD3_SPECIMEN[0]!, '<<<<<<<<<0UTO7408122F1204159ZE184226B<<<<<12'])).toMatchObject({
      ok: false,
      reason: 'bad-field',
      field: 'documentNumber',
    });
  });

  it('names an impossible sex', () => {
    const line2 = TD3_SPECIMEN[1]!;
    expect(parse([TD3_SPECIMEN[0]!, `${line2.slice(0, 20)}Q${line2.slice(21)}`])).toMatchObject({
      ok: false,
      reason: 'bad-field',
      field: 'sex',
    });
  });
});

describe('parseMrz: hostile input gets a clear, bilingual error', () => {
  const specimen = TD3_SPECIMEN.join('\n');
  const withLine2Char = (character: string) => `${TD3_SPECIMEN[0]}\n${character}${TD3_SPECIMEN[1]!.slice(1)}`;

  it.each([
    ['empty', '', 'empty'],
    ['whitespace only', ' \r\n\t ', 'empty'],
    ['10,000 characters', 'P'.repeat(10_000), 'too-long'],
    ['10,000 valid MRZ characters with newlines', `${specimen}\n`.repeat(113), 'too-long'],
    ['a single TD3 line', TD3_SPECIMEN[0]!, 'wrong-length'],
    ['a single TD1 line', TD1_SPECIMEN[0]!, 'wrong-length'],
    ['a line one character short', `${TD3_SPECIMEN[0]}\n${TD3_SPECIMEN[1]!.slice(1)}`, 'wrong-length'],
    ['a line one character long', `${TD3_SPECIMEN[0]}<\n${TD3_SPECIMEN[1]}`, 'wrong-length'],
    ['a space inside a line', `${TD3_SPECIMEN[0]}\nL898902C3 6UTO7408122F1204159ZE184226B<<<<<10`, 'wrong-length'],
    ['a TD1 line with a TD3 line', `${TD1_SPECIMEN[0]}\n${TD3_SPECIMEN[1]}`, 'wrong-length'],
    ['three passport lines', `${specimen}\n${TD3_SPECIMEN[1]}`, 'wrong-length'],
    ['an SQL fragment', "1' OR '1'='1", 'wrong-length'],
    ['lower case', specimen.toLowerCase(), 'lower-case'],
    ['one lower-case letter', specimen.replace('ERIKSSON', 'ERIKSSoN'), 'lower-case'],
    ['a null byte', withLine2Char('\u0000'), 'bad-characters'],
    ['a Cyrillic look-alike letter', withLine2Char('\u041b'), 'bad-characters'],
    ['a fullwidth digit', withLine2Char('\uff11'), 'bad-characters'],
    ['an emoji (two UTF-16 units for one)', `${TD3_SPECIMEN[0]}\n😀${TD3_SPECIMEN[1]!.slice(2)}`, 'bad-characters'],
    ['a TD2 card (2 × 36)', `I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6`, 'unknown-format'],
    ['a visa (2 × 44, V)', `V${specimen.slice(1)}`, 'unknown-format'],
    ['a passport code on a card layout', `P${TD1_SPECIMEN.join('\n').slice(1)}`, 'unknown-format'],
  ])('%s', (_, input, reason) => {
    const result = parseMrz(input, { now: NOW });
    expect(result).toMatchObject({ ok: false, reason });
    if (result.ok) return;
    expect(result.message).toEqual(mrzMessages[result.reason]);
    expect(result.message.en).not.toBe('');
    expect(result.message.sw).not.toBe('');
    expect(result.message.sw).not.toBe(result.message.en);
  });

  it('has a distinct message in both languages for every reason', () => {
    const messages = Object.values(mrzMessages);
    expect(new Set(messages.map((message) => message.en)).size).toBe(messages.length);
    expect(new Set(messages.map((message) => message.sw)).size).toBe(messages.length);
  });
});

describe('parseMrz: properties', () => {
  const mrzCharacter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'.split(''));

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 })), (input) => {
        expect(typeof parseMrz(input).ok).toBe('boolean');
      }),
    );
  });

  it('never throws on strings of MRZ characters the size of a real MRZ', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: mrzCharacter, minLength: 88, maxLength: 88 }).map((text) => `P${text.slice(1)}`),
          fc.string({ unit: mrzCharacter, minLength: 90, maxLength: 90 }).map((text) => `I${text.slice(1)}`),
        ),
        (input) => {
          const result = parseMrz(input);
          if (!result.ok) expect(['check-digit', 'bad-field']).toContain(result.reason);
        },
      ),
    );
  });

  /** The character's value in the 7-3-1 scheme, written out again here on purpose. */
  const value = (character: string) =>
    character === '<' ? 0 : /[0-9]/.test(character) ? Number(character) : character.charCodeAt(0) - 55;

  it('never accepts a specimen with one checked character replaced by one of a different value mod 10', () => {
    const line2 = TD3_SPECIMEN[1]!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 43 }), mrzCharacter, (index, character) => {
        // Nationality (positions 11-13) and sex (21) are outside every check digit.
        fc.pre(!(index >= 10 && index <= 12) && index !== 20);
        fc.pre((value(character) - value(line2.charAt(index))) % 10 !== 0);
        const result = parse([TD3_SPECIMEN[0]!, line2.slice(0, index) + character + line2.slice(index + 1)]);
        expect(result).toMatchObject({ ok: false, reason: 'check-digit' });
      }),
    );
  });

  it('cannot see a change of exactly 10 in value: a limit of ICAO 9303, not of the parser', () => {
    // L (21) → V (31) changes every covering sum by a multiple of 10.
    const line2 = TD3_SPECIMEN[1]!;
    expect(parse([TD3_SPECIMEN[0]!, `V${line2.slice(1)}`])).toMatchObject({ ok: true, documentNumber: 'V898902C3' });
  });
});
