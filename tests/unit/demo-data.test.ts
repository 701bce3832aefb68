import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { DEMO_PEOPLE } from '../../electron/demo/demo-people';
import { ensureDemoDatabase } from '../../electron/demo/ensure-demo-database';
import { FEE_CATALOGUE } from '../../electron/demo/fee-catalogue';
import { seedDemoData } from '../../electron/demo/generate';
import { CHRISTIAN_NAMES, COMMUNITIES, MUSLIM_NAMES } from '../../electron/demo/names';

const NOW = new Date('2026-03-01T09:00:00Z');
/** The Nairobi date of NOW (12:00 in Nairobi). */
const TODAY = '2026-03-01';
const CITIZENS = 2_000;
const TABLES = ['citizens', 'accounts', 'driving_licences', 'vehicles', 'fines', 'fees'] as const;

const FORMATS = {
  phone: /^\+254(7|1)\d{8}$/,
  plate: /^K[A-HJ-NP-Z]{2} \d{3}[A-HJ-NP-Z]$/,
  individualKraPin: /^A\d{9}[A-Z]$/,
  businessKraPin: /^P\d{9}[A-Z]$/,
  passport: /^[A-Z0-9]{7,9}$/,
  idNumber: /^\d{7,8}$/,
  idSerial: /^[A-Z0-9]{9}$/,
  email: /^[a-z]+\.[a-z]+\d+@(gmail|yahoo|outlook)\.com$/,
  fineReference: /^NTSA-F-\d+$/,
  isoDate: /^\d{4}-\d{2}-\d{2}$/,
};

function seeded(seed: number, citizens = CITIZENS): Db {
  const db = openDatabase(':memory:');
  seedDemoData(db, { citizens, seed, now: NOW });
  return db;
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('query returned no row');
  return value;
}

function dump(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
}

function column(db: Db, sql: string, ...params: unknown[]): unknown[] {
  return db.prepare(sql).pluck().all(...params);
}

function expectAllMatch(values: unknown[], format: RegExp): void {
  const misfits = values.filter((value) => typeof value !== 'string' || !format.test(value));
  expect(misfits).toEqual([]);
}

function expectUnique(db: Db, table: string, col: string): void {
  const row = db
    .prepare<[], { total: number; distinct: number }>(
      `SELECT count(${col}) AS total, count(DISTINCT ${col}) AS "distinct" FROM ${table}`,
    )
    .get();
  expect(row?.total).toBeGreaterThan(0);
  expect(row?.distinct).toBe(row?.total);
}

