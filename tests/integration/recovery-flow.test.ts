import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/open';
import { createKioskCore } from '../../electron/core/kiosk-core';
import type { CallName, CallRequest } from '../../shared/contract';
import { GRACE_ID_CARD, JANE_PASSPORT, MOHAMED_PASSPORT, ANNA_SPECIMEN_PASSPORT } from '../support/recovery-documents';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';
import { knowledgeAnswers } from '../support/recovery-answers';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { accepted, refusalCode, seededKiosk, tableCounts, type TempKiosk } from '../support/temp-kiosk';
import { lastCodeEmailedTo, lastCodeSentTo } from '../support/recovery-codes';
import { visitVerification } from '../../electron/core/verification/visit-verification';

const JANE = '12345678';
const PETER = '23456789';
const GRACE = '27654321';
const JOSEPH = '1234567';
const ANNA = '34567890';
const MOHAMED = '29876543';
const NEW_PHONE = '0798 765 432';
const NEW_PHONE_E164 = '+254798765432';
const NEW_EMAIL = 'jane.kamau@example.com';

describe('account recovery through the core', () => {
  let kiosk: TempKiosk;

  beforeEach(async () => {
    kiosk = seededKiosk();
    await seedStaff(kiosk.core);
  });
  afterEach(() => kiosk.dispose());

  const ok = <K extends CallName>(name: K, request: CallRequest<K>) => accepted(kiosk, name, request);
  const refused = (name: CallName, request: unknown) => refusalCode(kiosk, name, request);
  const outbox = (type: string) =>
    (kiosk.core.context.db.prepare('SELECT payload FROM outbox WHERE type = ?').all(type) as { payload: string }[]).map((row) => JSON.parse(row.payload));
  const startVisit = () => ok('visit.start', { locale: 'en' });

  /** Path 2 up to a pending request, as Jane with her passport. */
  async function pendingRequest(idNumber = JANE, document: readonly string[] = JANE_PASSPORT) {
    await startVisit();
    await ok('recovery.start', { idNumber, path: 'document' });
    const scan = await ok('recovery.scanDocument', { mrz: `${document.join('\r')}\r` });
    expect(scan).toMatchObject({ matched: true });
    const answered = await ok('recovery.answer', { answers: knowledgeAnswers(kiosk.core, idNumber) });
    expect(answered).toMatchObject({ passed: true });
    const sent = await ok('recovery.sendNewPhoneCode', { phone: NEW_PHONE });
    expect(sent.maskedPhone).toBe('07•• ••• 432');
    return ok('recovery.submit', { codeId: sent.codeId, code: lastCodeSentTo(kiosk.core, NEW_PHONE_E164) });
  }

  it('path 1: a code to the registered phone, then a reset request for the back office', async () => {
    await startVisit();
    const started = await ok('recovery.start', { idNumber: PETER, path: 'reset' });
    expect(started).toMatchObject({ path: 'reset', code: { maskedPhone: '07•• ••• 111' } });
    if (started.path !== 'reset') return;
    const code = lastCodeSentTo(kiosk.core, '+254722000111');
    const wrong = String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
    expect(await refused('recovery.requestReset', { codeId: started.code.codeId, code: wrong })).not.toBe('accepted');
    expect(outbox('account.password-reset.requested')).toEqual([]);

    const done = await ok('recovery.requestReset', { codeId: started.code.codeId, code });
    expect(done).toEqual({ reference: expect.stringMatching(/^RC-/), maskedPhone: '07•• ••• 111' });
    expect(outbox('account.password-reset.requested')).toEqual([
      expect.objectContaining({ reference: done.reference, idNumber: PETER, sendTo: { phone: '+254722000111' } }),
    ]);
    // The code from the registered phone verified the visit as Peter, for the rest of it.
    expect(visitVerification(kiosk.core.context.visits.current()!)).toMatchObject({ citizenId: 2, method: 'otp' });
    // Done: a second request with the same code is out of order.
    expect(await refused('recovery.requestReset', { codeId: started.code.codeId, code })).toBe('recovery.outOfOrder');
  });

  it('path 1 refuses an unknown ID number and a record with no phone, changing nothing', async () => {
    await startVisit();
    const before = tableCounts(kiosk.core);
    expect(await refused('recovery.start', { idNumber: '99999999', path: 'reset' })).toBe('recovery.notFound');
    expect(await refused('recovery.start', { idNumber: JOSEPH, path: 'reset' })).toBe('recovery.noRegisteredPhone');
    expect(await refused('recovery.start', { idNumber: '12a', path: 'reset' })).toBe('request.invalid');
    const after = tableCounts(kiosk.core);
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 }); // only the attempts are audited
    expect(after.audit_log! - before.audit_log!).toBe(2);
  });

  it('path 2: document, knowledge, new phone, pending; a clerk approves; exactly one event', async () => {
    const submitted = await pendingRequest();
    expect(submitted.reference).toMatch(/^RC-[2-9A-Z]{6}$/);
    expect(outbox('account.recovery.approved')).toEqual([]);
    await ok('visit.end', { reason: 'done' });

    expect(await refused('recovery.pending', {})).toBe('call.forbidden');
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const { requests } = await ok('recovery.pending', {});
    expect(requests).toEqual([
      expect.objectContaining({ reference: submitted.reference, fullName: 'Jane Wanjiku Kamau', idNumber: JANE, documentFormat: 'TD3', maskedNewPhone: '07•• ••• 432' }),
    ]);
    await ok('recovery.approve', { requestId: requests[0]!.requestId });
    expect(await refused('recovery.approve', { requestId: requests[0]!.requestId })).toBe('recovery.requestDecided');

    const events = outbox('account.recovery.approved');
    expect(events).toEqual([
      expect.objectContaining({ reference: submitted.reference, idNumber: JANE, newContact: { phone: NEW_PHONE_E164 }, approvedBy: expect.objectContaining({ staffId: CLERK.staffId }) }),
    ]);
    const decision = kiosk.core.context.db.prepare("SELECT actor, outcome FROM audit_log WHERE action = 'recovery.decision'").all();
    expect(decision).toEqual([{ actor: `staff:${CLERK.staffId}`, outcome: 'approved' }]);
  });

  const wrongOf = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');

  /** After the new phone's code: the optional new email, proven by the code emailed to it. */
  async function addEmail(typed = ` ${NEW_EMAIL} `) {
    const sent = await ok('recovery.sendNewEmailCode', { email: typed });
    expect(sent.maskedEmail).toBe('j•••@example.com');
    return ok('recovery.addNewEmail', { codeId: sent.codeId, code: lastCodeEmailedTo(kiosk.core, NEW_EMAIL) });
  }

  it('path 2 with a new email: proven by its code, shown masked to the clerk, carried in the approval event', async () => {
    const submitted = await pendingRequest();
    const wrongCode = await ok('recovery.sendNewEmailCode', { email: NEW_EMAIL });
    expect(await refused('recovery.addNewEmail', { codeId: wrongCode.codeId, code: wrongOf(lastCodeEmailedTo(kiosk.core, NEW_EMAIL)) })).toBe('verification.wrongCode');
    expect(kiosk.core.context.db.prepare('SELECT new_email FROM recovery_requests').all()).toEqual([{ new_email: null }]);
    expect(await addEmail()).toEqual({ reference: submitted.reference, maskedEmail: 'j•••@example.com' });
    expect(kiosk.core.context.db.prepare('SELECT new_email FROM recovery_requests').all()).toEqual([{ new_email: NEW_EMAIL }]);
    // Done: the flow is over, so no second email can be sent this visit.
    expect(await refused('recovery.sendNewEmailCode', { email: NEW_EMAIL })).toBe('recovery.outOfOrder');
    await ok('visit.end', { reason: 'done' });

    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const { requests } = await ok('recovery.pending', {});
    expect(requests).toEqual([expect.objectContaining({ reference: submitted.reference, maskedNewPhone: '07•• ••• 432', maskedNewEmail: 'j•••@example.com' })]);
    await ok('recovery.approve', { requestId: requests[0]!.requestId });
    expect(outbox('account.recovery.approved')).toEqual([
      expect.objectContaining({ reference: submitted.reference, newContact: { phone: NEW_PHONE_E164, email: NEW_EMAIL } }),
    ]);
    expect(kiosk.core.context.db.prepare('SELECT status, new_phone, new_email FROM recovery_requests').all()).toEqual([{ status: 'approved', new_phone: null, new_email: null }]);
    const audited = kiosk.core.context.db.prepare("SELECT outcome, details FROM audit_log WHERE action = 'recovery.new-email'").all() as { outcome: string; details: string }[];
    expect(audited.map((row) => row.outcome)).toEqual(['code-sent', 'code-sent', 'added']);
    for (const row of audited) expect(row.details).not.toContain('jane.kamau');
  });

  it('the new email is optional: skipped, the request and its event carry the phone alone', async () => {
    await pendingRequest();
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const { requests } = await ok('recovery.pending', {});
    expect(requests).toEqual([expect.objectContaining({ maskedNewEmail: null })]);
    await ok('recovery.approve', { requestId: requests[0]!.requestId });
    expect(outbox('account.recovery.approved')).toEqual([expect.objectContaining({ newContact: { phone: NEW_PHONE_E164 } })]);
  });

  it('refuses a malformed email, an email before the request, and an email once the request is decided, changing nothing', async () => {
    await startVisit();
    await ok('recovery.start', { idNumber: JANE, path: 'document' });
    expect(await refused('recovery.sendNewEmailCode', { email: NEW_EMAIL })).toBe('recovery.outOfOrder');
    await pendingRequest();
    const before = tableCounts(kiosk.core);
    for (const email of ['jane.kamau', 'jane@', '@example.com', 'jane kamau@example.com', `${'a'.repeat(250)}@example.com`, '']) {
      expect(await refused('recovery.sendNewEmailCode', { email })).toBe('request.invalid');
    }
    expect(tableCounts(kiosk.core)).toEqual(before);

    // A clerk decides while the citizen is still at the email step: the email can no longer be added.
    const sent = await ok('recovery.sendNewEmailCode', { email: NEW_EMAIL });
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    await ok('recovery.reject', { requestId: (await ok('recovery.pending', {})).requests[0]!.requestId, reason: 'document-differs' });
    expect(await refused('recovery.addNewEmail', { codeId: sent.codeId, code: lastCodeEmailedTo(kiosk.core, NEW_EMAIL) })).toBe('recovery.requestDecided');
    expect(await refused('recovery.sendNewEmailCode', { email: NEW_EMAIL })).toBe('recovery.requestDecided');
    expect(kiosk.core.context.db.prepare('SELECT status, new_email FROM recovery_requests').all()).toEqual([{ status: 'rejected', new_email: null }]);
  });

  it('attended from the start: the clerk at the counter runs the steps, and the audit names them; four eyes approve', async () => {
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    await pendingRequest();
    const actors = kiosk.core.context.db
      .prepare("SELECT DISTINCT actor FROM audit_log WHERE action IN ('recovery.start', 'recovery.document', 'recovery.knowledge', 'recovery.request')")
      .all();
    expect(actors).toEqual([{ actor: `staff:${CLERK.staffId}` }]);
    const { requests } = await ok('recovery.pending', {});
    expect(requests).toEqual([expect.objectContaining({ attendedByYou: true })]);
    // The clerk who helped make it may not approve it: refused in both languages, nothing sent.
    const own = await kiosk.core.invoke('recovery.approve', { requestId: requests[0]!.requestId });
    expect(own).toMatchObject({ ok: false, error: { code: 'recovery.ownRequest', message: { en: expect.stringContaining('another staff member'), sw: expect.stringContaining('mfanyakazi mwingine') } } });
    expect(outbox('account.recovery.approved')).toEqual([]);
    expect(kiosk.core.context.db.prepare('SELECT status FROM recovery_requests').all()).toEqual([{ status: 'pending' }]);
    // A supervisor (someone else) approves.
    await ok('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
    expect((await ok('recovery.pending', {})).requests).toEqual([expect.objectContaining({ attendedByYou: false })]);
    await ok('recovery.approve', { requestId: requests[0]!.requestId });
    expect(outbox('account.recovery.approved')).toEqual([expect.objectContaining({ approvedBy: expect.objectContaining({ staffId: SUPERVISOR.staffId }) })]);
    const decisions = kiosk.core.context.db.prepare("SELECT actor, outcome FROM audit_log WHERE action = 'recovery.decision' ORDER BY id").all();
    expect(decisions).toEqual([
      { actor: `staff:${CLERK.staffId}`, outcome: 'refused-own-request' },
      { actor: `staff:${SUPERVISOR.staffId}`, outcome: 'approved' },
    ]);
  });

  it('four eyes: a clerk signed in for any step (not only the first) may not approve; signing out before the end does not help', async () => {
    await startVisit();
    await ok('recovery.start', { idNumber: JANE, path: 'document' });
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    await ok('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') });
    await ok('staff.signOut', {});
    await ok('recovery.answer', { answers: knowledgeAnswers(kiosk.core, JANE) });
    const sent = await ok('recovery.sendNewPhoneCode', { phone: NEW_PHONE });
    await ok('recovery.submit', { codeId: sent.codeId, code: lastCodeSentTo(kiosk.core, NEW_PHONE_E164) });
    await ok('visit.end', { reason: 'done' });
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const { requests } = await ok('recovery.pending', {});
    expect(await refused('recovery.approve', { requestId: requests[0]!.requestId })).toBe('recovery.ownRequest');
    expect(outbox('account.recovery.approved')).toEqual([]);
  });

  it('a clerk rejects a request: the back office hears of the refusal only, no new contact', async () => {
    await pendingRequest(GRACE, GRACE_ID_CARD);
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const { requests } = await ok('recovery.pending', {});
    expect(requests).toEqual([expect.objectContaining({ documentFormat: 'TD1', documentNumberOnRecord: '456789123' })]);
    expect(await ok('recovery.reject', { requestId: requests[0]!.requestId, reason: 'photo-differs' })).toEqual({ status: 'rejected' });
    expect(outbox('account.recovery.approved')).toEqual([]);
    const [refusal] = outbox('account.recovery.rejected');
    expect(refusal).toMatchObject({ reason: 'photo-differs', rejectedBy: { staffId: CLERK.staffId } });
    expect(Object.keys(refusal)).not.toContain('newContact');
    expect((await ok('recovery.pending', {})).requests).toEqual([]);
  });

  it('a request nobody approves expires at the end of the Kenyan day, and its new phone and email go', async () => {
    await pendingRequest();
    await addEmail();
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    const { requests } = await ok('recovery.pending', {});
    kiosk.clock.set('2026-11-22T21:00:00Z'); // midnight in Nairobi
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin }); // the clerk's own sign-in timed out meanwhile
    expect(await refused('recovery.approve', { requestId: requests[0]!.requestId })).toBe('recovery.requestDecided');
    expect((await ok('recovery.pending', {})).requests).toEqual([]);
    expect(outbox('account.recovery.approved')).toEqual([]);
    expect(kiosk.core.context.db.prepare('SELECT status, new_phone, new_email FROM recovery_requests').all()).toEqual([{ status: 'expired', new_phone: null, new_email: null }]);
  });

  it('a request left pending when the kiosk stopped expires when it starts on a later day', async () => {
    await pendingRequest();
    await kiosk.core.close();
    const clock = manualClock('2026-11-23T06:00:00Z');
    const restarted = createKioskCore({ databaseFile: kiosk.databaseFile, clock, version: 'test' });
    try {
      expect(restarted.context.db.prepare('SELECT status, new_phone FROM recovery_requests').all()).toEqual([{ status: 'expired', new_phone: null }]);
    } finally {
      restarted.close();
    }
  });

  it('says what does not match without the record’s values, and locks the ID out after 3 failures today', async () => {
    await startVisit();
    expect(await ok('recovery.start', { idNumber: MOHAMED, path: 'document' })).toEqual({ path: 'document', attemptsLeft: 3 });
    const mismatch = await ok('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') });
    expect(mismatch).toEqual({ matched: false, mismatches: ['documentNumber', 'names', 'birthDate'], attemptsLeft: 2 });
    expect(JSON.stringify(mismatch)).not.toMatch(/BK7654321|HASSAN|1990/);

    // A misread is not a failed check.
    const misread = `${MOHAMED_PASSPORT[0]}\n${MOHAMED_PASSPORT[1].slice(0, 43)}9`;
    expect(await kiosk.core.invoke('recovery.scanDocument', { mrz: misread })).toMatchObject({ ok: false, error: { code: 'recovery.mrz.check-digit', field: 'composite' } });
    expect(await refused('recovery.scanDocument', { mrz: 'x'.repeat(10_000) })).toBe('recovery.mrz.too-long');

    // The document matched but the answers do not.
    await ok('recovery.start', { idNumber: MOHAMED, path: 'document' });
    expect(await ok('recovery.scanDocument', { mrz: MOHAMED_PASSPORT.join('\n') })).toMatchObject({ matched: true, questions: ['licenceYear', 'registeredPhone'] });
    expect(await ok('recovery.answer', { answers: { licenceYear: '1901', registeredPhone: '0700000000' } })).toEqual({ passed: false, attemptsLeft: 1 });
    expect(await ok('recovery.answer', { answers: { licenceYear: '1901' } })).toEqual({ passed: false, attemptsLeft: 0 });
    expect(await refused('recovery.answer', { answers: { licenceYear: '1901' } })).toBe('recovery.lockedOut');

    // Locked out across visits; another ID number is not.
    await startVisit();
    expect(await refused('recovery.start', { idNumber: MOHAMED, path: 'document' })).toBe('recovery.lockedOut');
    expect(await refused('recovery.start', { idNumber: MOHAMED, path: 'reset' })).toBe('recovery.lockedOut');
    expect(await ok('recovery.start', { idNumber: JANE, path: 'document' })).toEqual({ path: 'document', attemptsLeft: 3 });

    // A new Kenyan day starts the count again.
    kiosk.clock.set('2026-11-22T21:00:01Z');
    await startVisit();
    expect(await ok('recovery.start', { idNumber: MOHAMED, path: 'document' })).toEqual({ path: 'document', attemptsLeft: 3 });
  });

  it('asks the configured questions and stops at the configured number of failures', async () => {
    await kiosk.core.close();
    const configured = createKioskCore({
      databaseFile: kiosk.databaseFile,
      clock: kiosk.clock,
      version: 'test',
      settings: { recovery: { maxFailedChecksPerDay: 1, knowledgeQuestions: ['licenceYear'] } },
    });
    try {
      const call = async (name: CallName, request: unknown) => configured.invoke(name, request);
      await call('visit.start', { locale: 'en' });
      expect(await call('recovery.start', { idNumber: JANE, path: 'document' })).toEqual({ ok: true, value: { path: 'document', attemptsLeft: 1 } });
      expect(await call('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') })).toEqual({ ok: true, value: { matched: true, questions: ['licenceYear'] } });
      // The old phone is right but was not asked: only the licence year counts.
      expect(await call('recovery.answer', { answers: { registeredPhone: '0712345457', licenceYear: '1901' } })).toEqual({ ok: true, value: { passed: false, attemptsLeft: 0 } });
      expect(await call('recovery.start', { idNumber: JANE, path: 'document' })).toMatchObject({ ok: false, error: { code: 'recovery.lockedOut' } });
      // Anna has no licence, so the configured question cannot be asked, and nothing is asked in its
      // place that the passport already proves: the knowledge step is skipped, the clerk's check stands.
      // (On a day when the ICAO specimen passport was still valid.)
      kiosk.clock.set('2012-04-10T09:00:00Z');
      await call('visit.start', { locale: 'en' });
      await call('recovery.start', { idNumber: ANNA, path: 'document' });
      const anna = await call('recovery.scanDocument', { mrz: ANNA_SPECIMEN_PASSPORT.join('\n') });
      expect(anna).toEqual({ ok: true, value: { matched: true, questions: [] } });
      expect(await call('recovery.answer', { answers: {} })).toMatchObject({ ok: false, error: { code: 'recovery.outOfOrder' } });
      expect(await call('recovery.sendNewPhoneCode', { phone: NEW_PHONE })).toMatchObject({ ok: true });
    } finally {
      configured.close();
    }
  });

  it('an expired document of the right person is refused as expired, saying when, in both languages, and spends no attempt', async () => {
    await startVisit();
    await ok('recovery.start', { idNumber: ANNA, path: 'document' });
    expect(await kiosk.core.invoke('recovery.scanDocument', { mrz: ANNA_SPECIMEN_PASSPORT.join('\n') })).toEqual({
      ok: false,
      error: {
        code: 'recovery.documentExpired',
        field: 'expiryDate',
        message: {
          en: 'This document expired on 15/04/2012. Please bring a valid passport or national ID card, or see a clerk at the counter.',
          sw: 'Hati hii iliisha muda wake tarehe 15/04/2012. Tafadhali leta pasipoti au kitambulisho cha taifa kilicho halali, au muone karani aliye kaunta.',
        },
      },
    });
    expect(await ok('recovery.start', { idNumber: ANNA, path: 'document' })).toEqual({ path: 'document', attemptsLeft: 3 });
  });

  it('a scan whose check digit fails names the line to correct, and spends no attempt', async () => {
    await startVisit();
    await ok('recovery.start', { idNumber: JANE, path: 'document' });
    // One misread character in the passport number on line 2 (AK1234567 read as AK1234561).
    const misread = [JANE_PASSPORT[0], JANE_PASSPORT[1].replace('AK1234567', 'AK1234561')];
    const result = await kiosk.core.invoke('recovery.scanDocument', { mrz: misread.join('\n') });
    expect(result).toMatchObject({ ok: false, error: { code: 'recovery.mrz.check-digit', field: 'documentNumber' } });
    expect(!result.ok && result.error.message.en).toMatch(/^Line 2 of the document did not read correctly/);
    expect(!result.ok && result.error.message.sw).toMatch(/^Mstari wa 2 wa hati/);
    expect(await ok('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') })).toMatchObject({ matched: true });
  });

  it('a citizen with only a passport starts by its number, and the check continues as with an ID number', async () => {
    await startVisit();
    expect(await refused('recovery.start', { passportNumber: 'AK12', path: 'document' })).toBe('request.invalid');
    expect(await refused('recovery.start', { passportNumber: 'ZZ9999999', path: 'document' })).toBe('recovery.notFound');
    expect(await ok('recovery.start', { passportNumber: 'ak1234567', path: 'document' })).toEqual({ path: 'document', attemptsLeft: 3 });
    expect(await ok('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') })).toMatchObject({ matched: true });
    // Failed checks count against the citizen, whichever number they gave.
    await startVisit();
    await ok('recovery.start', { passportNumber: 'AK1234567', path: 'document' });
    await ok('recovery.scanDocument', { mrz: GRACE_ID_CARD.join('\n') });
    expect(await ok('recovery.start', { idNumber: JANE, path: 'document' })).toEqual({ path: 'document', attemptsLeft: 2 });
    // Both, or neither, is refused.
    expect(await refused('recovery.start', { idNumber: JANE, passportNumber: 'AK1234567', path: 'document' })).toBe('request.invalid');
    expect(await refused('recovery.start', { path: 'document' })).toBe('request.invalid');
  });

  it('refuses steps out of order', async () => {
    await startVisit();
    expect(await refused('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') })).toBe('recovery.outOfOrder');
    await ok('recovery.start', { idNumber: JANE, path: 'document' });
    expect(await refused('recovery.answer', { answers: { licenceYear: '2001' } })).toBe('recovery.outOfOrder');
    expect(await refused('recovery.sendNewPhoneCode', { phone: NEW_PHONE })).toBe('recovery.outOfOrder');
    await ok('recovery.start', { idNumber: JANE, path: 'reset' });
    expect(await refused('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') })).toBe('recovery.outOfOrder');
  });

  it('keeps nothing of the document after the visit but a keyed hash; audits never name the ID number', async () => {
    await pendingRequest();
    await ok('visit.end', { reason: 'done' });
    await ok('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
    await ok('recovery.reject', { requestId: (await ok('recovery.pending', {})).requests[0]!.requestId, reason: 'document-differs' });
    // Closing checkpoints the WAL into the file: then every byte the kiosk kept is in it.
    await kiosk.core.close();
    const file = readFileSync(kiosk.databaseFile).toString('latin1');
    for (const line of JANE_PASSPORT) expect(file).not.toContain(line);
    expect(file).not.toContain(NEW_PHONE_E164);
    expect(file).not.toContain('798765432');
    const reopened = openDatabase(kiosk.databaseFile);
    const audit = reopened.prepare("SELECT subject, details FROM audit_log WHERE action LIKE 'recovery.%'").all() as { subject: string; details: string }[];
    reopened.close();
    expect(audit.length).toBeGreaterThan(4);
    for (const row of audit) expect(`${row.subject} ${row.details}`).not.toMatch(/12345678|AK1234567|KAMAU|798765432/);
  });
});

