import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { createKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { createStaffAccess } from '../../electron/core/staff/staff-access';
import { addKiosk } from '../../hub/admin-commands';
import { addCentre, addStaff } from '../../hub/centre-commands';
import type { EventName, EventPayload } from '../../shared/contract';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { seedStaff } from '../support/staff-seed';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';

/**
 * A real hub and three real kiosk cores over HTTP: two of the GPO centre, one of Nyeri. The
 * kiosks read their centre's state every second (`sync.centreStateIntervalSeconds`).
 */
const CLERK = { staffId: '2001', name: 'Peter Otieno', role: 'clerk', pin: '1470', badgeCode: 'GPO-BADGE-2001' };
const SUPERVISOR = { staffId: '1001', name: 'Grace Njeri', role: 'supervisor', pin: '2580' };
const NYERI_CLERK = { staffId: '3001', name: 'Wanjiru Maina', role: 'clerk', pin: '3691' };
const LOCAL_ONLY = { staffId: '9001', name: 'Local Person', role: 'clerk', pin: '8024' } as const;
const SYNC_INTERVAL_MS = 1000;

interface StaffRow {
  id: string;
  role: string;
  active: number;
  from_hub: number;
  locked_until: string | null;
}

describe('centre staff from the hub', () => {
  let hub: TestHub;
  let gpoA: TempKiosk;
  let gpoB: TempKiosk;
  let nyeri: { core: KioskCore; kiosk: TempKiosk };
  const staffRows = (core: KioskCore) => core.context.db.prepare('SELECT id, role, active, from_hub, locked_until FROM staff ORDER BY id').all() as StaffRow[];
  const row = (core: KioskCore, staffId: string) => staffRows(core).find((r) => r.id === staffId);
  const signIn = (core: KioskCore, request: { staffId?: string; badgeCode?: string; pin: string }) => core.invoke('staff.signIn', request);
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const kioskIn = async (kioskId: string, centreId: string) =>
    tempKiosk({ clock: systemClock, settings: fastSyncSettings(hub.url, await addKiosk(hub.store, kioskId, new Date(), centreId), { centreStateIntervalSeconds: 1 }) });

  beforeAll(async () => {
    hub = await startTestHub();
    await addCentre(hub.store, { centreId: 'huduma-gpo', name: 'Huduma Centre GPO' });
    await addCentre(hub.store, { centreId: 'huduma-nyeri', name: 'Huduma Centre Nyeri' });
    for (const staff of [CLERK, SUPERVISOR]) await addStaff(hub.store, { centreId: 'huduma-gpo', ...staff });
    await addStaff(hub.store, { centreId: 'huduma-nyeri', ...NYERI_CLERK });
    gpoA = await kioskIn('gpo-1', 'huduma-gpo');
    gpoB = await kioskIn('gpo-2', 'huduma-gpo');
    // Nyeri's kiosk had an account of its own (npm run staff) before it was placed in the centre.
    const kiosk = tempKiosk({ clock: systemClock });
    await seedStaff(kiosk.core, [LOCAL_ONLY]);
    await kiosk.core.close();
    const token = await addKiosk(hub.store, 'nyeri-1', new Date(), 'huduma-nyeri');
    const core = createKioskCore({ databaseFile: kiosk.databaseFile, clock: systemClock, version: 'test', settings: fastSyncSettings(hub.url, token, { centreStateIntervalSeconds: 1 }) });
    nyeri = { core, kiosk };
    await vi.waitFor(() => {
      for (const k of [gpoA.core, gpoB.core, nyeri.core]) expect(staffRows(k).some((r) => r.from_hub === 1)).toBe(true);
    }, 10_000);
  });

  afterAll(async () => {
    await gpoA.dispose();
    await gpoB.dispose();
    await nyeri.core.close();
    await nyeri.kiosk.dispose();
    await hub.close();
  });

  it("gives each kiosk its own centre's staff alone, and withdraws accounts made on the kiosk", () => {
    for (const kiosk of [gpoA, gpoB]) {
      expect(staffRows(kiosk.core)).toEqual([
        { id: '1001', role: 'supervisor', active: 1, from_hub: 1, locked_until: null },
        { id: '2001', role: 'clerk', active: 1, from_hub: 1, locked_until: null },
      ]);
    }
    expect(staffRows(nyeri.core)).toEqual([
      { id: '3001', role: 'clerk', active: 1, from_hub: 1, locked_until: null },
      { id: '9001', role: 'clerk', active: 0, from_hub: 0, locked_until: null },
    ]);
    const audit = nyeri.core.context.db.prepare("SELECT outcome FROM audit_log WHERE action = 'staff.fromHub' ORDER BY id").all();
    expect(audit).toEqual([{ outcome: 'added' }, { outcome: 'withdrawn' }]);
  });

  it('signs staff in with the PIN and the badge the hub was given, on any kiosk of the centre, and nowhere else', async () => {
    expect(await signIn(gpoA.core, { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: true, value: { staffId: '2001', role: 'clerk' } });
    expect(await signIn(gpoB.core, { badgeCode: CLERK.badgeCode, pin: CLERK.pin })).toMatchObject({ ok: true, value: { staffId: '2001' } });
    expect(await signIn(nyeri.core, { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: false, error: { code: 'staff.signInFailed' } });
    expect(await signIn(nyeri.core, { staffId: LOCAL_ONLY.staffId, pin: LOCAL_ONLY.pin })).toMatchObject({ ok: false, error: { code: 'staff.signInFailed' } });
    await expect(createStaffAccess(nyeri.core.context).accounts.create({ ...LOCAL_ONLY, staffId: '9002' }, 'setup')).rejects.toMatchObject({
      payload: { code: 'staff.managedByHub' },
    });
  });

  it('signs a clerk disabled at the hub out of every kiosk of the centre within one sync interval, and refuses them', async () => {
    const ended: Array<EventPayload<'staff.changed'>> = [];
    gpoA.core.subscribe(<E extends EventName>(name: E, payload: EventPayload<E>) => {
      if (name === 'staff.changed') ended.push(payload as EventPayload<'staff.changed'>);
    });
    expect(await signIn(gpoA.core, { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: true });
    const disabledAt = Date.now();
    expect((await admin('POST', '/admin/v1/staff/2001/disable')).status).toBe(204);

    await vi.waitFor(() => expect(ended).toContainEqual({ staff: null, reason: 'disabled' }), 5_000);
    // One interval, plus the exchange itself and the loop's own timing.
    expect(Date.now() - disabledAt).toBeLessThan(SYNC_INTERVAL_MS * 2 + 500);
    expect(gpoA.core.context.staff.current()).toBeUndefined();
    const signOut = gpoA.core.context.db.prepare("SELECT actor FROM audit_log WHERE action = 'staff.signOut' AND outcome = 'disabled'").all();
    expect(signOut).toEqual([{ actor: 'staff:2001' }]);
    await vi.waitFor(() => expect(row(gpoB.core, '2001')?.active).toBe(0), 5_000);
    expect(await signIn(gpoB.core, { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: false, error: { code: 'staff.signInFailed' } });
    expect(await signIn(gpoB.core, { badgeCode: CLERK.badgeCode, pin: CLERK.pin })).toMatchObject({ ok: false, error: { code: 'staff.signInFailed' } });

    expect((await admin('POST', '/admin/v1/staff/2001/enable')).status).toBe(204);
    await vi.waitFor(() => expect(row(gpoB.core, '2001')?.active).toBe(1), 5_000);
    expect(await signIn(gpoB.core, { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: true });
  });

  it('counts wrong PINs across the centre: three on one kiosk and two on another lock the account on both', async () => {
    const wrongPin = (kiosk: TempKiosk) => signIn(kiosk.core, { staffId: SUPERVISOR.staffId, pin: '9135' });
    for (const kiosk of [gpoA, gpoA, gpoA, gpoB, gpoB]) expect(await wrongPin(kiosk)).toMatchObject({ ok: false, error: { code: 'staff.signInFailed' } });

    await vi.waitFor(() => {
      for (const kiosk of [gpoA, gpoB]) expect(row(kiosk.core, '1001')?.locked_until).not.toBeNull();
    }, 5_000);
    for (const kiosk of [gpoA, gpoB]) {
      expect(await signIn(kiosk.core, { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin })).toMatchObject({ ok: false, error: { code: 'staff.locked' } });
    }
    // The other centre's kiosk knows nothing of it, and the clerk beside the supervisor is not locked.
    expect(row(nyeri.core, '1001')).toBeUndefined();
    expect(await signIn(gpoA.core, { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: true });
  });

  it('takes a new role and a new PIN from the hub', async () => {
    expect((await admin('PUT', '/admin/v1/staff/2001/role', { role: 'supervisor' })).status).toBe(204);
    expect((await admin('PUT', '/admin/v1/staff/2001/pin', { pin: '7315' })).status).toBe(204);
    await vi.waitFor(() => expect(row(gpoB.core, '2001')?.role).toBe('supervisor'), 5_000);
    await vi.waitFor(async () => expect(await signIn(gpoB.core, { staffId: CLERK.staffId, pin: '7315' })).toMatchObject({ ok: true, value: { role: 'supervisor' } }), 5_000);
    expect(await signIn(gpoB.core, { staffId: CLERK.staffId, pin: CLERK.pin })).toMatchObject({ ok: false });
  });
});
