import { BitSet } from './bit-set';
import type { Random } from './random';

/**
 * Each identifier format is a numbered space: the generator draws a code, remembers it in
 * a bit set, and formats it. `parse` maps a fixed value (a demo person's) back to its code
 * so it is never drawn; values the format could never produce parse to null.
 */
interface IdentifierFormat {
  /** Codes run from 0 to size - 1. */
  readonly size: number;
  format(code: number): string;
  parse(value: string): number | null;
}

/** Letters on Kenyan number plates: I and O are never used (they read as 1 and 0). */
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Registration series in use: KAA… to KDx… */
const PLATE_SERIES = 'ABCD';
const PLATE_NUMBERS = 999;
const PASSPORT_PREFIXES = ['AK', 'BK', 'CK'] as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const inRange = (n: number, size: number): number | null => (n >= 0 && n < size ? n : null);
/** Real KRA PINs end in a check letter; here it is derived from the digits so a code has one PIN. */
const checkLetter = (code: number): string => LETTERS.charAt(code % LETTERS.length);

/** The number itself; 7 digits for older citizens, 8 for most. */
const ID_NUMBER: IdentifierFormat = {
  size: 40_000_000,
  format: (code) => String(code),
  parse: (value) => (/^[1-9]\d{6,7}$/.test(value) ? inRange(Number(value), 40_000_000) : null),
};
const SEVEN_DIGIT_ID_NUMBERS = [1_000_000, 9_999_999] as const;
const EIGHT_DIGIT_ID_NUMBERS = [10_000_000, 39_999_999] as const;

/** 9-digit card serials from 100000000 to 299999999. */
const ID_SERIAL: IdentifierFormat = {
  size: 200_000_000,
  format: (code) => String(100_000_000 + code),
  parse: (value) => (/^\d{9}$/.test(value) ? inRange(Number(value) - 100_000_000, 200_000_000) : null),
};

/** Codes below 100M are +2547XXXXXXXX; the next 20M are the newer +25410/+25411 ranges. */
const PHONE: IdentifierFormat = {
  size: 120_000_000,
  format: (code) => (code < 100_000_000 ? `+2547${pad(code, 8)}` : `+2541${pad(code - 100_000_000, 8)}`),
  parse: (value) => {
    const match = /^\+254([71])(\d{8})$/.exec(value);
    if (!match) return null;
    const rest = Number(match[2]);
    return match[1] === '7' ? rest : rest < 20_000_000 ? 100_000_000 + rest : null;
  },
};
const SEVEN_PREFIX_PHONES = [0, 99_999_999] as const;
const ONE_PREFIX_PHONES = [100_000_000, 119_999_999] as const;

const PASSPORT: IdentifierFormat = {
  size: PASSPORT_PREFIXES.length * 10_000_000,
  format: (code) => `${PASSPORT_PREFIXES[Math.floor(code / 10_000_000)] ?? ''}${pad(code % 10_000_000, 7)}`,
  parse: (value) => {
    const prefix = PASSPORT_PREFIXES.findIndex((p) => value.startsWith(p));
    return prefix >= 0 && /^[A-Z]{2}\d{7}$/.test(value) ? prefix * 10_000_000 + Number(value.slice(2)) : null;
  },
};

/** Individuals: A0 + 8 digits + letter. */
const INDIVIDUAL_KRA_PIN: IdentifierFormat = {
  size: 100_000_000,
  format: (code) => `A0${pad(code, 8)}${checkLetter(code)}`,
  parse: (value) => (/^A0\d{8}[A-Z]$/.test(value) ? Number(value.slice(2, 10)) : null),
};

/** Companies: P05 + 7 digits + letter. */
const BUSINESS_KRA_PIN: IdentifierFormat = {
  size: 10_000_000,
  format: (code) => `P05${pad(code, 7)}${checkLetter(code)}`,
  parse: (value) => (/^P05\d{7}[A-Z]$/.test(value) ? Number(value.slice(3, 10)) : null),
};

/** K + series letter + letter, space, 001-999, letter: 'KDA 123A'. */
const PLATE: IdentifierFormat = {
  size: PLATE_SERIES.length * PLATE_LETTERS.length * PLATE_NUMBERS * PLATE_LETTERS.length,
  format: (code) => {
    const last = code % PLATE_LETTERS.length;
    const rest = Math.floor(code / PLATE_LETTERS.length);
    const number = (rest % PLATE_NUMBERS) + 1;
    const prefix = Math.floor(rest / PLATE_NUMBERS);
    const series = PLATE_SERIES.charAt(Math.floor(prefix / PLATE_LETTERS.length));
    const second = PLATE_LETTERS.charAt(prefix % PLATE_LETTERS.length);
    return `K${series}${second} ${pad(number, 3)}${PLATE_LETTERS.charAt(last)}`;
  },
  parse: (value) => {
    const match = /^K([A-D])([A-HJ-NP-Z]) (\d{3})([A-HJ-NP-Z])$/.exec(value);
    if (!match) return null;
    const [, series = '', second = '', digits = '', last = ''] = match;
    const number = Number(digits);
    if (number < 1) return null;
    const prefix = PLATE_SERIES.indexOf(series) * PLATE_LETTERS.length + PLATE_LETTERS.indexOf(second);
    return (prefix * PLATE_NUMBERS + number - 1) * PLATE_LETTERS.length + PLATE_LETTERS.indexOf(last);
  },
};

