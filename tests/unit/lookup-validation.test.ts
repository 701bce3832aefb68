import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupQuery } from '../../shared/contract/lookup';
import { identifierMessage, maskEmail, maskName, maskPhone, validateIdentifier } from '../../shared/identifiers';
import { expiryStatus } from '../../electron/core/lookup/account-details';
import { maskStoredName, maskStoredPhone } from '../../electron/core/lookup/masked-account';
import { kenyaDate } from '../../shared/kenya/time';

const parse = (kind: string, value: unknown) => lookupQuery.safeParse({ kind, value });

describe('lookup query validation', () => {
  it.each([
    ['idNumber', '12345678', '12345678'],
    ['idNumber', ' 1234 5678 ', '12345678'],
    ['idNumber', '123456', '123456'],
    ['phone', '0712345457', '+254712345457'],
    ['phone', '+254 712 345 457', '+254712345457'],
    ['phone', '254712345457', '+254712345457'],
    ['phone', '0112 345 678', '+254112345678'],
    ['phone', '+2541 12 345 678', '+254112345678'],
    ['passport', 'ak1234567', 'AK1234567'],
    ['passport', 'L898902C3', 'L898902C3'],
    ['kraPin', 'a012345678k', 'A012345678K'],
    ['kraPin', 'P051234567X', 'P051234567X'],
  ])('%s %j → %j', (kind, raw, normalised) => {
    expect(parse(kind, raw)).toMatchObject({ success: true, data: { kind, value: normalised } });
  });

  it.each([
    ['idNumber', '', 'empty'],
    ['idNumber', '   ', 'empty'],
    ['idNumber', '1234567890', 'too-long'],
    ['idNumber', '12345', 'too-short'],
    ['idNumber', '١٢٣٤٥٦٧٨', 'bad-characters'],
    ['idNumber', '１２３４５６７８', 'bad-characters'],
    ['idNumber', "1' OR '1'='1", 'bad-characters'],
    ['idNumber', '1; DROP TABLE citizens; --', 'bad-characters'],
    ['idNumber', '9'.repeat(100_000), 'too-long'],
    ['phone', '0201234567', 'not-mobile'],
    ['phone', '+255712345678', 'not-kenyan'],
    ['phone', '07123', 'bad-format'],
    ['phone', '0712 345 45７', 'bad-characters'],
    ['phone', "0712345457' --", 'bad-characters'],
    ['passport', 'AK12', 'too-short'],
    ['passport', 'AK12345678', 'too-long'],
    ['passport', 'ſK1234567', 'bad-characters'],
    ['passport', 'AK 123456', 'bad-characters'],
    ['kraPin', 'B012345678K', 'bad-format'],
    ['kraPin', 'A0123456789', 'bad-format'],
    ['kraPin', "A012345678K'", 'bad-characters'],
  ] as const)('%s %j is refused as %s, with a message in both languages', (kind, raw, reason) => {
    const result = parse(kind, raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(reason);
    // The screen shows the same reason from the same shared validator.
    const validated = validateIdentifier(kind, raw);
    expect(validated).toEqual({ ok: false, reason });
    const message = identifierMessage(kind, reason as never);
    expect(message.en.length).toBeGreaterThan(10);
    expect(message.sw.length).toBeGreaterThan(10);
    expect(message.sw).not.toBe(message.en);
  });

  it('refuses anything but the four kinds and plain strings', () => {
    expect(parse('plate', 'KDA 123A').success).toBe(false);
    expect(parse('idNumber', 12345678).success).toBe(false);
    expect(parse('idNumber', null).success).toBe(false);
    expect(lookupQuery.safeParse({ kind: 'idNumber', value: '1', extra: 'x' }).success).toBe(false);
  });

  it('never lets through anything but a clean, normalised value', () => {
    fc.assert(
      fc.property(fc.constantFrom('idNumber', 'phone', 'passport', 'kraPin'), fc.string({ unit: 'grapheme', maxLength: 80 }), (kind, raw) => {
        const result = parse(kind, raw);
        if (!result.success) return;
        expect(result.data.value).toMatch(/^(\+254[17][0-9]{8}|[0-9]{1,9}|[A-Z0-9]{7,9}|[AP][0-9]{9}[A-Z])$/);
      }),
    );
  });
});

describe('masks on what a lookup shows', () => {
  it('shows initials and the last three digits only', () => {
    expect(maskName('Jane Wanjiku Kamau')).toBe('J*** W*** K***');
    expect(maskPhone('+254712345457')).toBe('07•• ••• 457');
    expect(maskEmail('jane.kamau@gmail.com')).toBe('j•••@gmail.com');
  });

  it('shows nothing for hostile or broken stored values', () => {
    expect(maskName("Robert'); DROP TABLE citizens;--")).toBe('R*** D*** T*** c***');
    expect(maskName('x'.repeat(100_000))).toBe('x***');
    expect(maskPhone('not a phone')).toBe('');
    expect(maskPhone('+2547'.padEnd(10_000, '1'))).toBe('');
    expect(maskEmail('no-at-sign')).toBe('');
    expect(maskEmail('@gmail.com')).toBe('');
  });
});

describe('masking the replica\'s stored phone numbers', () => {
  it('gives what maskPhone gives for every number maskPhone accepts, without re-parsing E.164', () => {
    fc.assert(
      fc.property(fc.constantFrom('7', '1'), fc.stringMatching(/^[0-9]{8}$/), (first, rest) => {
        const phone = `+254${first}${rest}`;
        const reference = maskPhone(phone);
        // The replica's numbers come from the back office; the fast path trusts their form.
        if (reference) expect(maskStoredPhone(phone)).toBe(reference);
        expect(maskStoredPhone(phone)).toMatch(/^0[17]•• ••• [0-9]{3}$/);
      }),
    );
  });

  it('falls back to maskPhone for anything else, and shows nothing for junk', () => {
    expect(maskStoredPhone('0712345457')).toBe('07•• ••• 457');
    expect(maskStoredPhone(null)).toBeNull();
    expect(maskStoredPhone("+254' OR 1=1")).toBeNull();
  });
});

describe('masking the replica\'s stored names', () => {
  it('gives exactly what maskName gives, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 })), (name) => {
        expect(maskStoredName(name)).toBe(maskName(name));
      }),
      { numRuns: 2000 },
    );
    expect(maskStoredName('Jane Wanjiku Kamau')).toBe('J*** W*** K***');
    expect(maskStoredName("'Abdi (Hassan)\tO'Brien")).toBe('A*** H*** O***');
    expect(maskStoredName('Ñandú Éowyn')).toBe('Ñ*** É***');
  });
});

describe('expiry status', () => {
  it.each([
    [null, 'none'],
    ['2026-11-21', 'expired'],
    ['2026-11-22', 'expiring'],
    ['2026-12-22', 'expiring'],
    ['2026-12-23', 'valid'],
  ] as const)('%j on 2026-11-22 with 30 days notice → %s', (expiresOn, status) => {
    expect(expiryStatus(expiresOn, '2026-11-22', 30)).toBe(status);
  });

  it('counts days in Kenya, not in UTC', () => {
    expect(kenyaDate(new Date('2026-11-21T21:30:00Z'))).toBe('2026-11-22');
    expect(kenyaDate(new Date('2026-11-21T20:59:59Z'))).toBe('2026-11-21');
  });
});