describe('seedDemoData', () => {
  let db: Db;

  beforeAll(() => {
    db = seeded(7);
  });

  afterAll(() => {
    db.close();
  });

  it('reports what it wrote and writes exactly the requested citizens, ids 1..N', () => {
    const fresh = openDatabase(':memory:');
    const report = seedDemoData(fresh, { citizens: CITIZENS, seed: 7, now: NOW });
    const count = (table: string) => fresh.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(report).toMatchObject({
      citizens: CITIZENS,
      accounts: count('accounts'),
      licences: count('driving_licences'),
      vehicles: count('vehicles'),
      fines: count('fines'),
      fees: FEE_CATALOGUE.length,
    });
    expect(report.rowsPerSecond).toBeGreaterThan(0);
    expect(fresh.prepare('SELECT min(id), max(id), count(*) FROM citizens').raw().get()).toEqual([1, CITIZENS, CITIZENS]);
    fresh.close();
  });

  it('is deterministic: the same seed and time give identical rows', () => {
    const again = seeded(7);
    expect(dump(again)).toEqual(dump(db));
    again.close();
  });

  it('gives different random citizens for a different seed, but the same demo people', () => {
    const other = seeded(8);
    const randomPart = (d: Db) => d.prepare('SELECT * FROM citizens WHERE id > ? ORDER BY id').all(DEMO_PEOPLE.length);
    expect(randomPart(other)).not.toEqual(randomPart(db));
    const demoPart = (d: Db) => d.prepare('SELECT * FROM citizens WHERE id <= ? ORDER BY id').all(DEMO_PEOPLE.length);
    expect(demoPart(other)).toEqual(demoPart(db));
    other.close();
  });

  it('writes identifiers in Kenyan formats', () => {
    expectAllMatch(column(db, 'SELECT phone FROM citizens WHERE phone IS NOT NULL'), FORMATS.phone);
    expectAllMatch(column(db, 'SELECT plate FROM vehicles'), FORMATS.plate);
    expectAllMatch(column(db, 'SELECT kra_pin FROM citizens WHERE kra_pin IS NOT NULL'), FORMATS.individualKraPin);
    expectAllMatch(
      column(db, "SELECT kra_pin FROM accounts WHERE account_type = 'business'"),
      FORMATS.businessKraPin,
    );
    expectAllMatch(column(db, 'SELECT passport_number FROM citizens WHERE passport_number IS NOT NULL'), FORMATS.passport);
    expectAllMatch(column(db, 'SELECT id_number FROM citizens'), FORMATS.idNumber);
    expectAllMatch(column(db, 'SELECT id_serial FROM citizens'), FORMATS.idSerial);
    expectAllMatch(column(db, 'SELECT reference FROM fines'), FORMATS.fineReference);
    expectAllMatch(
      column(db, 'SELECT email FROM citizens WHERE email IS NOT NULL AND id > ?', DEMO_PEOPLE.length),
      FORMATS.email,
    );
    expectAllMatch(column(db, 'SELECT date_of_birth FROM citizens'), FORMATS.isoDate);
  });

  it('keeps dates of birth from 1950 to 2007 and mostly 8-digit ID numbers', () => {
    const row = must(
      db
        .prepare<[], { first: string; last: string; eightDigits: number }>(
          'SELECT min(date_of_birth) AS first, max(date_of_birth) AS last, avg(length(id_number) = 8) AS eightDigits FROM citizens',
        )
        .get(),
    );
    expect(row.first >= '1950-01-01').toBe(true);
    expect(row.last <= '2007-12-31').toBe(true);
    expect(row.eightDigits).toBeGreaterThan(0.6);
  });

  it('has roughly the shares the demo needs', () => {
    const share = (sql: string) => Number(db.prepare(sql).pluck().get());
    expect(share('SELECT avg(phone IS NULL) FROM citizens')).toBeCloseTo(0.05, 1);
    expect(share('SELECT avg(email IS NOT NULL) FROM citizens')).toBeCloseTo(0.6, 1);
    expect(share('SELECT avg(passport_number IS NOT NULL) FROM citizens')).toBeCloseTo(0.15, 1);
    expect(share('SELECT avg(kra_pin IS NOT NULL) FROM citizens')).toBeCloseTo(0.4, 1);
    const perCitizen = (table: string, col: string) =>
      share(`SELECT count(DISTINCT ${col}) * 1.0 / (SELECT count(*) FROM citizens) FROM ${table}`);
    expect(perCitizen('driving_licences', 'citizen_id')).toBeCloseTo(0.45, 1);
    expect(perCitizen('vehicles', 'owner_citizen_id')).toBeCloseTo(0.3, 1);
    expect(perCitizen('fines', 'citizen_id')).toBeCloseTo(0.2, 1);
    expect(perCitizen('accounts', 'citizen_id')).toBe(1);
    expect(share("SELECT avg(status = 'unpaid') FROM fines")).toBeGreaterThan(0.5);
  });

  it('never repeats a unique identifier', () => {
    expectUnique(db, 'citizens', 'id_number');
    expectUnique(db, 'citizens', 'id_serial');
    expectUnique(db, 'citizens', 'phone');
    expectUnique(db, 'citizens', 'email');
    expectUnique(db, 'citizens', 'passport_number');
    expectUnique(db, 'citizens', 'kra_pin');
    expectUnique(db, 'accounts', 'kra_pin');
    expectUnique(db, 'driving_licences', 'licence_number');
    expectUnique(db, 'vehicles', 'plate');
    expectUnique(db, 'fines', 'reference');
  });

  it('matches random citizens’ sex to their first names', () => {
    const female = new Set<string>([...CHRISTIAN_NAMES.female, ...MUSLIM_NAMES.female, ...COMMUNITIES.flatMap((c) => c.female)]);
    const male = new Set<string>([...CHRISTIAN_NAMES.male, ...MUSLIM_NAMES.male, ...COMMUNITIES.flatMap((c) => c.male)]);
    expect([...female].filter((name) => male.has(name))).toEqual([]);
    const rows = db
      .prepare<[number], { first_name: string; sex: string }>('SELECT first_name, sex FROM citizens WHERE id > ?')
      .all(DEMO_PEOPLE.length);
    const mismatched = rows.filter((r) => !(r.sex === 'F' ? female : male).has(r.first_name));
    expect(mismatched).toEqual([]);
  });

  it('marks a licence valid through its expiry day and expired after it', () => {
    const inconsistent = db
      .prepare(
        `SELECT * FROM driving_licences
         WHERE status != CASE WHEN expires_on >= ? THEN 'valid' ELSE 'expired' END`,
      )
      .all(TODAY);
    expect(inconsistent).toEqual([]);
    const range = must(
      db
        .prepare<[], { first: string; last: string }>(
          'SELECT min(expires_on) AS first, max(expires_on) AS last FROM driving_licences',
        )
        .get(),
    );
    expect(range.first >= '2024-03-01').toBe(true);
    expect(range.last <= '2029-03-01').toBe(true);
  });

  it('keeps every reference valid: foreign keys, and fines only on the fined citizen’s own vehicles', () => {
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const strayFines = db
      .prepare(
        `SELECT f.id FROM fines f JOIN vehicles v ON v.id = f.vehicle_id WHERE v.owner_citizen_id != f.citizen_id`,
      )
      .all();
    expect(strayFines).toEqual([]);
  });

  it('writes the fee catalogue', () => {
    const fees = db.prepare('SELECT code, amount, convenience_fee FROM fees ORDER BY code').raw().all();
    expect(fees).toEqual([
      ['DL_RENEW_1Y', 600, 50],
      ['DL_RENEW_3Y', 1_400, 50],
      ['SMART_DL', 3_050, 0],
      ['VEHICLE_SEARCH', 550, 0],
    ]);
    const unnamed = db.prepare("SELECT code FROM fees WHERE name_en = '' OR name_sw = ''").all();
    expect(unnamed).toEqual([]);
  });

  it('refuses to seed a database that already has citizens, and leaves it untouched', () => {
    const before = dump(db);
    expect(() => seedDemoData(db, { citizens: 100, seed: 9, now: NOW })).toThrow(/already has 2000 citizens/);
    expect(dump(db)).toEqual(before);
  });

  it('rejects a citizen count it cannot honour', () => {
    const fresh = openDatabase(':memory:');
    expect(() => seedDemoData(fresh, { citizens: DEMO_PEOPLE.length - 1 })).toThrow(RangeError);
    expect(() => seedDemoData(fresh, { citizens: 10.5 })).toThrow(RangeError);
    fresh.close();
  });
});

