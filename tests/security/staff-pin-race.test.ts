import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/node/logging/logger';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import { rawRequest } from '../support/raw-http';
import { CLERK, seedStaff } from '../support/staff-seed';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const rendererDir = path.resolve(import.meta.dirname, '../support/renderer-stub');
/** Twenty-five different wrong PINs, none of them the clerk's. */
const WRONG_PINS = Array.from({ length: 25 }, (_, i) => String(3000 + i * 7).padStart(4, '0')).filter((pin) => pin !== CLERK.pin);

describe('the PIN lockout holds against attempts sent all at once', () => {
  let kiosk: TempKiosk;
  let host: RunningHost;
  beforeEach(async () => {
    kiosk = tempKiosk();
    await seedStaff(kiosk.core);
    host = await startHost({ core: kiosk.core, rendererDir, log: silentLogger });
  });
  afterEach(async () => {
    await host.close();
    await kiosk.dispose();
  });

  /** A sign-in from the kiosk page over real HTTP, each on its own connection. */
  async function signIn(body: Record<string, string>) {
    const answer = await rawRequest(host.origin, {
      method: 'POST',
      target: '/api/call/staff.signIn',
      headers: { host: new URL(host.origin).host, origin: host.origin, 'x-kiosk-secret': host.secret, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return JSON.parse(answer.body) as { ok: boolean; error?: { code: string } };
  }
  const outcomes = () =>
    kiosk.core.context.db
      .prepare<[], { outcome: string; n: number }>("SELECT outcome, count(*) AS n FROM audit_log WHERE action = 'staff.signIn' GROUP BY outcome ORDER BY outcome")
      .all();

  it('compares at most five wrong PINs, by staff number and badge together, then refuses even the right one', async () => {
    const answers = await Promise.all(
      WRONG_PINS.map((pin, i) => signIn(i % 2 === 0 ? { staffId: CLERK.staffId, pin } : { badgeCode: CLERK.badgeCode, pin })),
    );
    expect(answers.length).toBeGreaterThanOrEqual(24);
    expect(answers.every((a) => !a.ok)).toBe(true);
    // Exactly five PINs were compared: four wrong, the fifth locked the account; the rest were
    // refused by the lock without a comparison.
    expect(outcomes()).toEqual([
      { outcome: 'locked', n: answers.length - 5 },
      { outcome: 'locked-out', n: 1 },
      { outcome: 'wrong-pin', n: 4 },
    ]);
    expect(answers.filter((a) => a.error?.code === 'staff.signInFailed')).toHaveLength(4);
    expect(answers.filter((a) => a.error?.code === 'staff.locked')).toHaveLength(answers.length - 4);

    expect(await signIn({ staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: false, error: { code: 'staff.locked' } });
    expect(await signIn({ badgeCode: CLERK.badgeCode, pin: CLERK.pin })).toMatchObject({ ok: false, error: { code: 'staff.locked' } });
    expect(kiosk.core.context.staff.current()).toBeUndefined();

    // The window ends; the right PIN works again and the count starts afresh.
    kiosk.clock.advance(15 * 60_000 + 1);
    expect(await signIn({ staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: true });
  });

  it('lets the right PIN in when it is among the first five sent together', async () => {
    const burst = [...WRONG_PINS.slice(0, 3).map((pin) => ({ staffId: CLERK.staffId, pin })), { staffId: CLERK.staffId, pin: CLERK.pin }];
    const answers = await Promise.all(burst.map((body) => signIn(body)));
    expect(answers.at(-1)).toMatchObject({ ok: true });
    expect(outcomes()).toEqual([
      { outcome: 'ok', n: 1 },
      { outcome: 'wrong-pin', n: 3 },
    ]);
  });
});
