import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailSimulatorOf } from '../../electron/core/email/email-simulator';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import type { CallName, CallRequest } from '../../shared/contract';
import { knowledgeAnswers } from '../support/recovery-answers';
import { lastCodeEmailedTo, lastCodeSentTo } from '../support/recovery-codes';
import { JANE_PASSPORT } from '../support/recovery-documents';
import { accepted, refusalCode, seededKiosk, tableCounts, type TempKiosk } from '../support/temp-kiosk';

const PETER = '23456789';
const PETER_PHONE = '+254722000111';
const JANE = '12345678';
const NEW_PHONE = '+254798765432';
const NEW_EMAIL = 'jane.kamau@example.com';
const wrongOf = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');

/**
 * "Send a new code" on the recovery code screens: a code that expired or was typed wrong to
 * its last try is dead, and a new one goes to where the last one went (the registered phone,
 * the new phone, the new email), within the visit's limit on codes.
 */
describe('recovery: a new code in place of a dead one', () => {
  let kiosk: TempKiosk;

  beforeEach(() => {
    kiosk = seededKiosk({ settings: { verification: { codesPerVisit: 4, codeTtlSeconds: 60 } } });
  });
  afterEach(() => kiosk.dispose());

  const ok = <K extends CallName>(name: K, request: CallRequest<K>) => accepted(kiosk, name, request);
  const refused = (name: CallName, request: unknown) => refusalCode(kiosk, name, request);
  const smsTo = (phone: string) => smsSimulatorOf(kiosk.core.context.sms).outbox().filter((message) => message.to === phone).length;
  const audited = (action: string) => kiosk.core.context.db.prepare('SELECT outcome, subject FROM audit_log WHERE action = ? ORDER BY id').all(action);

  async function startReset(): Promise<string> {
    await ok('visit.start', { locale: 'en' });
    const started = await ok('recovery.start', { idNumber: PETER, path: 'reset' });
    if (started.path !== 'reset') throw new Error('expected the reset path');
    return started.code.codeId;
  }

  it('the registered phone’s code typed wrong to its last try: a new code goes to the same phone and the reset goes through', async () => {
    const deadCodeId = await startReset();
    const wrong = wrongOf(lastCodeSentTo(kiosk.core, PETER_PHONE));
    expect(await refused('recovery.requestReset', { codeId: deadCodeId, code: wrong })).toBe('verification.wrongCode');
    expect(await refused('recovery.requestReset', { codeId: deadCodeId, code: wrong })).toBe('verification.wrongCode');
    expect(await refused('recovery.requestReset', { codeId: deadCodeId, code: wrong })).toBe('verification.codeExhausted');

    const resent = await ok('recovery.resendCode', { purpose: 'reset' });
    expect(resent.codeId).not.toBe(deadCodeId);
    expect(smsTo(PETER_PHONE)).toBe(2);
    const code = lastCodeSentTo(kiosk.core, PETER_PHONE);
    // Only the new code's id is the flow's now.
    expect(await refused('recovery.requestReset', { codeId: deadCodeId, code })).toBe('recovery.outOfOrder');
    expect(await ok('recovery.requestReset', { codeId: resent.codeId, code })).toMatchObject({ reference: expect.stringMatching(/^RC-/), maskedPhone: '07•• ••• 111' });
    expect(audited('recovery.reset')).toEqual([
      { outcome: 'code-resent', subject: kiosk.core.context.hashIdentifier('idNumber', PETER) },
      { outcome: 'requested', subject: kiosk.core.context.hashIdentifier('idNumber', PETER) },
    ]);
  });

  it('an expired code: a new one works, and the visit’s limit on codes still holds', async () => {
    const first = await startReset();
    kiosk.clock.advance(61_000);
    expect(await refused('recovery.requestReset', { codeId: first, code: lastCodeSentTo(kiosk.core, PETER_PHONE) })).toBe('verification.codeExpired');
    await ok('recovery.resendCode', { purpose: 'reset' });
    await ok('recovery.resendCode', { purpose: 'reset' });
    const last = await ok('recovery.resendCode', { purpose: 'reset' });
    const before = tableCounts(kiosk.core);
    const limit = await kiosk.core.invoke('recovery.resendCode', { purpose: 'reset' });
    expect(limit).toMatchObject({ ok: false, error: { code: 'verification.tooManyCodes', message: { en: expect.any(String), sw: expect.any(String) } } });
    // Only the refusal's audit row: no code recorded, no SMS.
    expect(tableCounts(kiosk.core)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    expect(smsTo(PETER_PHONE)).toBe(4);
    // The last code sent still works.
    expect(await ok('recovery.requestReset', { codeId: last.codeId, code: lastCodeSentTo(kiosk.core, PETER_PHONE) })).toMatchObject({ reference: expect.stringMatching(/^RC-/) });
  });

  it('the new phone’s and the new email’s codes are sent again to the same new phone and email', async () => {
    await ok('visit.start', { locale: 'en' });
    await ok('recovery.start', { idNumber: JANE, path: 'document' });
    await ok('recovery.scanDocument', { mrz: JANE_PASSPORT.join('\n') });
    await ok('recovery.answer', { answers: knowledgeAnswers(kiosk.core, JANE) });
    const phoneCode = await ok('recovery.sendNewPhoneCode', { phone: '0798765432' });
    kiosk.clock.advance(61_000);
    expect(await refused('recovery.submit', { codeId: phoneCode.codeId, code: lastCodeSentTo(kiosk.core, NEW_PHONE) })).toBe('verification.codeExpired');
    const phoneAgain = await ok('recovery.resendCode', { purpose: 'new-phone' });
    expect(smsTo(NEW_PHONE)).toBe(2);
    await ok('recovery.submit', { codeId: phoneAgain.codeId, code: lastCodeSentTo(kiosk.core, NEW_PHONE) });

    const emailCode = await ok('recovery.sendNewEmailCode', { email: NEW_EMAIL });
    const wrong = wrongOf(lastCodeEmailedTo(kiosk.core, NEW_EMAIL));
    for (const expected of ['verification.wrongCode', 'verification.wrongCode', 'verification.codeExhausted']) {
      expect(await refused('recovery.addNewEmail', { codeId: emailCode.codeId, code: wrong })).toBe(expected);
    }
    const emailAgain = await ok('recovery.resendCode', { purpose: 'new-email' });
    expect(emailSimulatorOf(kiosk.core.context.email).outbox().filter((message) => message.to === NEW_EMAIL)).toHaveLength(2);
    expect(await ok('recovery.addNewEmail', { codeId: emailAgain.codeId, code: lastCodeEmailedTo(kiosk.core, NEW_EMAIL) })).toMatchObject({ maskedEmail: 'j•••@example.com' });
    expect(kiosk.core.context.db.prepare('SELECT new_phone, new_email FROM recovery_requests').all()).toEqual([{ new_phone: NEW_PHONE, new_email: NEW_EMAIL }]);
    expect(audited('recovery.new-phone').map((row) => (row as { outcome: string }).outcome)).toEqual(['code-sent', 'code-resent']);
    expect(audited('recovery.new-email').map((row) => (row as { outcome: string }).outcome)).toEqual(['code-sent', 'code-resent', 'added']);
  });

  it('sends nothing for a code the flow never sent', async () => {
    await ok('visit.start', { locale: 'en' });
    expect(await refused('recovery.resendCode', { purpose: 'reset' })).toBe('recovery.outOfOrder');
    await ok('recovery.start', { idNumber: JANE, path: 'document' });
    const before = tableCounts(kiosk.core);
    for (const purpose of ['reset', 'new-phone', 'new-email']) expect(await refused('recovery.resendCode', { purpose })).toBe('recovery.outOfOrder');
    expect(await refused('recovery.resendCode', { purpose: 'lookup' })).toBe('request.invalid');
    expect(tableCounts(kiosk.core)).toEqual(before);
    expect(smsSimulatorOf(kiosk.core.context.sms).outbox()).toHaveLength(0);
  });
});
