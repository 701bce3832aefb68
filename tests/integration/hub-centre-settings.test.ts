import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { hubAdmin } from '../support/hub-admin-cli';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';


const SETTINGS = {
  idle: { timeoutSeconds: 90, warningSeconds: 15 },
  lookup: { lookupsPerVisit: 1 },
  receipts: { footerLines: { en: ['Thank you for using Huduma'], sw: ['Asante kwa kutumia Huduma'] } },
};

/** Documents the back office may not store, and the path each refusal must name. */
const REFUSED: Array<[unknown, string]> = [
  [{ mpesa: { consumerSecret: 'sekret' } }, 'mpesa: not a setting the back office may set'],
  [{ sync: { hubToken: 'sekret' } }, 'sync: not a setting the back office may set'],
  [{ printer: { host: '10.0.0.9' } }, 'printer: not a setting the back office may set'],
  [{ lookup: { lookupsPerVisit: 1, searchesPerDay: 4 } }, 'lookup.searchesPerDay: not a setting the back office may set'],
  [{ lookup: { lookupsPerVisit: 0 } }, 'lookup.lookupsPerVisit: '],
  [{ receipts: { footerLines: { en: ['Cut\x1dV'], sw: [] } } }, 'receipts.footerLines.en.0: printable text only'],
];

describe("a centre's settings through the admin API", () => {
  let hub: TestHub;
  const admin = async (method: string, route: string, body?: unknown, token = TEST_ADMIN_TOKEN) => {
    const response = await fetch(`${hub.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  };

  beforeEach(async () => {
    hub = await startTestHub();
    expect((await admin('POST', '/admin/v1/centres', { id: 'huduma-gpo', name: 'Huduma Centre GPO' })).status).toBe(201);
  });
  afterEach(async () => hub.close());

  it('answers {} until set, then the whole document with who set it and when; a new document replaces it whole', async () => {
    expect(await admin('GET', '/admin/v1/centres/huduma-gpo/settings')).toEqual({
      status: 200,
      body: { centreId: 'huduma-gpo', settings: {}, updatedBy: null, updatedAt: null },
    });
    const set = await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', SETTINGS);
    expect(set).toEqual({ status: 200, body: { centreId: 'huduma-gpo', settings: SETTINGS, updatedBy: 'admin-api', updatedAt: expect.any(String) } });
    expect((await admin('GET', '/admin/v1/centres/huduma-gpo/settings')).body).toEqual(set.body);

    expect((await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', { staff: { maxFailedPins: 3 } })).status).toBe(200);
    expect((await hub.store.centreSettings('huduma-gpo'))?.document).toEqual({ staff: { maxFailedPins: 3 } });
  });

  it('refuses a secret, an unknown key, a value out of bounds or a printer command, naming the path, and keeps what it had', async () => {
    await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', SETTINGS);
    for (const [document, named] of REFUSED) {
      const answer = await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', document);
      expect(answer.status, named).toBe(400);
      expect(answer.body?.error).toBe('invalid');
      expect(answer.body?.message).toEqual(expect.stringContaining(named));
      expect(JSON.stringify(answer.body)).not.toContain('sekret');
    }
    expect((await hub.store.centreSettings('huduma-gpo'))?.document).toEqual(SETTINGS);
    expect(await admin('PUT', '/admin/v1/centres/huduma-mombasa/settings', SETTINGS)).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await admin('GET', '/admin/v1/centres/huduma-mombasa/settings')).toMatchObject({ status: 404, body: { error: 'not-found' } });
  });

  it('refuses to set or read settings without the admin token', async () => {
    const raw = await fetch(`${hub.url}/admin/v1/centres/huduma-gpo/settings`, { method: 'PUT', body: JSON.stringify(SETTINGS), headers: { 'content-type': 'application/json' } });
    expect(raw.status).toBe(401);
    const kioskToken = await hub.addKiosk('gpo-1');
    expect((await admin('PUT', '/admin/v1/centres/huduma-gpo/settings', SETTINGS, kioskToken)).status).toBe(401);
    expect((await admin('GET', '/admin/v1/centres/huduma-gpo/settings', undefined, kioskToken)).status).toBe(401);
    expect(await hub.store.centreSettings('huduma-gpo')).toBeUndefined();
  });
});

describe("npm run hub -- admin: a centre's settings", () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hub-settings-cli-'));
    db = path.join(dir, 'hub.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const hub = (args: string[], stdin = '') => hubAdmin(db, args, stdin);
  const stored = async () => {
    const store = new SqliteHubStore(db);
    try {
      return await store.centreSettings('huduma-gpo');
    } finally {
      await store.close();
    }
  };

  it('sets them from stdin or a file, prints them, and refuses what is not allowed with the path, changing nothing', async () => {
    expect(await hub(['add-centre', 'huduma-gpo', '--name', 'Huduma Centre GPO'])).toMatchObject({ code: 0 });
    expect(await hub(['set-settings', 'huduma-gpo'], JSON.stringify(SETTINGS))).toMatchObject({ code: 0, stdout: expect.stringContaining('huduma-gpo') });
    expect(await stored()).toEqual({ document: SETTINGS, updatedBy: expect.stringMatching(/^cli/), updatedAt: expect.any(String) });
    const printed = await hub(['settings', 'huduma-gpo']);
    expect(JSON.parse(printed.stdout)).toMatchObject({ centreId: 'huduma-gpo', settings: SETTINGS });

    // A secret, an unknown key, a value out of bounds (the route's test covers every refusal; a CLI run takes seconds).
    for (const [document, named] of [REFUSED[0], REFUSED[3], REFUSED[4]] as Array<[unknown, string]>) {
      const refused = await hub(['set-settings', 'huduma-gpo'], JSON.stringify(document));
      expect(refused.code, named).toBe(1);
      expect(refused.stderr).toMatch(/^hub: the settings were refused, nothing was changed: /);
      expect(refused.stderr).toContain(named);
    }
    expect(await hub(['set-settings', 'huduma-gpo'], '{"lookup": ')).toMatchObject({ code: 1, stderr: expect.stringContaining('not JSON') });
    expect(await hub(['set-settings', 'huduma-mombasa'], '{}')).toMatchObject({ code: 1, stderr: 'hub: no centre huduma-mombasa\n' });
    expect((await stored())?.document).toEqual(SETTINGS);

    const file = path.join(dir, 'gpo-settings.json');
    writeFileSync(file, JSON.stringify({ staff: { lockoutMinutes: 30 } }));
    expect(await hub(['set-settings', 'huduma-gpo', '--file', file])).toMatchObject({ code: 0 });
    expect((await stored())?.document).toEqual({ staff: { lockoutMinutes: 30 } });
  }, 60_000);
});
