import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPin } from '../../shared/node/pin-hash';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { hubAdmin } from '../support/hub-admin-cli';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';


describe('centres and staff through the admin API', () => {
  let hub: TestHub;
  const admin = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${hub.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  };
  const clerk = { staffId: '2001', name: 'Peter Otieno', role: 'clerk', pin: '1470', badgeCode: 'GPO-BADGE-2001' };

  beforeEach(async () => {
    hub = await startTestHub();
    expect((await admin('POST', '/admin/v1/centres', { id: 'huduma-gpo', name: 'Huduma Centre GPO' })).status).toBe(201);
  });
  afterEach(async () => hub.close());

  it('creates staff in a centre, hashing the PIN, and never answers with the PIN or a hash', async () => {
    const added = await admin('POST', '/admin/v1/centres/huduma-gpo/staff', clerk);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ staff: expect.objectContaining({ staffId: '2001', centreId: 'huduma-gpo', role: 'clerk', badge: true, disabledAt: null }) });
    const listed = await admin('GET', '/admin/v1/centres/huduma-gpo/staff');
    expect(listed.body).toEqual({ staff: [added.body?.staff] });
    for (const answer of [added.text, listed.text, (await admin('GET', '/admin/v1/centres')).text]) {
      expect(answer).not.toContain('1470');
      expect(answer).not.toContain('scrypt');
      expect(answer).not.toContain('GPO-BADGE');
      expect(answer).not.toMatch(/badgeKey|pinHash|badgeHash/);
    }
    const stored = await hub.store.findStaff('2001');
    expect(stored?.pinHash).toMatch(/^scrypt\$/);
    expect(await verifyPin('1470', stored?.pinHash ?? '')).toBe(true);
    expect(JSON.stringify(hub.store.db.prepare('SELECT * FROM centre_staff').all())).not.toContain('1470');
  });

  it('disables and enables, changes the role, and resets the PIN', async () => {
    await admin('POST', '/admin/v1/centres/huduma-gpo/staff', clerk);
    expect((await admin('POST', '/admin/v1/staff/2001/disable')).status).toBe(204);
    expect(await hub.store.findStaff('2001')).toMatchObject({ disabledAt: expect.any(String) });
    expect((await admin('POST', '/admin/v1/staff/2001/enable')).status).toBe(204);
    expect(await hub.store.findStaff('2001')).toMatchObject({ disabledAt: null });
    expect((await admin('PUT', '/admin/v1/staff/2001/role', { role: 'supervisor' })).status).toBe(204);
    expect((await admin('PUT', '/admin/v1/staff/2001/pin', { pin: '7315' })).status).toBe(204);
    const stored = await hub.store.findStaff('2001');
    expect(stored?.role).toBe('supervisor');
    expect(await verifyPin('7315', stored?.pinHash ?? '')).toBe(true);
  });

  it('refuses bad input with a code and a sentence, changing nothing', async () => {
    const refusals: Array<[string, string, unknown, number, string]> = [
      ['POST', '/admin/v1/centres', { id: 'Huduma GPO!', name: 'x' }, 400, 'invalid'],
      ['POST', '/admin/v1/centres', { id: 'huduma-gpo', name: 'Again' }, 409, 'exists'],
      ['POST', '/admin/v1/centres/huduma-gpo/staff', { ...clerk, staffId: '20x1' }, 400, 'invalid'],
      ['POST', '/admin/v1/centres/huduma-gpo/staff', { ...clerk, role: 'admin' }, 400, 'invalid'],
      ['POST', '/admin/v1/centres/huduma-gpo/staff', { ...clerk, pin: '12' }, 400, 'invalid'],
      ['POST', '/admin/v1/centres/huduma-gpo/staff', { ...clerk, pin: '1234' }, 400, 'weak-pin'],
      ['POST', '/admin/v1/centres/huduma-mombasa/staff', clerk, 404, 'not-found'],
      ['POST', '/admin/v1/staff/9999/disable', undefined, 404, 'not-found'],
      ['PUT', '/admin/v1/staff/2001/role', { role: 'boss' }, 400, 'invalid'],
      ['PUT', '/admin/v1/kiosks/no-such-kiosk/centre', { centreId: 'huduma-gpo' }, 404, 'not-found'],
    ];
    for (const [method, route, body, status, code] of refusals) {
      const answer = await admin(method, route, body);
      expect({ route, status: answer.status, error: answer.body?.error }).toEqual({ route, status, error: code });
      expect(answer.body?.message).toEqual(expect.any(String));
      expect(answer.text).not.toContain('"pin"');
    }
    expect(await hub.store.listStaff('huduma-gpo')).toEqual([]);
    expect((await hub.store.listCentres()).map((c) => c.name)).toEqual(['Huduma Centre GPO']);

    await admin('POST', '/admin/v1/centres/huduma-gpo/staff', clerk);
    const taken = await admin('POST', '/admin/v1/centres/huduma-gpo/staff', { ...clerk, staffId: '2002' });
    expect([taken.status, taken.body?.error]).toEqual([409, 'badge-taken']);
    expect((await admin('GET', '/admin/v1/centres/huduma-gpo/staff', undefined)).body?.staff).toHaveLength(1);
  });

  it('answers nothing without the admin token', async () => {
    const response = await fetch(`${hub.url}/admin/v1/centres/huduma-gpo/staff`, { method: 'POST', body: JSON.stringify(clerk), headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(401);
    expect(await hub.store.listStaff('huduma-gpo')).toEqual([]);
  });
});

