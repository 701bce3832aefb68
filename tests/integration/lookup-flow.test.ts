import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, CallResponse } from '../../shared/contract';
import { openDatabase } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/demo/generate';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { tableCounts, tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const SEEDED_AT = new Date('2026-11-22T09:00:00+03:00');
const JANE_PHONE = '+254712345457';

function seeded(settings: Record<string, unknown> = {}): TempKiosk {
  return tempKiosk({
    settings,
    prepare(file) {
      const db = openDatabase(file);
      seedDemoData(db, { citizens: 300, seed: 7, now: SEEDED_AT });
      db.close();
    },
  });
}

describe('identity lookup through the core', () => {
  let kiosk: TempKiosk;
  const invoke = (name: string, payload: unknown) => kiosk.core.invoke(name, payload);
  async function ok<K extends CallName>(name: K, payload: unknown): Promise<CallResponse<K>> {
    const result = await invoke(name, payload);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
    return result.value as CallResponse<K>;
  }
  async function refusal(name: string, payload: unknown): Promise<string> {
    const result = await invoke(name, payload);
    if (result.ok) throw new Error(`${name} was not refused`);
    return result.error.code;
  }
  const lastCode = () => /code is (\d{6})/.exec(smsSimulatorOf(kiosk.core.context.sms).lastTo(JANE_PHONE)?.text ?? '')?.[1] ?? '';

  beforeEach(async () => {
    kiosk = seeded();
    await ok('visit.start', { locale: 'en' });
  });
  afterEach(() => kiosk.dispose());

  it('answers an ID number with a masked account and never stores the raw identifier', async () => {
    const result = await ok('lookup.search', { kind: 'idNumber', value: '12345678' });
    expect(result).toEqual({
      outcome: 'found',
      lookupsLeft: 2,
      account: {
        maskedName: 'J*** W*** K***',
        accounts: [{ type: 'citizen', status: 'active', maskedBusinessName: null }],
        maskedPhone: '07•• ••• 457',
        maskedEmail: 'j•••@gmail.com',
      },
    });
    const { db } = kiosk.core.context;
    const written = JSON.stringify([db.prepare('SELECT * FROM audit_log').all(), db.prepare('SELECT * FROM outbox').all()]);
    for (const secret of ['12345678', JANE_PHONE, 'Jane', 'Kamau']) expect(written).not.toContain(secret);
    expect(db.prepare("SELECT outcome, details FROM audit_log WHERE action = 'lookup.search'").all()).toEqual([{ outcome: 'found', details: '{"kind":"idNumber"}' }]);
    expect(db.prepare("SELECT type FROM outbox WHERE type = 'lookup.searched'").all()).toHaveLength(1);
  });

  it('finds by a phone typed in any common form, by passport and by KRA PIN', async () => {
    const byPhone = await ok('lookup.search', { kind: 'phone', value: '+254 712 345 457' });
    expect(byPhone.outcome === 'found' && byPhone.account.maskedName).toBe('J*** W*** K***');
    const byPassport = await ok('lookup.search', { kind: 'passport', value: 'ak1234567' });
    expect(byPassport.outcome === 'found' && byPassport.account.maskedName).toBe('J*** W*** K***');
    // A business PIN shows that business account only, its name masked.
    const byBusinessPin = await ok('lookup.search', { kind: 'kraPin', value: 'P051234567X' });
    expect(byBusinessPin).toMatchObject({
      outcome: 'found',
      lookupsLeft: 0,
      account: { maskedName: 'G*** C*** K***', accounts: [{ type: 'business', status: 'active', maskedBusinessName: 'C*** A*** S*** L***' }] },
    });
  });

  it('says plainly when nothing is found', async () => {
    expect(await ok('lookup.search', { kind: 'idNumber', value: '999999999' })).toEqual({ outcome: 'not-found', lookupsLeft: 2 });
    expect(await ok('lookup.search', { kind: 'kraPin', value: 'A999999999Z' })).toEqual({ outcome: 'not-found', lookupsLeft: 1 });
  });

  it('refuses bad input before searching, and changes nothing', async () => {
    const before = tableCounts(kiosk.core);
    for (const value of ['', '１２３４５６７８', "1' OR '1'='1", '1234567890', 'x'.repeat(10_000)]) {
      expect(await refusal('lookup.search', { kind: 'idNumber', value })).toBe('request.invalid');
    }
    expect(await refusal('lookup.search', { kind: 'phone', value: '0201234567' })).toBe('request.invalid');
    expect(await refusal('lookup.search', { kind: 'kraPin', value: 'B012345678K' })).toBe('request.invalid');
    expect(await refusal('lookup.search', { kind: 'email', value: 'a@b.c' })).toBe('request.invalid');
    expect(tableCounts(kiosk.core)).toEqual(before);
  });

  it('allows 3 searches per visit and audits the refused 4th', async () => {
    for (const value of ['12345678', '23456789', '1000001']) await ok('lookup.search', { kind: 'idNumber', value });
    const result = await invoke('lookup.search', { kind: 'idNumber', value: '27654321' });
    expect(result).toMatchObject({ ok: false, error: { code: 'lookup.visitLimit', message: { en: 'You can search 3 times in one visit. Please ask at the counter for more help.' } } });
    const { db } = kiosk.core.context;
    expect(db.prepare("SELECT outcome FROM audit_log WHERE action = 'lookup.refused'").all()).toEqual([{ outcome: 'visit-limit' }]);
    // A new visit starts a new count.
    await ok('visit.start', { locale: 'en' });
    await ok('lookup.search', { kind: 'idNumber', value: '27654321' });
  });

  it('limits the whole kiosk per window, across visits', async () => {
    await kiosk.dispose();
    kiosk = seeded({ lookup: { kioskLookupsPerWindow: 2, kioskWindowSeconds: 60 } });
    await ok('visit.start', { locale: 'en' });
    await ok('lookup.search', { kind: 'idNumber', value: '12345678' });
    await ok('visit.start', { locale: 'en' });
    await ok('lookup.search', { kind: 'idNumber', value: '12345678' });
    expect(await refusal('lookup.search', { kind: 'idNumber', value: '12345678' })).toBe('lookup.kioskBusy');
    kiosk.clock.advance(61_000);
    await ok('lookup.search', { kind: 'idNumber', value: '12345678' });
  });

  it('shows the full picture only after the code sent to the registered phone is typed back', async () => {
    expect(await refusal('lookup.sendCode', {})).toBe('lookup.searchFirst');
    await ok('lookup.search', { kind: 'idNumber', value: '12345678' });
    expect(await refusal('lookup.details', {})).toBe('lookup.notVerified');
    const sent = await ok('lookup.sendCode', {});
    expect(sent.maskedPhone).toBe('07•• ••• 457');
    const code = lastCode();
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await invoke('lookup.verifyCode', { codeId: sent.codeId, code: wrong });
    expect(refused).toMatchObject({ ok: false, error: { code: 'verification.wrongCode', message: { en: 'That code is not right. You have 2 more tries.' } } });
    expect(await ok('lookup.verifyCode', { codeId: sent.codeId, code })).toEqual({ verified: true });

    const details = await ok('lookup.details', {});
    expect(details).toMatchObject({
      name: 'Jane Wanjiku Kamau',
      verifiedBy: 'otp',
      licence: { number: 'DL-1234567', classes: 'B', status: 'valid' },
      vehicles: [{ plate: 'KDA 123A', make: 'Toyota', model: 'Fielder', insurance: { status: 'expired' }, inspection: { status: 'none', expiresOn: null } }],
      unpaidTotal: 3000,
    });
    expect(details.unpaidFines.map((fine) => [fine.reference, fine.amount, fine.plate])).toEqual([
      ['NTSA-F-10000001', 1000, 'KDA 123A'],
      ['NTSA-F-10000002', 2000, 'KDA 123A'],
    ]);
    const { db } = kiosk.core.context;
    expect(db.prepare("SELECT type, payload FROM outbox WHERE type = 'identity.verified'").all()).toHaveLength(1);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain(code);

    // The visit ends: the core forgets the verification.
    await ok('visit.end', { reason: 'idle' });
    expect(await refusal('lookup.details', {})).toBe('visit.none');
    await ok('visit.start', { locale: 'en' });
    expect(await refusal('lookup.details', {})).toBe('lookup.notVerified');
  });

  it('refuses an expired code', async () => {
    await kiosk.dispose();
    // A visit that stays open past the code's 5 minutes.
    kiosk = seeded({ idle: { timeoutSeconds: 900, warningSeconds: 20 } });
    await ok('visit.start', { locale: 'en' });
    await ok('lookup.search', { kind: 'idNumber', value: '12345678' });
    const sent = await ok('lookup.sendCode', {});
    kiosk.clock.advance(5 * 60_000 + 1);
    expect(await refusal('lookup.verifyCode', { codeId: sent.codeId, code: lastCode() })).toBe('verification.codeExpired');
  });

  it('shows expiring and lapsed cover and an expired licence, and sends no code where there is no phone', async () => {
    await ok('lookup.search', { kind: 'idNumber', value: '1234567' });
    expect(await refusal('lookup.sendCode', {})).toBe('lookup.noPhone');

    await ok('lookup.search', { kind: 'idNumber', value: '27654321' });
    const sent = await ok('lookup.sendCode', {});
    const code = /code is (\d{6})/.exec(smsSimulatorOf(kiosk.core.context.sms).lastTo('+254733555666')?.text ?? '')?.[1];
    await ok('lookup.verifyCode', { codeId: sent.codeId, code });
    const details = await ok('lookup.details', {});
    expect(details.accounts.map((account) => account.businessName)).toEqual([null, 'Chebet Agrovet Supplies Ltd']);
    expect(details.vehicles.map((v) => [v.plate, v.insurance.status, v.inspection.status])).toEqual([
      ['KCX 456B', 'valid', 'valid'],
      ['KDB 789C', 'expiring', 'expired'],
    ]);
    expect(details.unpaidFines).toEqual([]);

    await ok('lookup.search', { kind: 'idNumber', value: '23456789' });
    const peterSent = await ok('lookup.sendCode', {});
    const peterCode = /code is (\d{6})/.exec(smsSimulatorOf(kiosk.core.context.sms).lastTo('+254722000111')?.text ?? '')?.[1];
    await ok('lookup.verifyCode', { codeId: peterSent.codeId, code: peterCode });
    expect(await ok('lookup.details', {})).toMatchObject({ name: 'Peter Otieno Ochieng', licence: { number: 'DL-2345678', status: 'expired' }, unpaidTotal: 1000 });
  });

  it('keeps the simulator outbox for staff only', async () => {
    expect(await refusal('sms.simulatorOutbox', {})).toBe('call.forbidden');
  });
});
