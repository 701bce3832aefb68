import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import type { Visit } from '../../electron/core/visits/visits';
import { isVisitVerifiedFor, markVisitVerified, visitVerification } from '../../electron/core/verification/visit-verification';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const PHONE = '+254712345457';

function codeIn(text: string): string {
  const match = /code is (\d+)|uthibitisho ni (\d+)/.exec(text);
  if (!match) throw new Error(`no code in: ${text}`);
  return match[1] ?? match[2] ?? '';
}

describe('one-time codes', () => {
  let kiosk: TempKiosk;
  let visit: Visit;
  const sent = () => smsSimulatorOf(kiosk.core.context.sms);
  const codes = () => kiosk.core.context.codes;
  const lastCode = () => codeIn(sent().lastTo(PHONE)?.text ?? '');
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  beforeEach(() => {
    kiosk = tempKiosk();
    visit = kiosk.core.context.visits.start('en');
  });
  afterEach(() => kiosk.dispose());

  it('sends a 6-digit code by SMS, keeps only a salted hash, and accepts it once', async () => {
    const result = await codes().send(visit, { purpose: 'lookup', phoneE164: PHONE });
    expect(result.maskedPhone).toBe('07•• ••• 457');
    expect(Date.parse(result.expiresAt) - kiosk.clock.now().getTime()).toBe(300_000);
    const message = sent().lastTo(PHONE);
    expect(message?.text).toMatch(/eCitizen kiosk: your code is \d{6}, to see your eCitizen account details\. It expires in 5 minutes/);
    const code = lastCode();

    const { db } = kiosk.core.context;
    const stored = JSON.stringify(db.prepare('SELECT * FROM one_time_codes').all());
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(PHONE);
    const audit = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain(code);
    expect(audit).not.toContain(PHONE);

    await expect(codes().check(visit, result.codeId, code)).resolves.toEqual({ purpose: 'lookup', maskedPhone: '07•• ••• 457' });
    // A used code is spent.
    expect(await codes().attempt(visit, result.codeId, code)).toEqual({ outcome: 'expired' });
  });

  it('allows 3 tries, telling how many are left, then refuses even the right code', async () => {
    const { codeId } = await codes().send(visit, { purpose: 'lookup', phoneE164: PHONE });
    const code = lastCode();
    expect(await codes().attempt(visit, codeId, wrong(code))).toEqual({ outcome: 'wrong', triesLeft: 2 });
    await expect(codes().check(visit, codeId, wrong(code))).rejects.toMatchObject({ payload: { code: 'verification.wrongCode', message: { en: 'That code is not right. You have 1 more try.', sw: 'Nambari hiyo si sahihi. Umebakiza jaribio 1.' } } });
    expect(await codes().attempt(visit, codeId, wrong(code))).toEqual({ outcome: 'exhausted' });
    await expect(codes().check(visit, codeId, code)).rejects.toMatchObject({ payload: { code: 'verification.codeExhausted' } });
  });

  it('expires after 5 minutes', async () => {
    const { codeId } = await codes().send(visit, { purpose: 'lookup', phoneE164: PHONE });
    const code = lastCode();
    kiosk.clock.advance(300_001);
    await expect(codes().check(visit, codeId, code)).rejects.toMatchObject({ payload: { code: 'verification.codeExpired' } });
  });

  it('works only in the visit that asked for it, and a newer code replaces the older one', async () => {
    const first = await codes().send(visit, { purpose: 'lookup', phoneE164: PHONE });
    const firstCode = lastCode();
    const second = await codes().send(visit, { purpose: 'lookup', phoneE164: PHONE });
    const secondCode = lastCode();
    expect(await codes().attempt(visit, first.codeId, firstCode)).toEqual({ outcome: 'expired' });

    const other = kiosk.core.context.visits.start('sw');
    expect(await codes().attempt(other, second.codeId, secondCode)).toEqual({ outcome: 'expired' });
  });

  it('sends at most 3 codes per visit and writes the SMS in the visit language', async () => {
    const sw = kiosk.core.context.visits.start('sw');
    for (let i = 0; i < 3; i++) await codes().send(sw, { purpose: 'recovery.new-phone', phoneE164: PHONE });
    expect(sent().lastTo(PHONE)?.text).toMatch(/^Kioski cha eCitizen: nambari yako ya uthibitisho ni \d{6}, kuthibitisha simu hii/);
    const before = sent().outbox().length;
    await expect(codes().send(sw, { purpose: 'lookup', phoneE164: PHONE })).rejects.toMatchObject({ payload: { code: 'verification.tooManyCodes' } });
    expect(sent().outbox()).toHaveLength(before);
    const refused = kiosk.core.context.db.prepare("SELECT outcome FROM audit_log WHERE action = 'code.send' ORDER BY id DESC LIMIT 1").get();
    expect(refused).toEqual({ outcome: 'refused-limit' });
  });

  it('honours configured lifetime, length and tries', async () => {
    await kiosk.dispose();
    kiosk = tempKiosk({ settings: { verification: { codeLength: 8, codeTtlSeconds: 120, triesPerCode: 1 } } });
    visit = kiosk.core.context.visits.start('en');
    const { codeId, expiresAt } = await codes().send(visit, { purpose: 'lookup', phoneE164: PHONE });
    expect(lastCode()).toMatch(/^\d{8}$/);
    expect(sent().lastTo(PHONE)?.text).toContain('expires in 2 minutes');
    expect(Date.parse(expiresAt) - kiosk.clock.now().getTime()).toBe(120_000);
    expect(await codes().attempt(visit, codeId, '00000000' === lastCode() ? '11111111' : '00000000')).toEqual({ outcome: 'exhausted' });
  });
});

describe('visit verification', () => {
  let kiosk: TempKiosk;
  beforeEach(() => {
    kiosk = tempKiosk();
  });
  afterEach(() => kiosk.dispose());

  it('holds who the visit proved to be, and forgets it when the visit ends', () => {
    const { visits } = kiosk.core.context;
    const visit = visits.start('en');
    expect(visitVerification(visit)).toBeUndefined();
    markVisitVerified(visit, 7, 'in-person', kiosk.clock.now());
    expect(visitVerification(visit)).toEqual({ citizenId: 7, method: 'in-person', at: kiosk.clock.now().toISOString() });
    expect(isVisitVerifiedFor(visit, 7)).toBe(true);
    expect(isVisitVerifiedFor(visit, 8)).toBe(false);
    visits.end('done');
    expect(visitVerification(visit)).toBeUndefined();
  });
});
