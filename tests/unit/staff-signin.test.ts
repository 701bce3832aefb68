import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { tableCounts, tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';

let kiosk: TempKiosk;
let events: { name: EventName; payload: unknown }[];

beforeEach(async () => {
  kiosk = tempKiosk();
  events = [];
  kiosk.core.subscribe((name, payload) => events.push({ name, payload }));
  await seedStaff(kiosk.core);
});
afterEach(() => kiosk.dispose());

const invoke = (name: string, payload: unknown = {}) => kiosk.core.invoke(name, payload);
const auditRows = (action: string) =>
  kiosk.core.context.db
    .prepare<[string], { actor: string; outcome: string; subject: string | null; details: string }>(
      'SELECT actor, outcome, subject, details FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action);

describe('staff sign-in', () => {
  it('signs a clerk in with staff number and PIN, audits it, and tells the screen', async () => {
    expect(await invoke('staff.keepAlive')).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
    const result = await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin });
    expect(result).toEqual({
      ok: true,
      value: { staffId: '2001', name: 'Peter Otieno', role: 'clerk', shiftId: null, idleTimeoutSeconds: 180 },
    });
    expect(kiosk.core.context.staff.current()).toMatchObject({ staffId: '2001', role: 'clerk' });
    expect(await invoke('staff.current')).toMatchObject({ ok: true, value: { staff: { staffId: '2001' } } });
    expect(await invoke('staff.keepAlive')).toEqual({ ok: true, value: {} });
    // A clerk is not a supervisor.
    expect(await invoke('staff.add', { staffId: '2002', name: 'Amina Hassan', role: 'clerk', pin: '3691' })).toMatchObject({
      ok: false,
      error: { code: 'call.forbidden' },
    });
    expect(auditRows('staff.signIn')).toEqual([{ actor: 'staff:2001', outcome: 'ok', subject: null, details: '{"role":"clerk"}' }]);
    expect(events.filter((e) => e.name === 'staff.changed')).toEqual([
      { name: 'staff.changed', payload: { staff: expect.objectContaining({ staffId: '2001' }), reason: 'sign-in' } },
    ]);
  });

  it('signs in by badge with the PIN', async () => {
    expect(await invoke('staff.signIn', { badgeCode: SUPERVISOR.badgeCode, pin: SUPERVISOR.pin })).toMatchObject({
      ok: true,
      value: { staffId: '1001', role: 'supervisor' },
    });
    expect(await invoke('staff.signIn', { badgeCode: 'HC-BADGE-NOPE', pin: SUPERVISOR.pin })).toMatchObject({
      ok: false,
      error: { code: 'staff.signInFailed' },
    });
    // Exactly one of staff number and badge.
    expect(await invoke('staff.signIn', { pin: SUPERVISOR.pin })).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
  });

  it('stores PINs only as salted scrypt hashes', () => {
    const rows = kiosk.core.context.db.prepare<[], { pin_hash: string; badge_hash: string }>('SELECT pin_hash, badge_hash FROM staff').all();
    const [first, second] = rows;
    expect(first?.pin_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(first?.pin_hash.split('$')[4]).not.toBe(second?.pin_hash.split('$')[4]);
    const everything = JSON.stringify(kiosk.core.context.db.prepare('SELECT * FROM staff').all());
    for (const secret of [CLERK.pin, SUPERVISOR.pin, CLERK.badgeCode, SUPERVISOR.badgeCode]) expect(everything).not.toContain(secret);
  });

  it('locks an account for 15 minutes after 5 wrong PINs, even against the right PIN', async () => {
    for (let i = 0; i < 4; i++) {
      expect(await invoke('staff.signIn', { staffId: '2001', pin: '0000' })).toMatchObject({ ok: false, error: { code: 'staff.signInFailed' } });
    }
    expect(await invoke('staff.signIn', { staffId: '2001', pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'staff.locked', message: { en: 'Too many wrong PINs. This account is locked for 15 minutes.' } },
    });
    kiosk.clock.advance(14 * 60_000);
    expect(await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin })).toMatchObject({ ok: false, error: { code: 'staff.locked' } });
    expect(kiosk.core.context.staff.current()).toBeUndefined();
    // Another account is not affected.
    expect((await invoke('staff.signIn', { staffId: '1001', pin: SUPERVISOR.pin })).ok).toBe(true);

    kiosk.clock.advance(60_001);
    expect((await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin })).ok).toBe(true);
    expect(auditRows('staff.signIn').map((r) => `${r.actor} ${r.outcome}`)).toEqual([
      ...Array(4).fill('staff:2001 wrong-pin'),
      'staff:2001 locked-out',
      'staff:2001 locked',
      'staff:1001 ok',
      'staff:2001 ok',
    ]);
    // The success cleared the count: four more misses do not lock again.
    for (let i = 0; i < 4; i++) await invoke('staff.signIn', { staffId: '2001', pin: '0000' });
    expect((await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin })).ok).toBe(true);
  });

  it('answers an unknown staff number exactly like a wrong PIN, and audits only a hash of it', async () => {
    const unknown = await invoke('staff.signIn', { staffId: '9990', pin: '2580' });
    const wrong = await invoke('staff.signIn', { staffId: '2001', pin: '2580' });
    expect(unknown).toEqual(wrong);
    const [row] = auditRows('staff.signIn');
    expect(row).toMatchObject({ actor: 'unknown', outcome: 'unknown' });
    expect(row?.subject).toMatch(/^[\w-]{22}$/);
    expect(JSON.stringify(row)).not.toContain('9990');
  });

  it('ends attended mode after its own idle timeout, unless a staff touch keeps it alive', async () => {
    await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin });
    kiosk.clock.advance(170_000);
    await invoke('staff.keepAlive');
    kiosk.clock.advance(170_000);
    expect(kiosk.core.context.staff.current()?.staffId).toBe('2001');
    kiosk.clock.advance(11_000);
    expect(await invoke('staff.keepAlive')).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
    expect(await invoke('staff.current')).toEqual({ ok: true, value: { staff: null } });
    expect(events.at(-1)).toEqual({ name: 'staff.changed', payload: { staff: null, reason: 'idle' } });
    expect(auditRows('staff.signOut')).toEqual([{ actor: 'staff:2001', outcome: 'idle', subject: null, details: '{}' }]);
  });

  it('signs out, and a new sign-in replaces whoever was signed in', async () => {
    await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin });
    await invoke('staff.signIn', { staffId: '1001', pin: SUPERVISOR.pin });
    expect(kiosk.core.context.staff.current()?.staffId).toBe('1001');
    expect(await invoke('staff.signOut')).toEqual({ ok: true, value: {} });
    expect(await invoke('staff.signOut')).toEqual({ ok: true, value: {} });
    expect(kiosk.core.context.staff.current()).toBeUndefined();
    expect(auditRows('staff.signOut').map((r) => `${r.actor} ${r.outcome}`)).toEqual(['staff:2001 replaced', 'staff:1001 sign-out']);
  });

  it('ends attended mode with the visit it was part of: finish, start over, or the visit going silent', async () => {
    for (const reason of ['done', 'start-over'] as const) {
      await invoke('visit.start', { locale: 'en' });
      await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin });
      expect(await invoke('visit.end', { reason })).toEqual({ ok: true, value: {} });
      expect(await invoke('staff.current')).toEqual({ ok: true, value: { staff: null } });
      expect(events.filter((e) => e.name === 'staff.changed').at(-1)).toEqual({ name: 'staff.changed', payload: { staff: null, reason: 'visit-ended' } });
      // The next person's visit starts unattended: no staff call answers them.
      await invoke('visit.start', { locale: 'en' });
      expect(await invoke('shift.current')).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
      await invoke('visit.end', { reason: 'done' });
    }
    // A new visit begun over an open one (the language screen again) ends attended mode too.
    await invoke('visit.start', { locale: 'en' });
    await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin });
    await invoke('visit.start', { locale: 'sw' });
    expect(kiosk.core.context.staff.current()).toBeUndefined();
    // The core ends a visit whose screen went quiet; attended mode goes with it.
    await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin });
    kiosk.clock.advance(240_000);
    expect(kiosk.core.context.visits.current()).toBeUndefined();
    expect(kiosk.core.context.staff.current()).toBeUndefined();
    expect(auditRows('staff.signOut').map((r) => r.outcome)).toEqual(['visit-ended', 'visit-ended', 'visit-ended', 'visit-ended']);
  });

  it('keeps the visit open while staff work on their screens, longer than a citizen’s silence', async () => {
    await invoke('visit.start', { locale: 'en' });
    await invoke('staff.signIn', { staffId: '2001', pin: CLERK.pin });
    // Past the citizen's limit (60 s + 20 s warning + 30 s grace) with no citizen call, but staff touches.
    for (let i = 0; i < 4; i++) {
      kiosk.clock.advance(100_000);
      expect(await invoke('staff.keepAlive')).toEqual({ ok: true, value: {} });
    }
    expect(kiosk.core.context.visits.current()).toBeDefined();
    expect(kiosk.core.context.staff.current()?.staffId).toBe('2001');
  });

  it('lets a supervisor add a clerk who can then sign in; refuses guessable PINs and duplicates, changing nothing', async () => {
    await invoke('staff.signIn', { staffId: '1001', pin: SUPERVISOR.pin });
    const before = tableCounts(kiosk.core);
    for (const pin of ['1234', '7777', '9876']) {
      expect(await invoke('staff.add', { staffId: '2002', name: 'Amina Hassan', role: 'clerk', pin })).toMatchObject({
        ok: false,
        error: { code: 'staff.weakPin', field: 'pin' },
      });
    }
    expect(await invoke('staff.add', { staffId: '2001', name: 'Someone Else', role: 'clerk', pin: '3691' })).toMatchObject({
      ok: false,
      error: { code: 'staff.exists' },
    });
    expect(await invoke('staff.add', { staffId: '2003', name: 'Someone Else', role: 'clerk', pin: '3691', badgeCode: CLERK.badgeCode })).toMatchObject({
      ok: false,
      error: { code: 'staff.exists' },
    });
    expect(tableCounts(kiosk.core)).toEqual(before);

    expect(await invoke('staff.add', { staffId: '2002', name: 'Amina Hassan', role: 'clerk', pin: '3691' })).toEqual({
      ok: true,
      value: { staffId: '2002' },
    });
    expect(auditRows('staff.add').at(-1)).toMatchObject({ actor: 'staff:1001', outcome: 'ok' });
    const outbox = kiosk.core.context.db.prepare<[], { payload: string }>("SELECT payload FROM outbox WHERE type = 'staff.added'").all();
    expect(outbox.map((o) => JSON.parse(o.payload).staffId)).toEqual(['1001', '2001', '2002']);
    expect(JSON.stringify(outbox)).not.toContain('3691');
    expect((await invoke('staff.signIn', { staffId: '2002', pin: '3691' })).ok).toBe(true);
  });
});
