import Database from 'better-sqlite3';
import { parse as parseWithMrzPackage } from 'mrz';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { manualClock } from '../../electron/core/clock';
import { replicaTables } from '../../electron/core/db/migrations/001-replica';
import { localTables } from '../../electron/core/db/migrations/002-local';
import { recoveryTables } from '../../electron/core/db/migrations/006-recovery';
import { recoveryEmail } from '../../electron/core/db/migrations/007-recovery-email';
import type { Db } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/core/demo/generate';
import { KioskError } from '../../electron/core/errors';
import { Outbox } from '../../electron/core/outbox/outbox';
import { CitizenRecords, type CitizenRecord } from '../../electron/core/recovery/citizen-records';
import { matchDocument } from '../../electron/core/recovery/document-match';
import { FailureLimit } from '../../electron/core/recovery/failure-limit';
import { endOfKenyaDay, kenyaDay } from '../../electron/core/recovery/kenya-day';
import { answersCorrect, questionsFor } from '../../electron/core/recovery/knowledge-check';
import { RecoveryRequests } from '../../electron/core/recovery/recovery-requests';
import { parseMrz, type MrzDocument } from '../../shared/mrz';
import { ANNA_SPECIMEN_PASSPORT, GRACE_ID_CARD, JANE_PASSPORT, MOHAMED_PASSPORT } from '../support/recovery-documents';

const SEEDED_AT = new Date('2026-11-22T06:00:00Z');
const TODAY = '2026-11-22';
const clerk = { staffId: 'clerk-7', name: 'Wanjiru Clerk', role: 'clerk' as const, shiftId: null };

/** The replica and local tables with this feature's migrations on top, seeded with the demo people. */
function recoveryDatabase(): Db {
  const db = new Database(':memory:');
  for (const migration of [replicaTables, localTables, recoveryTables, recoveryEmail]) db.exec(migration.up);
  seedDemoData(db, { citizens: 20, seed: 7, now: SEEDED_AT });
  return db;
}

function read(lines: readonly string[]): MrzDocument {
  const result = parseMrz(lines.join('\n'), { now: SEEDED_AT });
  if (!result.ok) throw new Error(`fixture does not parse: ${result.reason} ${result.field ?? ''}`);
  return result;
}

function record(db: Db, idNumber: string): CitizenRecord {
  const found = new CitizenRecords(db).withAccountByIdNumber(idNumber);
  if (!found) throw new Error(`no demo citizen ${idNumber}`);
  return found;
}

describe('Kenyan days', () => {
  it('turn at midnight in Nairobi (21:00 UTC), whatever the machine zone', () => {
    expect(kenyaDay(new Date('2026-11-22T20:59:59Z'))).toBe('2026-11-22');
    expect(kenyaDay(new Date('2026-11-22T21:00:00Z'))).toBe('2026-11-23');
    expect(endOfKenyaDay(new Date('2026-11-22T06:00:00Z')).toISOString()).toBe('2026-11-22T21:00:00.000Z');
    expect(endOfKenyaDay(new Date('2026-11-22T22:00:00Z')).toISOString()).toBe('2026-11-23T21:00:00.000Z');
  });
});

describe('the test documents', () => {
  it.each([
    ['Jane’s passport', JANE_PASSPORT],
    ['Grace’s ID card', GRACE_ID_CARD],
    ['Mohamed’s passport', MOHAMED_PASSPORT],
  ] as const)('%s has check digits the mrz package accepts too', (_, lines) => {
    expect(parseWithMrzPackage([...lines]).valid).toBe(true);
  });
});

