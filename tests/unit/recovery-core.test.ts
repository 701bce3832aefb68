import Database from 'better-sqlite3-multiple-ciphers';
import { addReplicaTablesInMemory } from '../../electron/core/db/replica-attachment';
import { parse as parseWithMrzPackage } from 'mrz';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { manualClock } from '../../electron/core/clock';
import { localTables } from '../../electron/core/db/migrations/002-local';
import { recoveryTables } from '../../electron/core/db/migrations/006-recovery';
import { recoveryEmail } from '../../electron/core/db/migrations/007-recovery-email';
import { recoveryStaff } from '../../electron/core/db/migrations/008-recovery-staff';
import type { Db } from '../../electron/core/db/open';
import { OffThreadSync } from '../../electron/core/db/off-thread-sync';
import { silentLogger } from '../../shared/node/logging/logger';
import { seedDemoData } from '../../electron/demo/generate';
import { KioskError } from '../../electron/core/errors';
import { Outbox } from '../../electron/core/outbox';
import { CitizenRecords, type CitizenRecord } from '../../electron/core/recovery/citizen-records';
import { matchDocument } from '../../electron/core/recovery/document-match';
import { FailureLimit } from '../../electron/core/recovery/failure-limit';
import { endOfKenyaDay, kenyaDate } from '../../shared/kenya/time';
import { answersCorrect, expectedAnswer, questionsFor } from '../../electron/core/recovery/knowledge-check';
import { recoverySettingsSchema } from '../../electron/core/settings/recovery-settings';
import { knowledgeQuestionSchema } from '../../shared/contract/recovery';
import { RecoveryRequests } from '../../electron/core/recovery/recovery-requests';
import { parseMrz, type MrzDocument } from '../../shared/mrz';
import { ANNA_SPECIMEN_PASSPORT, GRACE_ID_CARD, JANE_PASSPORT, MOHAMED_PASSPORT } from '../support/recovery-documents';

const SEEDED_AT = new Date('2026-11-22T06:00:00Z');
const TODAY = '2026-11-22';
const clerk = { staffId: 'clerk-7', name: 'Wanjiru Clerk', role: 'clerk' as const, shiftId: null };
const supervisor = { staffId: 'super-1', name: 'Grace Supervisor', role: 'supervisor' as const, shiftId: null };

