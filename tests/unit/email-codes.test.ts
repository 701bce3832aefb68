import { afterEach, describe, expect, it } from 'vitest';
import { emailSimulatorOf } from '../../electron/core/email/email-simulator';
import type { Visit } from '../../electron/core/visits/visits';
import { lastCodeEmailedTo, lastCodeSentTo } from '../support/recovery-codes';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const ADDRESS = 'jane.kamau@example.com';

describe('one-time codes by email', () => {
  let kiosk: TempKiosk | undefined;
  afterEach(() => kiosk?.dispose());

  async function visitIn(locale: 'en' | 'sw', settings: Parameters<typeof tempKiosk>[0] = {}): Promise<{ kiosk: TempKiosk; visit: Visit }> {
    kiosk = tempKiosk(settings);
    const started = await kiosk.core.invoke('visit.start', { locale });
    expect(started.ok).toBe(true);
    return { kiosk, visit: kiosk.core.context.visits.require() };
  }

  it('emails a code in the language of the visit, masked on the way back, checked like an SMS code', async () => {
    const { kiosk, visit } = await visitIn('sw');
    const sent = await kiosk.core.context.codes.sendByEmail(visit, { purpose: 'recovery.new-email', email: ADDRESS });
    expect(sent.maskedEmail).toBe('j•••@example.com');
    const mail = emailSimulatorOf(kiosk.core.context.email).lastTo(ADDRESS);
    const code = lastCodeEmailedTo(kiosk.core, ADDRESS);
    expect(mail?.subject).toBe(`Nambari yako ya uthibitisho ya eCitizen: ${code}`);
    expect(mail?.text).toContain('kuthibitisha anwani hii ya barua pepe');

    const wrong = String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
    await expect(kiosk.core.context.codes.check(visit, sent.codeId, wrong)).rejects.toMatchObject({ payload: { code: 'verification.wrongCode' } });
    await expect(kiosk.core.context.codes.check(visit, sent.codeId, code)).resolves.toMatchObject({ purpose: 'recovery.new-email' });
    await expect(kiosk.core.context.codes.check(visit, sent.codeId, code)).rejects.toMatchObject({ payload: { code: 'verification.codeExpired' } });
  });

  it('keeps neither the address nor the code: only a keyed hash, the mask and the code’s slow hash', async () => {
    const { kiosk, visit } = await visitIn('en');
    await kiosk.core.context.codes.sendByEmail(visit, { purpose: 'recovery.new-email', email: ADDRESS });
    const code = lastCodeEmailedTo(kiosk.core, ADDRESS);
    const { db } = kiosk.core.context;
    const rows = JSON.stringify([db.prepare('SELECT * FROM one_time_codes').all(), db.prepare('SELECT * FROM audit_log').all()]);
    expect(rows).not.toContain(ADDRESS);
    expect(rows).not.toContain('jane.kamau');
    expect(rows).not.toContain(`"${code}"`);
    expect(db.prepare("SELECT subject FROM audit_log WHERE action = 'code.send'").get()).toEqual({ subject: kiosk.core.context.hashIdentifier('email', ADDRESS) });
  });

  it('expires like any code, and counts toward the same per-visit limit as codes by SMS', async () => {
    const { kiosk, visit } = await visitIn('en', { settings: { verification: { codesPerVisit: 2, codeTtlSeconds: 60 } } });
    const { codes } = kiosk.core.context;
    await codes.send(visit, { purpose: 'recovery.new-phone', phoneE164: '+254798765432' });
    expect(lastCodeSentTo(kiosk.core, '+254798765432')).toMatch(/^[0-9]{6}$/);
    const sent = await codes.sendByEmail(visit, { purpose: 'recovery.new-email', email: ADDRESS });
    await expect(codes.sendByEmail(visit, { purpose: 'recovery.new-email', email: ADDRESS })).rejects.toMatchObject({ payload: { code: 'verification.tooManyCodes' } });
    kiosk.clock.advance(61_000);
    await expect(codes.check(visit, sent.codeId, lastCodeEmailedTo(kiosk.core, ADDRESS))).rejects.toMatchObject({ payload: { code: 'verification.codeExpired' } });
  });

  it('says so when the provider does not take the email, and the code can never be used', async () => {
    // A SendGrid configuration whose host refuses connections: nothing listens on port 9 of loopback.
    const { kiosk, visit } = await visitIn('en', {
      settings: { email: { provider: 'sendgrid', sendgrid: { apiKey: 'k', fromEmail: 'kiosk@huduma.example', baseUrl: 'http://127.0.0.1:9', requestTimeoutMs: 2000 } } },
    });
    await expect(kiosk.core.context.codes.sendByEmail(visit, { purpose: 'recovery.new-email', email: ADDRESS })).rejects.toMatchObject({ payload: { code: 'verification.emailFailed' } });
    const { db } = kiosk.core.context;
    expect(db.prepare('SELECT state FROM one_time_codes').all()).toEqual([{ state: 'failed' }]);
    expect(db.prepare("SELECT outcome, details FROM audit_log WHERE action = 'code.send'").get()).toMatchObject({ outcome: 'failed', details: expect.stringContaining('"reason":"network"') });
  });
});