describe('matching a document against the replica', () => {
  let db: Db;
  beforeEach(() => {
    db = recoveryDatabase();
  });

  it('accepts the holder’s own passport and ID card', () => {
    expect(matchDocument(read(JANE_PASSPORT), record(db, '12345678'), TODAY)).toEqual([]);
    expect(matchDocument(read(GRACE_ID_CARD), record(db, '27654321'), TODAY)).toEqual([]);
    expect(matchDocument(read(MOHAMED_PASSPORT), record(db, '29876543'), TODAY)).toEqual([]);
  });

  it('names every kind of disagreement with someone else’s document', () => {
    expect(matchDocument(read(JANE_PASSPORT), record(db, '29876543'), TODAY)).toEqual(['documentNumber', 'names', 'birthDate']);
  });

  it('reads the ICAO specimen against Anna Eriksson’s record: all matches but the 2012 expiry', () => {
    expect(matchDocument(read(ANNA_SPECIMEN_PASSPORT), record(db, '34567890'), TODAY)).toEqual(['expired']);
    // The document is still valid on its expiry day.
    expect(matchDocument(read(ANNA_SPECIMEN_PASSPORT), record(db, '34567890'), '2012-04-15')).toEqual([]);
  });

  it('compares an ID card with the card serial and a passport with the passport number', () => {
    const grace = record(db, '27654321');
    expect(matchDocument(read(GRACE_ID_CARD), { ...grace, idSerial: '999999999' }, TODAY)).toEqual(['documentNumber']);
    expect(matchDocument(read(GRACE_ID_CARD), { ...grace, passportNumber: '456789123', idSerial: null }, TODAY)).toEqual(['documentNumber']);
  });

  it('writes names the way the MRZ does: upper case, accents dropped, hyphens as separators', () => {
    const jane = record(db, '12345678');
    expect(matchDocument(read(JANE_PASSPORT), { ...jane, firstName: 'Jané', lastName: 'kamau' }, TODAY)).toEqual([]);
    expect(matchDocument(read(JANE_PASSPORT), { ...jane, middleName: null }, TODAY)).toEqual(['names']);
    expect(matchDocument(read(JANE_PASSPORT), { ...jane, lastName: 'Kamau-Otieno' }, TODAY)).toEqual(['names']);
  });

  it('accepts a name cut short only when the name field is full', () => {
    const jane = record(db, '12345678');
    const long = { ...jane, firstName: 'Jane', middleName: 'Wanjiku Nyambura Wairimu Achieng', lastName: 'Kamau' };
    // 'KAMAU<<JANE<WANJIKU<NYAMBURA<WAIRIMU<AC' fills all 39 characters.
    const truncated = ['P<KENKAMAU<<JANE<WANJIKU<NYAMBURA<WAIRIMU<AC', JANE_PASSPORT[1]];
    expect(matchDocument(read(truncated), long, TODAY)).toEqual([]);
    const shortButFull = ['P<KENKAMAU<<JANE<WANJIKU<NYAMBURA<WAIRIMU<<<', JANE_PASSPORT[1]];
    expect(matchDocument(read(shortButFull), long, TODAY)).toEqual(['names']);
  });
});

describe('the knowledge check', () => {
  it('asks the licence year only of someone with a licence, in the configured order', () => {
    const db = recoveryDatabase();
    expect(questionsFor(record(db, '12345678'), ['birthDate', 'licenceYear'])).toEqual(['birthDate', 'licenceYear']);
    expect(questionsFor(record(db, '12345678'), ['licenceYear', 'birthDate'])).toEqual(['licenceYear', 'birthDate']);
    expect(questionsFor(record(db, '34567890'), ['birthDate', 'licenceYear'])).toEqual(['birthDate']);
    expect(questionsFor(record(db, '34567890'), ['licenceYear'])).toEqual([]);
  });

  it('needs every question answered right', () => {
    const db = recoveryDatabase();
    const jane = record(db, '12345678');
    const licenceYear = jane.licenceIssuedOn!.slice(0, 4);
    const both = ['birthDate', 'licenceYear'] as const;
    expect(answersCorrect(jane, both, { birthDate: '15041988', licenceYear })).toBe(true);
    expect(answersCorrect(jane, both, { birthDate: '15041988' })).toBe(false);
    expect(answersCorrect(jane, both, { birthDate: '19880415', licenceYear })).toBe(false);
    expect(answersCorrect(jane, both, { birthDate: '15041988', licenceYear: String(Number(licenceYear) - 1) })).toBe(false);
    expect(answersCorrect(jane, ['birthDate'], { birthDate: '15041988', licenceYear: '1900' })).toBe(true);
  });
});

describe('failed checks per ID number per day', () => {
  it('counts across visits, per ID number, and starts again the next Kenyan day', () => {
    const db = recoveryDatabase();
    const clock = manualClock('2026-11-22T20:00:00Z'); // 23:00 in Nairobi
    const limit = new FailureLimit(db, clock, 3);
    expect(limit.attemptsLeft('id-a')).toBe(3);
    expect(limit.record('id-a', 'document')).toBe(2);
    expect(limit.record('id-a', 'knowledge')).toBe(1);
    expect(limit.attemptsLeft('id-b')).toBe(3);
    expect(limit.record('id-a', 'document')).toBe(0);
    expect(limit.record('id-a', 'document')).toBe(0);
    clock.advance(59 * 60_000);
    expect(limit.attemptsLeft('id-a')).toBe(0);
    clock.advance(60_000); // midnight in Nairobi
    expect(limit.attemptsLeft('id-a')).toBe(3);
  });
});