describe('npm run hub -- admin: centres, kiosks and staff', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hub-staff-cli-'));
    db = path.join(dir, 'hub.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const hub = (args: string[], stdin = '') => hubAdmin(db, args, stdin);

  it('adds a centre, a kiosk of it and staff with a PIN from stdin; disables, sets the role, resets the PIN; refuses bad input', async () => {
    expect(await hub(['add-centre', 'huduma-gpo', '--name', 'Huduma Centre GPO'])).toMatchObject({ code: 0 });
    expect((await hub(['add-kiosk', 'gpo-1', '--centre', 'huduma-gpo'])).stdout.trim()).toMatch(/^[\w-]{43}$/);
    expect(await hub(['add-kiosk', 'gpo-2', '--centre', 'huduma-mombasa'])).toMatchObject({ code: 1, stderr: 'hub: no centre huduma-mombasa\n' });
    expect(await hub(['add-staff', '2001', '--centre', 'huduma-gpo', '--name', 'Peter Otieno', '--role', 'clerk', '--badge', 'GPO-BADGE-2001'], '1470\n')).toMatchObject({ code: 0 });
    expect(await hub(['add-staff', '2002', '--centre', 'huduma-gpo', '--name', 'Weak Pin', '--role', 'clerk'], '1111\n')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('too easy to guess'),
    });
    expect(await hub(['set-role', '2001', '--role', 'boss'])).toMatchObject({ code: 1, stderr: 'hub: the role (clerk or supervisor) is not valid\n' });
    expect(await hub(['set-role', '2001', '--role', 'supervisor'])).toMatchObject({ code: 0 });
    expect(await hub(['disable-staff', '2001'])).toMatchObject({ code: 0 });
    expect(await hub(['reset-pin', '2001'], '7315\n')).toMatchObject({ code: 0 });
    const listed = await hub(['staff', '--centre', 'huduma-gpo']);
    expect(listed.stdout).toMatch(/^2001 {2}supervisor {2}disabled {2}badge {2}Peter Otieno$/m);

    const store = new SqliteHubStore(db);
    try {
      expect(await store.kioskCentre('gpo-1')).toMatchObject({ id: 'huduma-gpo' });
      expect(await verifyPin('7315', (await store.findStaff('2001'))?.pinHash ?? '')).toBe(true);
      expect(await store.findStaff('2002')).toBeUndefined();
    } finally {
      await store.close();
    }
    expect(readFileSync(db).includes(Buffer.from('7315'))).toBe(false);
  });
});
