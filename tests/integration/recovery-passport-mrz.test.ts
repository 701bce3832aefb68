import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, CallRequest } from '../../shared/contract';
import { knowledgeAnswers } from '../support/recovery-answers';
import { lastCodeSentTo } from '../support/recovery-codes';
import { GRACE_ID_CARD, JANE_EXPIRED_PASSPORT, JANE_PASSPORT, JANE_PASSPORT_OTHER_BIRTH_DATE, UNKNOWN_PASSPORT } from '../support/recovery-documents';
import { accepted, seededKiosk, tableCounts, type TempKiosk } from '../support/temp-kiosk';

const JANE = '12345678';
const lines = (document: readonly string[]) => `${document.join('\n')}\n`;

/**
 * "I have my passport — scan it": path 2 started by the passport's MRZ alone, with no number
 * typed first. The record is found by the passport number in the MRZ and the document is
 * checked against it at once; the limits and the audit are those of starting by a number.
 */
describe('recovery started by a passport’s MRZ alone', () => {
  let kiosk: TempKiosk;

  beforeEach(() => {
    kiosk = seededKiosk();
  });
  afterEach(() => kiosk.dispose());

  const ok = <K extends CallName>(name: K, request: CallRequest<K>) => accepted(kiosk, name, request);
  const invoke = (name: CallName, request: unknown) => kiosk.core.invoke(name, request);
  const startVisit = () => ok('visit.start', { locale: 'en' });
  const db = () => kiosk.core.context.db;
  const auditRows = (action: string) =>
    db().prepare('SELECT actor, outcome, subject, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as { actor: string; outcome: string; subject: string; details: string }[];

  it('finds the citizen by the passport number in the MRZ, checks the passport, and goes on to the request a clerk approves', async () => {
    await startVisit();
    expect(await ok('recovery.startByPassportMrz', { mrz: lines(JANE_PASSPORT) })).toEqual({ matched: true, questions: ['licenceYear', 'registeredPhone'] });
    expect(await ok('recovery.answer', { answers: knowledgeAnswers(kiosk.core, JANE) })).toMatchObject({ passed: true });
    const sent = await ok('recovery.sendNewPhoneCode', { phone: '0798765432' });
    const submitted = await ok('recovery.submit', { codeId: sent.codeId, code: lastCodeSentTo(kiosk.core, '+254798765432') });
    expect(db().prepare('SELECT reference, citizen_id, document_format, status FROM recovery_requests').all()).toEqual([
      { reference: submitted.reference, citizen_id: 1, document_format: 'TD3', status: 'pending' },
    ]);
    // Audited as a start (it counts toward the search limits) and a matched document, under the
    // ID number's keyed hash as every other recovery row, never the passport number or names.
    const [start] = auditRows('recovery.start');
    expect(start).toMatchObject({ actor: 'citizen', outcome: 'document', details: JSON.stringify({ path: 'document', by: 'passport-mrz' }) });
    expect(start!.subject).toBe(kiosk.core.context.hashIdentifier('idNumber', JANE));
    expect(auditRows('recovery.document')).toEqual([expect.objectContaining({ outcome: 'matched', subject: start!.subject })]);
    for (const row of db().prepare("SELECT subject, details FROM audit_log WHERE action LIKE 'recovery.%'").all() as { subject: string; details: string }[]) {
      expect(`${row.subject} ${row.details}`).not.toMatch(/12345678|AK1234567|KAMAU/);
    }
  });

  it('refuses a misread line and an ID card’s lines in both languages, changing nothing and spending no search', async () => {
    await startVisit();
    const before = tableCounts(kiosk.core);
    const misread = [JANE_PASSPORT[0], JANE_PASSPORT[1].replace('AK1234567', 'AK1234561')];
    const refusal = await invoke('recovery.startByPassportMrz', { mrz: lines(misread) });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'recovery.mrz.check-digit', field: 'documentNumber' } });
    expect(!refusal.ok && refusal.error.message.en).toMatch(/^Line 2 of the document did not read correctly/);
    expect(!refusal.ok && refusal.error.message.sw).toMatch(/^Mstari wa 2 wa hati/);
    expect(await invoke('recovery.startByPassportMrz', { mrz: lines(GRACE_ID_CARD) })).toEqual({
      ok: false,
      error: {
        code: 'recovery.mrz.notPassport',
        message: {
          en: 'These lines are from an ID card, not a passport. To use your ID card, go back and type your ID number.',
          sw: 'Mistari hii ni ya kitambulisho, si ya pasipoti. Ili kutumia kitambulisho chako, rudi nyuma uandike nambari yako ya kitambulisho.',
        },
      },
    });
    expect(await invoke('recovery.startByPassportMrz', { mrz: 'x'.repeat(30_000) })).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    expect(tableCounts(kiosk.core)).toEqual(before);
    // The visit's three searches are all still there.
    for (let search = 0; search < 3; search++) expect(await invoke('lookup.search', { kind: 'idNumber', value: JANE })).toMatchObject({ ok: true });
  });

  it('an expired passport is refused as expired, with its date, before anything is looked up: no search, no attempt spent', async () => {
    await startVisit();
    const before = tableCounts(kiosk.core);
    expect(await invoke('recovery.startByPassportMrz', { mrz: lines(JANE_EXPIRED_PASSPORT) })).toMatchObject({
      ok: false,
      error: { code: 'recovery.documentExpired', field: 'expiryDate', message: { en: expect.stringContaining('expired on 10/03/2019'), sw: expect.stringContaining('tarehe 10/03/2019') } },
    });
    expect(tableCounts(kiosk.core)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    expect(auditRows('recovery.document')).toEqual([expect.objectContaining({ outcome: 'expired', subject: kiosk.core.context.hashIdentifier('passport', 'AK1234567') })]);
    expect(await ok('recovery.start', { idNumber: JANE, path: 'document' })).toEqual({ path: 'document', attemptsLeft: 3 });
  });

  it('a passport number on no record gets the same neutral answer as a typed one, and is audited as not found', async () => {
    await startVisit();
    const typed = await invoke('recovery.start', { passportNumber: 'ZZ9999999', path: 'document' });
    const scanned = await invoke('recovery.startByPassportMrz', { mrz: lines(UNKNOWN_PASSPORT) });
    expect(scanned).toEqual(typed);
    expect(scanned).toMatchObject({ ok: false, error: { code: 'recovery.notFound' } });
    expect(auditRows('recovery.start').map((row) => [row.outcome, JSON.parse(row.details).by])).toEqual([
      ['not-found', 'passport'],
      ['not-found', 'passport-mrz'],
    ]);
    expect(db().prepare('SELECT count(*) AS n FROM recovery_failures').get()).toEqual({ n: 0 });
  });

  it('a passport that differs from the record for its number: told what differs, counted against the citizen, locked out at the limit', async () => {
    await startVisit();
    const mismatch = await ok('recovery.startByPassportMrz', { mrz: lines(JANE_PASSPORT_OTHER_BIRTH_DATE) });
    expect(mismatch).toEqual({ matched: false, mismatches: ['birthDate'], attemptsLeft: 2 });
    expect(JSON.stringify(mismatch)).not.toMatch(/1988-04-15|15\/04\/1988/);
    // The same count as when she names herself by her ID number.
    expect(await ok('recovery.start', { idNumber: JANE, path: 'document' })).toEqual({ path: 'document', attemptsLeft: 2 });
    await startVisit();
    expect(await ok('recovery.startByPassportMrz', { mrz: lines(JANE_PASSPORT_OTHER_BIRTH_DATE) })).toMatchObject({ attemptsLeft: 1 });
    expect(await ok('recovery.startByPassportMrz', { mrz: lines(JANE_PASSPORT_OTHER_BIRTH_DATE) })).toMatchObject({ attemptsLeft: 0 });
    await startVisit();
    // Locked out for the day, her own valid passport too, however she names herself.
    expect(await invoke('recovery.startByPassportMrz', { mrz: lines(JANE_PASSPORT) })).toMatchObject({ ok: false, error: { code: 'recovery.lockedOut' } });
    expect(await invoke('recovery.start', { idNumber: JANE, path: 'document' })).toMatchObject({ ok: false, error: { code: 'recovery.lockedOut' } });
    expect(auditRows('recovery.document').map((row) => row.outcome)).toEqual(['failed', 'failed', 'failed']);
  });

  it('spends the visit’s search allowance like starting by a number: past it, refused with the lookup’s answer and nothing looked up', async () => {
    await startVisit();
    await ok('lookup.search', { kind: 'idNumber', value: JANE });
    await ok('recovery.start', { idNumber: JANE, path: 'document' });
    expect(await ok('recovery.startByPassportMrz', { mrz: lines(JANE_PASSPORT_OTHER_BIRTH_DATE) })).toMatchObject({ matched: false });
    const before = tableCounts(kiosk.core);
    const refused = await invoke('recovery.startByPassportMrz', { mrz: lines(JANE_PASSPORT) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'lookup.visitLimit', message: { en: expect.stringContaining('3 times'), sw: expect.stringContaining('mara 3') } } });
    expect(tableCounts(kiosk.core)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    expect(auditRows('lookup.refused')).toEqual([expect.objectContaining({ outcome: 'visit-limit', details: JSON.stringify({ kind: 'recovery' }) })]);
  });
});
