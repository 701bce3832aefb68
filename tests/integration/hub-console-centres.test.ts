import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_API, CONSOLE_REQUEST_HEADER, type CentreView } from '../../shared/console/console-api';
import { verifyPin } from '../../shared/node/pin-hash';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { ADMIN, startConsoleHub, type ConsoleHub } from '../support/console-hub';

/** Centres, kiosks and staff managed from the console over real HTTP: each change by a signed-in admin, recorded, never with a PIN. */
describe('the hub console: centres and staff', () => {
  let hub: ConsoleHub;
  let cookie: string;
  const clerk = { staffId: '2001', name: 'Peter Otieno', role: 'clerk', pin: '1470', badgeCode: 'GPO-BADGE-2001' };
  const PINS = ['1470', '7315', '2580'];

  /** A console call as the app makes it: the session cookie and the CSRF header, unless a test leaves them out. */
  const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = { cookie, [CONSOLE_REQUEST_HEADER]: '1' }) => {
    const response = await fetch(`${hub.url}${CONSOLE_API}${route}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  };
  const centrePage = async (id = 'huduma-gpo') => (await call('GET', `/centres/${id}`)).body as unknown as CentreView;
  const storedActions = () => JSON.stringify(hub.store.db.prepare('SELECT * FROM console_actions').all());

  beforeEach(async () => {
    hub = await startConsoleHub();
    cookie = await hub.signIn();
    expect((await call('POST', '/centres', { id: 'huduma-gpo', name: 'Huduma Centre GPO' })).status).toBe(201);
  });
  afterEach(async () => hub.close());

  it('adds a centre and lists it; its page starts with no staff and the action that made it', async () => {
    const added = await call('POST', '/centres', { id: 'huduma-nyeri', name: 'Huduma Centre Nyeri' });
    expect(added).toMatchObject({ status: 201, body: { centre: { id: 'huduma-nyeri', name: 'Huduma Centre Nyeri' } } });
    expect((await call('GET', '/centres')).body).toEqual({ centres: [{ id: 'huduma-gpo', name: 'Huduma Centre GPO' }, { id: 'huduma-nyeri', name: 'Huduma Centre Nyeri' }] });
    const page = await centrePage('huduma-nyeri');
    expect(page.centre).toMatchObject({ id: 'huduma-nyeri', name: 'Huduma Centre Nyeri' });
    expect(page.staff).toEqual([]);
    expect(page.actions).toEqual([{ adminName: ADMIN.name, action: 'centre.add', target: 'huduma-nyeri', centreId: 'huduma-nyeri', outcome: 'done', at: hub.clock.now.toISOString() }]);
  });

  it('adds staff, disables and enables, changes the role and resets the PIN, each recorded with the admin, never with a PIN', async () => {
    const added = await call('POST', '/centres/huduma-gpo/staff', clerk);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ staff: expect.objectContaining({ staffId: '2001', centreId: 'huduma-gpo', name: 'Peter Otieno', role: 'clerk', badge: true, disabledAt: null }) });
    expect(await verifyPin('1470', (await hub.store.findStaff('2001'))?.pinHash ?? '')).toBe(true);

    expect((await call('POST', '/staff/2001/disable')).status).toBe(204);
    expect(await hub.store.findStaff('2001')).toMatchObject({ disabledAt: hub.clock.now.toISOString() });
    expect((await call('POST', '/staff/2001/enable')).status).toBe(204);
    expect(await hub.store.findStaff('2001')).toMatchObject({ disabledAt: null });
    expect((await call('PUT', '/staff/2001/role', { role: 'supervisor' })).status).toBe(204);
    expect((await call('PUT', '/staff/2001/pin', { pin: '7315' })).status).toBe(204);
    const stored = await hub.store.findStaff('2001');
    expect(stored?.role).toBe('supervisor');
    expect(await verifyPin('7315', stored?.pinHash ?? '')).toBe(true);

    const page = await call('GET', '/centres/huduma-gpo');
    expect((page.body as unknown as CentreView).staff).toEqual([expect.objectContaining({ staffId: '2001', role: 'supervisor', badge: true, disabledAt: null })]);
    expect((page.body as unknown as CentreView).actions.map(({ adminName, action, target, outcome }) => [adminName, action, target, outcome])).toEqual([
      [ADMIN.name, 'staff.pin-reset', '2001', 'done'],
      [ADMIN.name, 'staff.role', '2001', 'done'],
      [ADMIN.name, 'staff.enable', '2001', 'done'],
      [ADMIN.name, 'staff.disable', '2001', 'done'],
      [ADMIN.name, 'staff.add', '2001', 'done'],
      [ADMIN.name, 'centre.add', 'huduma-gpo', 'done'],
    ]);
    for (const text of [added.text, page.text, storedActions()]) {
      for (const pin of PINS) expect(text).not.toContain(pin);
      expect(text).not.toMatch(/scrypt|GPO-BADGE|pinHash|badgeHash|badgeKey/);
    }
  });

  it('moves a kiosk into a centre; a staff member disabled in the console is then reported disabled to that kiosk', async () => {
    const token = await hub.addKiosk('gpo-01');
    expect((await call('PUT', '/kiosks/gpo-01/centre', { centreId: 'huduma-gpo' })).status).toBe(204);
    expect((await hub.store.listKiosks()).find((k) => k.id === 'gpo-01')?.centreId).toBe('huduma-gpo');
    await call('POST', '/centres/huduma-gpo/staff', clerk);
    expect((await call('POST', '/staff/2001/disable')).status).toBe(204);

    const state = await fetch(`${hub.url}${SYNC_PATHS.centreState}`, { headers: { authorization: `Bearer ${token}` } });
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ centre: { id: 'huduma-gpo' }, staff: [{ staffId: '2001', disabled: true }] });
    expect((await centrePage()).actions.map((a) => [a.action, a.target])).toEqual([
      ['staff.disable', '2001'],
      ['staff.add', '2001'],
      ['kiosk.centre', 'gpo-01'],
      ['centre.add', 'huduma-gpo'],
    ]);
  });

  it('refuses without a session or without the console header, changing and recording nothing', async () => {
    await call('POST', '/centres/huduma-gpo/staff', clerk);
    const before = storedActions();
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/centres', { id: 'huduma-nyeri', name: 'Huduma Centre Nyeri' }],
      ['POST', '/centres/huduma-gpo/staff', { ...clerk, staffId: '2002', badgeCode: undefined }],
      ['POST', '/staff/2001/disable', undefined],
      ['PUT', '/staff/2001/role', { role: 'supervisor' }],
      ['PUT', '/staff/2001/pin', { pin: '7315' }],
      ['PUT', '/kiosks/gpo-01/centre', { centreId: 'huduma-gpo' }],
    ];
    await hub.addKiosk('gpo-01');
    for (const [method, route, body] of attempts) {
      expect((await call(method, route, body, { [CONSOLE_REQUEST_HEADER]: '1' })).status, `${route} without a session`).toBe(401);
      expect((await call(method, route, body, { cookie })).status, `${route} without the header`).toBe(403);
      expect((await call(method, route, body, { cookie, [CONSOLE_REQUEST_HEADER]: '1', origin: 'https://evil.example' })).status, `${route} from elsewhere`).toBe(403);
    }
    expect((await call('GET', '/centres/huduma-gpo', undefined, {})).status).toBe(401);
    expect((await hub.store.listCentres()).map((c) => c.id)).toEqual(['huduma-gpo']);
    expect(await hub.store.listStaff('huduma-gpo')).toEqual([expect.objectContaining({ staffId: '2001', role: 'clerk', disabledAt: null })]);
    expect(await verifyPin('1470', (await hub.store.findStaff('2001'))?.pinHash ?? '')).toBe(true);
    expect((await hub.store.listKiosks()).find((k) => k.id === 'gpo-01')?.centreId).toBeNull();
    expect(storedActions()).toBe(before);
  });

  it('refuses bad input with a code and a sentence, changing nothing, and records each refusal without the PIN', async () => {
    await call('POST', '/centres/huduma-gpo/staff', clerk);
    await hub.addKiosk('gpo-01');
    const refusals: Array<[string, string, unknown, number, string]> = [
      ['POST', '/centres', { id: 'Huduma GPO!', name: 'x' }, 400, 'invalid'],
      ['POST', '/centres', { id: 'huduma-gpo', name: 'Again' }, 409, 'exists'],
      ['POST', '/centres/huduma-gpo/staff', { ...clerk, staffId: '2002', badgeCode: undefined, pin: '9876' }, 400, 'weak-pin'],
      ['POST', '/centres/huduma-gpo/staff', { ...clerk, staffId: '2002', badgeCode: undefined, pin: '2580x' }, 400, 'invalid'],
      ['POST', '/centres/huduma-gpo/staff', { ...clerk, staffId: '2002', badgeCode: undefined, role: 'admin' }, 400, 'invalid'],
      ['POST', '/centres/huduma-gpo/staff', { ...clerk, badgeCode: undefined, pin: '2580' }, 409, 'exists'],
      ['POST', '/centres/huduma-gpo/staff', { ...clerk, staffId: '2002', pin: '2580' }, 409, 'badge-taken'],
      ['POST', '/centres/huduma-mombasa/staff', { ...clerk, staffId: '2002', badgeCode: undefined, pin: '2580' }, 404, 'not-found'],
      ['POST', '/staff/9999/disable', undefined, 404, 'not-found'],
      ['PUT', '/staff/2001/role', { role: 'boss' }, 400, 'invalid'],
      ['PUT', '/staff/2001/pin', { pin: '1111' }, 400, 'weak-pin'],
      ['PUT', '/staff/2001/pin', { pin: '25' }, 400, 'invalid'],
      ['PUT', '/kiosks/no-such-kiosk/centre', { centreId: 'huduma-gpo' }, 404, 'not-found'],
      ['PUT', '/kiosks/gpo-01/centre', { centreId: 'huduma-mombasa' }, 404, 'not-found'],
    ];
    for (const [method, route, body, status, code] of refusals) {
      const answer = await call(method, route, body);
      expect({ route, status: answer.status, error: answer.body?.error }).toEqual({ route, status, error: code });
      expect(answer.body?.message).toEqual(expect.any(String));
      for (const pin of ['9876', '2580', '1111']) expect(answer.text).not.toContain(pin);
    }
    const role = await call('PUT', '/staff/2001/role', { role: 'boss' });
    expect(role.body?.message).toBe('not valid: role');

    expect((await hub.store.listCentres()).map((c) => c.name)).toEqual(['Huduma Centre GPO']);
    expect(await hub.store.listStaff('huduma-gpo')).toEqual([expect.objectContaining({ staffId: '2001', role: 'clerk', disabledAt: null })]);
    expect(await verifyPin('1470', (await hub.store.findStaff('2001'))?.pinHash ?? '')).toBe(true);
    expect((await hub.store.listKiosks()).find((k) => k.id === 'gpo-01')?.centreId).toBeNull();
    const actions = await hub.store.listConsoleActions(50);
    expect(actions.slice(0, refusals.length + 1).reverse().map((a) => [a.action, a.outcome])).toEqual([
      ...refusals.map(([method, route, , , code]) => [actionOf(method, route), code]),
      ['staff.role', 'invalid'],
    ]);
    expect(actions.every((a) => a.adminName === ADMIN.name)).toBe(true);
    for (const pin of ['9876', '2580', '1111', '1470']) expect(storedActions()).not.toContain(pin);
    expect((await call('GET', '/centres/huduma-mombasa')).body).toMatchObject({ error: 'not-found' });
  });
});

function actionOf(method: string, route: string): string {
  if (route === '/centres') return 'centre.add';
  if (route.startsWith('/kiosks/')) return 'kiosk.centre';
  if (route.endsWith('/staff')) return 'staff.add';
  if (route.endsWith('/disable')) return 'staff.disable';
  return method === 'PUT' && route.endsWith('/role') ? 'staff.role' : 'staff.pin-reset';
}