describe('starting a recovery spends the lookup allowance', () => {
  let kiosk: TempKiosk;
  beforeEach(() => {
    kiosk = seededKiosk({ settings: { lookup: { lookupsPerVisit: 3, kioskLookupsPerWindow: 5, kioskWindowSeconds: 600 } } });
  });
  afterEach(() => kiosk.dispose());

  const invoke = (name: CallName, request: unknown) => kiosk.core.invoke(name, request);
  const sms = () => smsSimulatorOf(kiosk.core.context.sms).outbox().length;
  /** Everything a refused start could have written, but the refusal's own audit row. */
  const writes = () => {
    const counts = tableCounts(kiosk.core);
    const refusals = (kiosk.core.context.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'lookup.refused'").get() as { n: number }).n;
    return { ...counts, audit_log: counts.audit_log! - refusals, sms: sms() };
  };

  it('per visit: searches and recovery starts together reach the limit; past it nothing is looked up, sent or written', async () => {
    await invoke('visit.start', { locale: 'en' });
    expect(await invoke('lookup.search', { kind: 'idNumber', value: JANE })).toMatchObject({ ok: true, value: { lookupsLeft: 2 } });
    expect(await invoke('recovery.start', { idNumber: PETER, path: 'reset' })).toMatchObject({ ok: true });
    expect(await invoke('recovery.start', { idNumber: '99999999', path: 'document' })).toMatchObject({ ok: false, error: { code: 'recovery.notFound' } });
    const before = writes();
    expect(before.sms).toBe(1);
    for (const [idNumber, path] of [[PETER, 'reset'], [JANE, 'reset'], [JANE, 'document'], ['99999999', 'reset']] as const) {
      const refused = await invoke('recovery.start', { idNumber, path });
      // The same answer whether the number exists or not, in both languages: the lookup's own.
      expect(refused).toMatchObject({ ok: false, error: { code: 'lookup.visitLimit', message: { en: expect.stringContaining('3 times'), sw: expect.stringContaining('mara 3') } } });
    }
    expect(await invoke('lookup.search', { kind: 'idNumber', value: JANE })).toMatchObject({ ok: false, error: { code: 'lookup.visitLimit' } });
    expect(writes()).toEqual(before);
    expect(kiosk.core.context.db.prepare("SELECT details FROM audit_log WHERE action = 'lookup.refused'").all()).toHaveLength(5);
  });

  it('per kiosk: recovery starts across visits count toward the window, and past it are refused like searches', async () => {
    for (let visit = 0; visit < 2; visit++) {
      await invoke('visit.start', { locale: 'en' });
      expect(await invoke('recovery.start', { idNumber: PETER, path: 'reset' })).toMatchObject({ ok: true });
      expect(await invoke('lookup.search', { kind: 'idNumber', value: JANE })).toMatchObject({ ok: true });
    }
    await invoke('visit.start', { locale: 'en' });
    expect(await invoke('recovery.start', { idNumber: JANE, path: 'document' })).toMatchObject({ ok: true });
    const before = writes();
    expect(await invoke('recovery.start', { idNumber: PETER, path: 'reset' })).toMatchObject({ ok: false, error: { code: 'lookup.kioskBusy' } });
    expect(await invoke('lookup.search', { kind: 'idNumber', value: JANE })).toMatchObject({ ok: false, error: { code: 'lookup.kioskBusy' } });
    expect(writes()).toEqual(before);
    // The window slides: ten minutes on, starting is allowed again.
    kiosk.clock.advance(601_000);
    await invoke('visit.start', { locale: 'en' });
    expect(await invoke('recovery.start', { idNumber: PETER, path: 'reset' })).toMatchObject({ ok: true });
  });
});
