import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseWithMrzPackage } from 'mrz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { isoDate, nairobiDay } from '../../electron/demo/calendar';
import { DEMO_DOCUMENTS } from '../../electron/demo/demo-documents';
import { DEMO_PEOPLE } from '../../electron/demo/demo-people';
import { seedDemoData } from '../../electron/demo/generate';
import { CardTerminalSimulator } from '../../electron/core/payments/card/card-terminal-simulator';
import { CitizenRecords } from '../../electron/core/recovery/citizen-records';
import { matchDocument } from '../../electron/core/recovery/document-match';
import { parseMrz } from '../../shared/mrz';

/**
 * The README's "Try it" section, walked as a new user would: every person it names is found
 * by what it says to search for, every document it lists reads with right check digits, is
 * valid on the demo's clock and matches its holder, and each card outcome has a bill.
 */
const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const tryIt = readme.slice(readme.indexOf('### Try it'), readme.indexOf("Staff and the day's records:"));

interface PersonRow {
  who: string;
  searchBy: string;
  whatToTry: string;
}

const people: PersonRow[] = tryIt
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| Who '))
  .map((line) => {
    const [who = '', searchBy = '', whatToTry = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return { who, searchBy, whatToTry };
  });

interface ListedDocument {
  holder: string;
  kind: 'passport' | 'idCard';
  number: string;
  mrz: string[];
}

const documentBlock = /```text\n([\s\S]*?)```/.exec(tryIt)?.[1] ?? '';
const documents: ListedDocument[] = documentBlock
  .trim()
  .split(/\n\s*\n/)
  .map((group) => {
    const [heading = '', ...mrz] = group.trim().split('\n');
    const [, holder = '', kind = '', number = ''] = /^(.+), (passport|ID card) (\w+)$/.exec(heading) ?? [];
    return { holder, kind: kind === 'passport' ? 'passport' : 'idCard', number, mrz };
  });

const fullName = (person: (typeof DEMO_PEOPLE)[number]) => [person.firstName, person.middleName, person.lastName].filter(Boolean).join(' ');
const personNamed = (name: string) => DEMO_PEOPLE.find((person) => fullName(person) === name);

/** The demo's clock: `npm run demo` seeds with the current time, and recovery judges expiry on the Kenyan day. */
const now = new Date();
const today = isoDate(nairobiDay(now));
const inAYear = isoDate(nairobiDay(now) + 365);

let db: Db;
beforeAll(() => {
  db = openDatabase(':memory:');
  seedDemoData(db, { citizens: 200, seed: 1, now });
});
afterAll(() => db.close());

describe("the README's demo people", () => {
  it('are every demo person, each under their full name and with the ID number they are found by', () => {
    expect(people.map((row) => row.who)).toEqual(DEMO_PEOPLE.map(fullName));
    for (const row of people) expect(row.searchBy).toContain(`ID ${personNamed(row.who)?.idNumber}`);
  });

  it('are found by every identifier their row gives', () => {
    const found = (sql: string, ...values: string[]) => db.prepare<string[], { id: number }>(sql).get(...values)?.id;
    for (const row of people) {
      const id = personNamed(row.who)?.id;
      const identifiers = row.searchBy.split(', ');
      expect(identifiers.length).toBeGreaterThan(0);
      for (const identifier of identifiers) {
        const [, kind = '', value = ''] = /^(ID|phone|passport|KRA PIN) (.+)$/.exec(identifier) ?? [];
        const byKind: Record<string, number | undefined> = {
          'ID': found('SELECT id FROM citizens WHERE id_number = ?', value),
          'phone': found('SELECT id FROM citizens WHERE phone = ?', `+254${value.replace(/\s/g, '').slice(1)}`),
          'passport': found('SELECT id FROM citizens WHERE passport_number = ?', value),
          // A business's PIN is on its account, a person's on the citizen.
          'KRA PIN': found('SELECT id FROM citizens WHERE kra_pin = ? UNION SELECT citizen_id FROM accounts WHERE kra_pin = ?', value, value),
        };
        expect(byKind[kind], `${row.who}: ${identifier}`).toBe(id);
      }
    }
  });
});

describe("the README's demo documents", () => {
  it('are exactly the demo documents, in order', () => {
    expect(documents).toEqual(
      DEMO_DOCUMENTS.map((document) => ({
        holder: fullName(DEMO_PEOPLE.find((person) => person.id === document.holder)!),
        kind: document.kind,
        number: document.number,
        mrz: [...document.mrz],
      })),
    );
  });

  it.each(documents.map((document) => [`${document.holder}'s ${document.kind} ${document.number}`, document] as const))(
    "%s: check digits right (for the kiosk and the mrz package), valid for a year yet, and its holder's",
    (_, listed) => {
      const read = parseMrz(listed.mrz.join('\n'), { now });
      if (!read.ok) throw new Error(`does not read: ${read.reason} ${read.field ?? ''}`);
      // The mrz package also knows the real state codes, which the specimens' Utopia (UTO) is not.
      const checkDigits = parseWithMrzPackage(listed.mrz).details.filter((detail) => detail.field?.endsWith('CheckDigit'));
      expect(checkDigits.length).toBeGreaterThanOrEqual(4);
      expect(checkDigits.filter((detail) => !detail.valid).map((detail) => detail.field)).toEqual([]);
      expect(read.documentNumber).toBe(listed.number);
      expect(read.expiryDate > inAYear, `expires ${read.expiryDate}`).toBe(true);
      const holder = personNamed(listed.holder);
      const record = new CitizenRecords(db).withAccountByIdNumber(holder?.idNumber ?? '');
      expect(record).toBeDefined();
      expect(matchDocument(read, record!, today)).toEqual([]);
    },
  );
});

describe("the README's card outcomes", () => {
  const row = () => people.find((person) => person.whatToTry.startsWith('card outcomes'));
  const OUTCOMES = { 'declined': 'declined', 'times out': 'timeout', 'cancelled at the terminal': 'cancelled' } as const;

  it('name an unpaid demo fine for each refusal the card simulator makes, and the simulator makes it', async () => {
    const listed = [...(row()?.whatToTry ?? '').matchAll(/(NTSA-F-\d+) \(KES ([\d,]+): ([a-z ]+)\)/g)];
    expect(listed.map((match) => match[3])).toEqual(Object.keys(OUTCOMES));
    const terminal = new CardTerminalSimulator();
    for (const [, reference = '', amount = '', outcome = ''] of listed) {
      const fine = db.prepare<[string], { amount: number; status: string; citizen_id: number }>('SELECT amount, status, citizen_id FROM fines WHERE reference = ?').get(reference);
      expect(fine).toEqual({ amount: Number(amount.replace(',', '')), status: 'unpaid', citizen_id: personNamed(row()?.who ?? '')?.id });
      const charged = await terminal.charge({ amount: fine!.amount, reference, idempotencyKey: reference });
      expect(charged).toEqual({ approved: false, reason: OUTCOMES[outcome as keyof typeof OUTCOMES] });
    }
  });
});