/** The replica and local tables with this feature's migrations on top, seeded with the demo people. */
function recoveryDatabase(): Db {
  const db = new Database(':memory:');
  addReplicaTablesInMemory(db);
  for (const migration of [localTables, recoveryTables, recoveryEmail, recoveryStaff]) db.exec(migration.up);
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
    expect(kenyaDate(new Date('2026-11-22T20:59:59Z'))).toBe('2026-11-22');
    expect(kenyaDate(new Date('2026-11-22T21:00:00Z'))).toBe('2026-11-23');
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
  it('asks the licence year only of someone with a licence, the old phone only of an account that had one, in the configured order', () => {
    const db = recoveryDatabase();
    expect(questionsFor(record(db, '12345678'), ['licenceYear', 'registeredPhone'])).toEqual(['licenceYear', 'registeredPhone']);
    expect(questionsFor(record(db, '12345678'), ['registeredPhone', 'licenceYear'])).toEqual(['registeredPhone', 'licenceYear']);
    expect(questionsFor(record(db, '34567890'), ['licenceYear', 'registeredPhone'])).toEqual(['registeredPhone']);
    // Joseph has neither a licence nor a phone: nothing the document does not already prove.
    expect(questionsFor(record(db, '1234567'), ['licenceYear', 'registeredPhone'])).toEqual([]);
  });

  it('needs every question answered right', () => {
    const db = recoveryDatabase();
    const jane = record(db, '12345678');
    const licenceYear = jane.licenceIssuedOn!.slice(0, 4);
    const both = ['licenceYear', 'registeredPhone'] as const;
    expect(answersCorrect(jane, both, { licenceYear, registeredPhone: '0712345457' })).toBe(true);
    expect(answersCorrect(jane, both, { licenceYear })).toBe(false);
    expect(answersCorrect(jane, both, { licenceYear, registeredPhone: '712345457' })).toBe(false);
    expect(answersCorrect(jane, both, { licenceYear: String(Number(licenceYear) - 1), registeredPhone: '0712345457' })).toBe(false);
    expect(answersCorrect(jane, ['registeredPhone'], { registeredPhone: '0712345457', licenceYear: '1900' })).toBe(true);
  });

  /** Every way an MRZ field could be typed on the keypad: as printed, digits only, dates in each order and their years. */
  function whatTheMrzProves(document: MrzDocument): Set<string> {
    const proved = new Set<string>();
    const fields = [document.documentNumber, document.surname, document.givenNames, document.nationality, document.sex, document.optionalData, document.optionalData2];
    for (const field of fields) {
      proved.add(field);
      if (/\d/.test(field)) proved.add(field.replace(/\D/g, ''));
    }
    for (const date of [document.birthDate, document.expiryDate]) {
      const [year = '', month = '', day = ''] = date.split('-');
      for (const form of [`${day}${month}${year}`, `${year}${month}${day}`, `${month}${day}${year}`, `${day}${month}${year.slice(2)}`, `${year.slice(2)}${month}${day}`, year]) proved.add(form);
    }
    proved.delete('');
    return proved;
  }

  it.each([
    ['Jane’s passport', '12345678', JANE_PASSPORT],
    ['Grace’s ID card', '27654321', GRACE_ID_CARD],
    ['Mohamed’s passport', '29876543', MOHAMED_PASSPORT],
    ['Anna’s specimen passport', '34567890', ANNA_SPECIMEN_PASSPORT],
  ] as const)('never asks what %s already proves', (_, idNumber, lines) => {
    const db = recoveryDatabase();
    const holder = record(db, idNumber);
    const proved = whatTheMrzProves(read(lines));
    const asked = questionsFor(holder, knowledgeQuestionSchema.options);
    for (const question of asked) expect(proved, question).not.toContain(expectedAnswer(holder, question));
    // The default configuration is all of them: the birth date is not among the questions at all.
    expect(recoverySettingsSchema.parse(undefined).knowledgeQuestions).toEqual(knowledgeQuestionSchema.options);
    expect(knowledgeQuestionSchema.options).not.toContain('birthDate');
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
  const newRequest = (attendedBy: readonly string[] = []) =>
    requests.create({
      citizenId: 1,
      idHash: 'hash-of-12345678',
      visitId: 'visit-1',
      documentFormat: 'TD3',
      mrzHash: 'mrz-hash',
      newPhone: '+254798765432',
      attendedBy,
    });

  beforeEach(() => {
    db = recoveryDatabase();
    clock = manualClock('2026-11-22T07:00:00Z');
    const audit = new AuditLog(db, clock);
    requests = new RecoveryRequests(db, new OffThreadSync(db, silentLogger), clock, audit, new Outbox(db, clock), new CitizenRecords(db), 'kiosk-test');
  });

  it('are pending until the end of the Kenyan day, shown to the clerk with the record', () => {
    const created = newRequest();
    expect(created.reference).toMatch(/^RC-[2-9A-Z]{6}$/);
    expect(created.expiresAt).toBe('2026-11-22T21:00:00.000Z');
    expect(requests.pending(clerk)).toEqual([
      expect.objectContaining({
        requestId: created.id,
        reference: created.reference,
        fullName: 'Jane Wanjiku Kamau',
        dateOfBirth: '1988-04-15',
        idNumber: '12345678',
        documentFormat: 'TD3',
        documentNumberOnRecord: 'AK1234567',
        maskedNewPhone: '07•• ••• 432',
        attendedByYou: false,
      }),
    ]);
    expect(outboxRows()).toEqual([]);
  });

  it('four eyes: staff signed in while a request was made may not approve it, whatever their role; another may', () => {
    const { id } = newRequest([clerk.staffId, supervisor.staffId]);
    const other = { ...clerk, staffId: 'clerk-8' };
    expect(requests.pending(clerk)).toEqual([expect.objectContaining({ attendedByYou: true })]);
    expect(requests.pending(other)).toEqual([expect.objectContaining({ attendedByYou: false })]);
    for (const starter of [clerk, supervisor]) {
      expect(() => requests.decide(id, { status: 'approved' }, starter)).toThrow('recovery.ownRequest');
    }
    expect(outboxRows()).toEqual([]);
    expect(db.prepare('SELECT status FROM recovery_requests').get()).toEqual({ status: 'pending' });
    expect(auditRows().map((row) => [row.actor, row.outcome])).toEqual([
      ['staff:clerk-7', 'refused-own-request'],
      ['staff:super-1', 'refused-own-request'],
    ]);
    requests.decide(id, { status: 'approved' }, other);
    expect(outboxRows()).toHaveLength(1);
  });

  it('four eyes: whoever was signed in when the new email was added may not approve either; a starter may still reject', () => {
    const first = newRequest();
    requests.addEmail(first.id, 'jane.kamau@example.com', clerk.staffId);
    expect(() => requests.decide(first.id, { status: 'approved' }, clerk)).toThrow('recovery.ownRequest');
    requests.decide(first.id, { status: 'rejected', reason: 'other' }, clerk);
    expect(db.prepare('SELECT status FROM recovery_requests').get()).toEqual({ status: 'rejected' });
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
    expect(requests.pending(clerk)).toEqual([]);

    // A second decision on the same request is refused and changes nothing.
    expect(() => requests.decide(id, { status: 'approved' }, clerk)).toThrow(KioskError);
    expect(() => requests.decide(id, { status: 'rejected', reason: 'other' }, clerk)).toThrow('recovery.requestDecided');
    expect(outboxRows()).toHaveLength(1);
    expect(auditRows()).toHaveLength(1);
  });

  it('rejection records the reason and the clerk, drops the new phone and email, and tells the back office no more than that', () => {
    const { id, reference } = newRequest();
    requests.addEmail(id, 'jane.kamau@example.com', undefined);
    requests.decide(id, { status: 'rejected', reason: 'photo-differs' }, clerk);
    expect(outboxRows().map((row) => [row.type, JSON.parse(row.payload)])).toEqual([
      ['account.recovery.rejected', { requestId: id, reference, kioskId: expect.any(String), reason: 'photo-differs', rejectedBy: { staffId: 'clerk-7', shiftId: clerk.shiftId }, rejectedAt: expect.any(String) }],
    ]);
    expect(db.prepare('SELECT status, new_phone, new_email, decision_reason FROM recovery_requests').get()).toEqual({
      status: 'rejected',
      new_phone: null,
      new_email: null,
      decision_reason: 'photo-differs',
    });
    expect(JSON.parse(auditRows()[0]!.details)).toMatchObject({ reason: 'photo-differs' });
    // Decided: no email can be added any more, by the service or behind its back.
    expect(() => requests.addEmail(id, 'jane.kamau@example.com', undefined)).toThrow('recovery.requestDecided');
    expect(() => db.prepare("UPDATE recovery_requests SET new_email = 'x@example.com' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/);
  });

  it('expire at the end of the day, unapproved; a late approval is refused', () => {
    const { id } = newRequest();
    clock.set('2026-11-22T20:59:59Z');
    expect(requests.pending(clerk)).toHaveLength(1);
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
