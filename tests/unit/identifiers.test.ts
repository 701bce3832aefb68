import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kraPinHolder } from '../../shared/identifiers/kra-pin';
import { identifierMessage, identifierMessages } from '../../shared/identifiers/messages';
import { toMpesaMsisdn } from '../../shared/identifiers/phone';
import { MAX_RAW_LENGTH } from '../../shared/identifiers/raw-input';
import { idNumberSchema, kraPinSchema, passportSchema, phoneSchema, plateSchema } from '../../shared/identifiers/schemas';
import { IDENTIFIER_KINDS, validateIdentifier, type IdentifierKind } from '../../shared/identifiers/validate';

function accepts(kind: IdentifierKind, raw: string, value: string) {
  expect(validateIdentifier(kind, raw), JSON.stringify(raw)).toEqual({ ok: true, value });
}

function refuses(kind: IdentifierKind, raw: string, reason: string) {
  expect(validateIdentifier(kind, raw), JSON.stringify(raw)).toEqual({ ok: false, reason });
}

describe('national ID number', () => {
  it.each([
    ['12345678', '12345678'],
    ['123456', '123456'],
    ['123456789', '123456789'],
    ['  12345678  ', '12345678'],
    ['1234 5678', '12345678'],
    ['12 345 678', '12345678'],
    ['\u00a012345678\n', '12345678'],
    ['0012345', '0012345'],
  ])('accepts %j as %s', (raw, value) => accepts('idNumber', raw, value));

  it.each([
    ['1234567890', 'too-long'],
    ['1', 'too-short'],
    ['12345', 'too-short'],
    ['1234-5678', 'bad-characters'],
    ['1234\t5678', 'bad-characters'],
    ['12345678A', 'bad-characters'],
    ['-1234', 'bad-characters'],
    ['1e7', 'bad-characters'],
    ['١٢٣٤٥٦٧٨', 'bad-characters'],
    ['１２３４５６７８', 'bad-characters'],
    ['१२३४५६७८', 'bad-characters'],
  ])('refuses %j as %s', (raw, reason) => refuses('idNumber', raw, reason));
});

describe('phone number', () => {
  it.each([
    ['0712 345 457', '+254712345457'],
    ['+254 712 345457', '+254712345457'],
    ['254712345457', '+254712345457'],
    ['0712-345-457', '+254712345457'],
    ['(0712) 345 457', '+254712345457'],
    ['+254 0712 345 457', '+254712345457'],
    ['0722000000', '+254722000000'],
    ['0112345678', '+254112345678'],
    ['+254-112-345-678', '+254112345678'],
    ['254112345678', '+254112345678'],
    [' 0100 123 456 ', '+254100123456'],
  ])('accepts %j as %s', (raw, value) => accepts('phone', raw, value));

  it.each([
    ['020 1234567', 'not-mobile'],
    ['+254 20 1234567', 'not-mobile'],
    ['0800 720 000', 'not-mobile'],
    ['+255 712 345 678', 'not-kenyan'],
    ['+256 712 345678', 'not-kenyan'],
    ['+1 202 555 0100', 'not-kenyan'],
    ['0712', 'bad-format'],
    ['07123454570', 'bad-format'],
    ['255712345678', 'bad-format'],
    ['0712 345 45a', 'bad-characters'],
    ['1-800-FLOWERS', 'bad-characters'],
    ['0712345457 ext 5', 'bad-characters'],
    ['+254+712345457', 'bad-characters'],
    ['٠٧١٢٣٤٥٤٥٧', 'bad-characters'],
  ])('refuses %j as %s', (raw, reason) => refuses('phone', raw, reason));

  it('gives M-Pesa the number without the plus sign', () => {
    expect(toMpesaMsisdn('+254712345457')).toBe('254712345457');
    expect(toMpesaMsisdn('+254112345678')).toBe('254112345678');
  });

  it('refuses anything but a normalised Kenyan mobile for M-Pesa', () => {
    for (const wrong of ['0712345457', '254712345457', '+254201234567', '+255712345678', '']) {
      expect(() => toMpesaMsisdn(wrong), wrong).toThrow(RangeError);
    }
  });
});

describe('passport number', () => {
  it.each([
    ['AK0123456', 'AK0123456'],
    ['ak0123456', 'AK0123456'],
    ['  A1234567 ', 'A1234567'],
    ['C123456', 'C123456'],
  ])('accepts %j as %s', (raw, value) => accepts('passport', raw, value));

  it.each([
    ['A12345', 'too-short'],
    ['A123456789', 'too-long'],
    ['AK 0123456', 'bad-characters'],
    ['AK-0123456', 'bad-characters'],
    // These upper-case to ASCII ('ſ' → 'S', 'ı' → 'I'), so they must be refused before that.
    ['AK01234ſ6', 'bad-characters'],
    ['ık0123456', 'bad-characters'],
    ['ＡＫ０１２３４５６', 'bad-characters'],
  ])('refuses %j as %s', (raw, reason) => refuses('passport', raw, reason));
});

