import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone } from '../../shared/identifiers/mask';

describe('maskName', () => {
  it.each([
    ['Jane Wanjiku Kamau', 'J*** W*** K***'],
    ['  Jane   Wanjiku\tKamau  ', 'J*** W*** K***'],
    ['Wanjiku', 'W***'],
    ['Al', 'A***'],
    ['J', 'J***'],
    ['jane kamau', 'j*** k***'],
    ["Mary-Jane O'Brien", 'M*** O***'],
    ["'Abdi (Hassan)", 'A*** H***'],
    ['Ñandú Éowyn', 'Ñ*** É***'],
    ['E\u0301mile', 'É***'], // decomposed accent, composed before taking the letter
    ['علي حسن', 'ع*** ح***'],
    ['Jane 123 Kamau', 'J*** K***'], // a word with no letter shows nothing
    ['', ''],
    ['   ', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows more than one letter of any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const masked = maskName(name);
        if (masked === '') return;
        for (const word of masked.split(' ')) expect(word).toMatch(/^\p{L}\*\*\*$/u);
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['+254712345457', '07•• ••• 457'],
    ['0712 345 457', '07•• ••• 457'],
    ['254712345457', '07•• ••• 457'],
    ['+254112345678', '01•• ••• 678'],
    ['020 1234567', ''],
    ['+255712345678', ''],
    ['x'.repeat(10_000), ''],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('shows only the prefix and the last three digits, or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (phone) => {
        expect(maskPhone(phone)).toMatch(/^$|^0[17]•• ••• [0-9]{3}$/);
      }),
    );
  });
});

describe('maskEmail', () => {
  it.each([
    ['jane.kamau@gmail.com', 'j•••@gmail.com'],
    [' Jane@Example.co.ke ', 'J•••@Example.co.ke'],
    ['a@b.ke', 'a•••@b.ke'],
    ['😀x@mail.com', '😀•••@mail.com'], // a whole code point, never half a surrogate pair
    ['"a@b"@host.ke', '"•••@host.ke'],
    ['no-at-sign', ''],
    ['@gmail.com', ''],
    ['jane@', ''],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('never throws and never shows more than one character of the mailbox', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (email) => {
        const masked = maskEmail(email);
        if (masked === '') return;
        expect(Array.from(masked.slice(0, masked.indexOf('•••@')))).toHaveLength(1);
      }),
    );
  });
});