describe('recovery requests', () => {
  let db: Db;
  let clock: ReturnType<typeof manualClock>;
  let requests: RecoveryRequests;
  const outboxRows = () => db.prepare('SELECT type, payload FROM outbox').all() as { type: string; payload: string }[];
  const auditRows = () =>
    db.prepare("SELECT actor, action, outcome, subject, details FROM audit_log WHERE action LIKE 'recovery.%' ORDER BY id").all() as {
      actor: string;
      action: string;
      outcome: string;
      subject: string;
      details: string;
    }[];
  const newRequest = () =>
    requests.create({
      citizenId: 1,
      idHash: 'hash-of-12345678',
      visitId: 'visit-1',
      documentFormat: 'TD3',
      mrzHash: 'mrz-hash',
      newPhone: '+254798765432',
    });

  beforeEach(() => {
    db = recoveryDatabase();
    clock = manualClock('2026-11-22T07:00:00Z');
    const audit = new AuditLog(db, clock);
    requests = new RecoveryRequests(db, clock, audit, new Outbox(db, clock), new CitizenRecords(db), 'kiosk-test');
  });

  it('are pending until the end of the Kenyan day, shown to the clerk with the record', () => {
    const created = newRequest();
    expect(created.reference).toMatch(/^RC-[2-9A-Z]{6}$/);
    expect(created.expiresAt).toBe('2026-11-22T21:00:00.000Z');
    expect(requests.pending()).toEqual([
      expect.objectContaining({
        requestId: created.id,
        reference: created.reference,
        fullName: 'Jane Wanjiku Kamau',
        dateOfBirth: '1988-04-15',
        idNumber: '12345678',
        documentFormat: 'TD3',
        documentNumberOnRecord: 'AK1234567',
        maskedNewPhone: '07•• ••• 432',
      }),
    ]);
    expect(outboxRows()).toEqual([]);
  });

  it('approval writes exactly one event with the new phone, and an audit row naming the clerk', () => {
    const { id, reference } = newRequest();
    requests.decide(id, { status: 'approved' }, clerk);
    const events = outboxRows();
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('account.recovery.approved');
    expect(JSON.parse(events[0]!.payload)).toEqual({
      requestId: id,
      reference,
      kioskId: 'kiosk-test',
      idNumber: '12345678',
      newContact: { phone: '+254798765432' },
      verifiedBy: { document: 'passport', mrzHash: 'mrz-hash' },
      approvedBy: { staffId: 'clerk-7', shiftId: null },
      approvedAt: '2026-11-22T07:00:00.000Z',
    });
    expect(auditRows()).toEqual([
      expect.objectContaining({ actor: 'staff:clerk-7', action: 'recovery.decision', outcome: 'approved', subject: 'hash-of-12345678' }),
    ]);
    const row = db.prepare('SELECT status, new_phone, decided_by FROM recovery_requests').get();
    expect(row).toEqual({ status: 'approved', new_phone: null, decided_by: 'clerk-7' });
    expect(requests.pending()).toEqual([]);

    // A second decision on the same request is refused and changes nothing.
    expect(() => requests.decide(id, { status: 'approved' }, clerk)).toThrow(KioskError);
    expect(() => requests.decide(id, { status: 'rejected', reason: 'other' }, clerk)).toThrow('recovery.requestDecided');
    expect(outboxRows()).toHaveLength(1);
    expect(auditRows()).toHaveLength(1);
  });

  it('rejection records the reason and the clerk, drops the new phone and email, and sends nothing', () => {
    const { id } = newRequest();
    requests.addEmail(id, 'jane.kamau@example.com');
    requests.decide(id, { status: 'rejected', reason: 'photo-differs' }, clerk);
    expect(outboxRows()).toEqual([]);
    expect(db.prepare('SELECT status, new_phone, new_email, decision_reason FROM recovery_requests').get()).toEqual({
      status: 'rejected',
      new_phone: null,
      new_email: null,
      decision_reason: 'photo-differs',
    });
    expect(JSON.parse(auditRows()[0]!.details)).toMatchObject({ reason: 'photo-differs' });
    // Decided: no email can be added any more, by the service or behind its back.
    expect(() => requests.addEmail(id, 'jane.kamau@example.com')).toThrow('recovery.requestDecided');
    expect(() => db.prepare("UPDATE recovery_requests SET new_email = 'x@example.com' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/);
  });

  it('expire at the end of the day, unapproved; a late approval is refused', () => {
    const { id } = newRequest();
    clock.set('2026-11-22T20:59:59Z');
    expect(requests.pending()).toHaveLength(1);
    clock.set('2026-11-22T21:00:00Z');
    expect(() => requests.decide(id, { status: 'approved' }, clerk)).toThrow('recovery.requestDecided');
    expect(outboxRows()).toEqual([]);
    expect(db.prepare('SELECT status, new_phone, decided_by FROM recovery_requests').get()).toEqual({
      status: 'expired',
      new_phone: null,
      decided_by: 'system',
    });
    expect(auditRows()).toEqual([expect.objectContaining({ actor: 'system', outcome: 'expired' })]);
    expect(requests.expireStale()).toBe(0);
  });

  it('refuses an unknown request', () => {
    expect(() => requests.decide('00000000-0000-4000-8000-000000000000', { status: 'approved' }, clerk)).toThrow('recovery.requestUnknown');
  });

  it('the table keeps no contact details once a request is decided', () => {
    const { id } = newRequest();
    expect(() => db.prepare("UPDATE recovery_requests SET status = 'rejected', decided_at = 'x' WHERE id = ?").run(id)).toThrow(/CHECK/);
    expect(() =>
      db.prepare("UPDATE recovery_requests SET status = 'approved', decided_at = 'x', new_phone = NULL, decided_by = 'c' WHERE id = ?").run(id),
    ).not.toThrow();
    expect(() => db.prepare("UPDATE recovery_requests SET new_phone = '+254700000000' WHERE id = ?").run(id)).toThrow(/CHECK/);
  });
});