const LICENCE_NUMBER: IdentifierFormat = {
  size: 10_000_000,
  format: (code) => `DL-${pad(code, 7)}`,
  parse: (value) => (/^DL-\d{7}$/.test(value) ? Number(value.slice(3)) : null),
};

const FINE_REFERENCE: IdentifierFormat = {
  size: 100_000_000,
  format: (code) => `NTSA-F-${pad(code, 8)}`,
  parse: (value) => (/^NTSA-F-\d{8}$/.test(value) ? Number(value.slice(7)) : null),
};

/** Attempts before giving up; only reached if a space is nearly full. */
const MAX_ATTEMPTS = 1_000;

class Namespace {
  private readonly taken: BitSet;

  constructor(private readonly identifier: IdentifierFormat) {
    this.taken = new BitSet(identifier.size);
  }

  reserve(value: string): void {
    const code = this.identifier.parse(value);
    if (code !== null) this.taken.add(code);
  }

  /** A fresh value whose code lies from `from` to `to` (default: the whole space). */
  draw(random: Random, from = 0, to = this.identifier.size - 1): string {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const code = random.int(from, to);
      if (!this.taken.has(code)) {
        this.taken.add(code);
        return this.identifier.format(code);
      }
    }
    throw new Error(`no unused identifier left after ${MAX_ATTEMPTS} attempts (e.g. ${this.identifier.format(from)})`);
  }
}

export type IdentifierKind =
  | 'idNumber'
  | 'idSerial'
  | 'phone'
  | 'email'
  | 'passport'
  | 'kraPin'
  | 'plate'
  | 'licenceNumber'
  | 'fineReference';

/**
 * Hands out identifiers that were not handed out before, for every column the schema (or a
 * lookup) treats as unique. Values reserved first, such as the demo people's, are never drawn.
 */
export class UniqueIdentifiers {
  private readonly idNumbers = new Namespace(ID_NUMBER);
  private readonly idSerials = new Namespace(ID_SERIAL);
  private readonly phones = new Namespace(PHONE);
  private readonly passports = new Namespace(PASSPORT);
  private readonly individualKraPins = new Namespace(INDIVIDUAL_KRA_PIN);
  private readonly businessKraPins = new Namespace(BUSINESS_KRA_PIN);
  private readonly plates = new Namespace(PLATE);
  private readonly licenceNumbers = new Namespace(LICENCE_NUMBER);
  private readonly fineReferences = new Namespace(FINE_REFERENCE);
  /** Addresses are free text, so they are kept as strings. */
  private readonly emails = new Set<string>();

  private readonly byKind: Record<Exclude<IdentifierKind, 'email'>, readonly Namespace[]> = {
    idNumber: [this.idNumbers],
    idSerial: [this.idSerials],
    phone: [this.phones],
    passport: [this.passports],
    // A PIN goes to both; each format ignores the other's PINs.
    kraPin: [this.individualKraPins, this.businessKraPins],
    plate: [this.plates],
    licenceNumber: [this.licenceNumbers],
    fineReference: [this.fineReferences],
  };

  constructor(private readonly random: Random) {}

  reserve(kind: IdentifierKind, value: string | null): void {
    if (value === null) return;
    if (kind === 'email') this.emails.add(value);
    else for (const space of this.byKind[kind]) space.reserve(value);
  }

  idNumber(older: boolean): string {
    // Many citizens born before 1970 registered when numbers had 7 digits.
    const [from, to] = this.random.chance(older ? 0.6 : 0.03) ? SEVEN_DIGIT_ID_NUMBERS : EIGHT_DIGIT_ID_NUMBERS;
    return this.idNumbers.draw(this.random, from, to);
  }

  idSerial(): string {
    return this.idSerials.draw(this.random);
  }

  phone(): string {
    const [from, to] = this.random.chance(0.85) ? SEVEN_PREFIX_PHONES : ONE_PREFIX_PHONES;
    return this.phones.draw(this.random, from, to);
  }

  passport(): string {
    return this.passports.draw(this.random);
  }

  individualKraPin(): string {
    return this.individualKraPins.draw(this.random);
  }

  businessKraPin(): string {
    return this.businessKraPins.draw(this.random);
  }

  plate(): string {
    return this.plates.draw(this.random);
  }

  licenceNumber(): string {
    return this.licenceNumbers.draw(this.random);
  }

  fineReference(): string {
    return this.fineReferences.draw(this.random);
  }

  /** `local` + digits + `@domain`, redrawing the digits until the address is unused. */
  email(local: string, domain: string): string {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const suffix = this.random.chance(0.5) ? this.random.digits(2) : String(this.random.int(1, 9_999));
      const email = `${local}${suffix}@${domain}`;
      if (!this.emails.has(email)) {
        this.emails.add(email);
        return email;
      }
    }
    throw new Error(`no unused email address left for ${local}…@${domain}`);
  }
}