describe('KRA PIN', () => {
  it.each([
    ['A012345678B', 'A012345678B'],
    ['a012345678b', 'A012345678B'],
    [' P051234567Q ', 'P051234567Q'],
  ])('accepts %j as %s', (raw, value) => accepts('kraPin', raw, value));

  it.each([
    ['B012345678C', 'bad-format'],
    ['A01234567B', 'bad-format'],
    ['A0123456789', 'bad-format'],
    ['A012345678BC', 'bad-format'],
    ['A 012345678 B', 'bad-characters'],
    ['A012345678ſ', 'bad-characters'],
  ])('refuses %j as %s', (raw, reason) => refuses('kraPin', raw, reason));

  it('tells individuals from non-individuals', () => {
    expect(kraPinHolder('A012345678B')).toBe('individual');
    expect(kraPinHolder('P051234567Q')).toBe('non-individual');
  });
});

describe('number plate', () => {
  it.each([
    ['KDA 123A', 'KDA 123A'],
    ['kda123a', 'KDA 123A'],
    ['KDA-123A', 'KDA 123A'],
    [' k d a 1 2 3 a ', 'KDA 123A'],
    ['KCZ 999Z', 'KCZ 999Z'],
  ])('accepts %j as %s', (raw, value) => accepts('plate', raw, value));

  it.each([
    ['KIA 123A', 'bad-format'],
    ['KDO 123A', 'bad-format'],
    ['KDA 123O', 'bad-format'],
    ['KDA 12A', 'bad-format'],
    ['KDA 1234A', 'bad-format'],
    ['XDA 123A', 'bad-format'],
    ['GK 123A', 'bad-format'],
    ['KDA_123A', 'bad-characters'],
    ['KDA 123ſ', 'bad-characters'],
  ])('refuses %j as %s', (raw, reason) => refuses('plate', raw, reason));
});

describe('hostile input, for every kind of identifier', () => {
  const hostile: ReadonlyArray<readonly [string, string, string]> = [
    ['10,000 characters', 'x'.repeat(10_000), 'too-long'],
    ['10,000 digits', '1'.repeat(10_000), 'too-long'],
    ['one character over the cap, mostly spaces', `${' '.repeat(MAX_RAW_LENGTH - 7)}12345678`, 'too-long'],
    ['empty', '', 'empty'],
    ['whitespace only', ' \t\r\n ', 'empty'],
    ['SQL (quote)', "1' OR '1'='1", 'bad-characters'],
    ['SQL (statement)', '12345678; DROP TABLE citizens', 'bad-characters'],
    ['a null byte inside', '1234\u00005678', 'bad-characters'],
    ['a null byte alone', '\u0000', 'bad-characters'],
    ['an emoji', '😀', 'bad-characters'],
    ['an emoji after digits', '12345678😀', 'bad-characters'],
    ['a zero-width space', '1234\u200b5678', 'bad-characters'],
    ['markup', '<script>alert(1)</script>', 'bad-characters'],
    ['Arabic-Indic digits', '١٢٣', 'bad-characters'],
    ['fullwidth digits', '１２３', 'bad-characters'],
  ];

  for (const kind of IDENTIFIER_KINDS) {
    it.each(hostile)(`${kind}: %s`, (_, raw, reason) => refuses(kind, raw, reason));
  }

  it('never throws, and every refusal has a message in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...IDENTIFIER_KINDS),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ maxLength: 100 })),
        (kind, raw) => {
          const result = validateIdentifier(kind, raw);
          if (result.ok) return;
          const message = identifierMessage(kind, result.reason);
          expect(message.en).not.toBe('');
          expect(message.sw).not.toBe('');
        },
      ),
    );
  });
});

describe('zod schemas', () => {
  it('normalise what they accept', () => {
    expect(idNumberSchema.parse(' 1234 5678 ')).toBe('12345678');
    expect(phoneSchema.parse('0712 345 457')).toBe('+254712345457');
    expect(passportSchema.parse('ak0123456')).toBe('AK0123456');
    expect(kraPinSchema.parse('a012345678b')).toBe('A012345678B');
    expect(plateSchema.parse('kda123a')).toBe('KDA 123A');
  });

  it('report the reason code of a refusal', () => {
    const result = phoneSchema.safeParse('020 1234567');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { code: 'custom', message: 'not-mobile', params: { kind: 'phone', reason: 'not-mobile' } },
    ]);
  });

  it('refuse what is not a string', () => {
    for (const value of [undefined, null, 12345678, ['12345678'], { toString: () => '12345678' }]) {
      expect(idNumberSchema.safeParse(value).success).toBe(false);
    }
  });
});

describe('messages', () => {
  it('have distinct, non-empty English and Kiswahili for every kind and reason', () => {
    for (const kind of IDENTIFIER_KINDS) {
      for (const [reason, message] of Object.entries(identifierMessages[kind])) {
        expect(message.en, `${kind}/${reason}`).toMatch(/\S/);
        expect(message.sw, `${kind}/${reason}`).toMatch(/\S/);
        expect(message.sw, `${kind}/${reason}`).not.toBe(message.en);
      }
    }
  });

  it('explain the ID number rule', () => {
    expect(identifierMessage('idNumber', 'bad-characters')).toEqual({
      en: 'An ID number has digits only, like 12345678.',
      sw: 'Nambari ya kitambulisho ina tarakimu pekee, kama 12345678.',
    });
  });
});