describe('demo people', () => {
  let db: Db;

  beforeAll(() => {
    db = seeded(3);
  });

  afterAll(() => {
    db.close();
  });

  const citizen = (id: number) => db.prepare('SELECT * FROM citizens WHERE id = ?').get(id);

  it('are the first citizens, with their fixed values', () => {
    for (const person of DEMO_PEOPLE) {
      expect(citizen(person.id)).toMatchObject({
        id_number: person.idNumber,
        id_serial: person.idSerial,
        passport_number: person.passportNumber,
        kra_pin: person.kraPin,
        first_name: person.firstName,
        middle_name: person.middleName,
        last_name: person.lastName,
        date_of_birth: person.dateOfBirth,
        sex: person.sex,
        phone: person.phone,
        email: person.email,
      });
    }
  });

  it('include Jane Wanjiku Kamau with a valid licence, lapsed insurance and two unpaid fines', () => {
    expect(citizen(1)).toMatchObject({ first_name: 'Jane', id_number: '12345678', phone: '+254712345457' });
    expect(db.prepare('SELECT status FROM driving_licences WHERE citizen_id = 1').pluck().get()).toBe('valid');
    const vehicle = db
      .prepare<[], { plate: string; insurance_expires_on: string }>('SELECT * FROM vehicles WHERE owner_citizen_id = 1')
      .all();
    expect(vehicle.map((v) => v.plate)).toEqual(['KDA 123A']);
    expect(must(vehicle[0]).insurance_expires_on < TODAY).toBe(true);
    const fines = db.prepare("SELECT amount FROM fines WHERE citizen_id = 1 AND status = 'unpaid' ORDER BY amount");
    expect(fines.pluck().all()).toEqual([1_000, 2_000]);
  });

  it('include a man with an expired licence, a business account and someone with no phone or email', () => {
    const expired = db
      .prepare<[], { sex: string }>(
        `SELECT c.sex FROM citizens c JOIN driving_licences l ON l.citizen_id = c.id
         WHERE c.id <= ${DEMO_PEOPLE.length} AND l.status = 'expired'`,
      )
      .all();
    expect(expired.some((c) => c.sex === 'M')).toBe(true);
    expect(db.prepare("SELECT business_name FROM accounts WHERE kra_pin = 'P051234567X'").pluck().get()).toBeTruthy();
    const unreachable = db.prepare(
      `SELECT count(*) FROM citizens WHERE id <= ${DEMO_PEOPLE.length} AND phone IS NULL AND email IS NULL`,
    );
    expect(unreachable.pluck().get()).toBeGreaterThan(0);
  });

  it('include the holder of the ICAO specimen passport and ID card', () => {
    const specimen = db.prepare("SELECT * FROM citizens WHERE passport_number = 'L898902C3'").get();
    expect(specimen).toMatchObject({
      first_name: 'Anna',
      middle_name: 'Maria',
      last_name: 'Eriksson',
      date_of_birth: '1974-08-12',
      sex: 'F',
      id_serial: 'D23145890',
    });
  });

  it('are never duplicated by random citizens', () => {
    const plates = DEMO_PEOPLE.flatMap((p) => p.vehicles.map((v) => v.plate));
    const owners = db
      .prepare(`SELECT owner_citizen_id FROM vehicles WHERE plate IN (${plates.map(() => '?').join(', ')})`)
      .pluck()
      .all(...plates);
    expect(owners.every((id) => typeof id === 'number' && id <= DEMO_PEOPLE.length)).toBe(true);
    for (const person of DEMO_PEOPLE) {
      const ids = db.prepare('SELECT id FROM citizens WHERE id_number = ? OR phone = ? OR email = ?').pluck();
      expect(ids.all(person.idNumber, person.phone, person.email)).toEqual([person.id]);
    }
  });
});

describe('ensureDemoDatabase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-data-'));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds a missing database once, then leaves it alone', () => {
    const file = join(dir, 'nested', 'kiosk.sqlite');
    const first = ensureDemoDatabase(file, 50);
    expect(first.created).toBe(true);
    expect(first.report?.citizens).toBe(50);
    expect(ensureDemoDatabase(file, 50)).toEqual({ created: false });
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM citizens').pluck().get()).toBe(50);
    db.close();
  });
});
