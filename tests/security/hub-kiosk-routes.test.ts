import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { addKiosk, disableKiosk, rotateKioskToken } from '../../hub/admin-commands';
import { createHubServer } from '../../hub/hub-server';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';

const ADMIN_TOKEN = 'sweep-admin-token';
/** A plausible body for each kiosk route, so nothing is refused for its shape before its credentials. */
const BODIES: Record<string, unknown> = {
  [SYNC_PATHS.upload]: { events: [{ seq: 1, id: 'sweep', type: 'test.swept', payload: {}, createdAt: '2026-11-22T09:00:00+03:00' }], auditHead: { id: 1, hash: 'c'.repeat(64) } },
  [SYNC_PATHS.heartbeat]: { version: 'x', eventsWaiting: 0, oldestWaitingAgeSeconds: null, rejectedCount: 0, lastSyncAt: null },
  [SYNC_PATHS.mpesaCallbacks]: { checkoutRequestIds: ['ws_CO_sweep'] },
};

describe('every kiosk route of the hub, swept with credentials that are not a live kiosk’s', () => {
  let dir: string;
  let store: SqliteHubStore;
  let app: FastifyInstance;
  let url: string;
  const routes: Array<{ method: string; url: string }> = [];
  const credentials: Record<string, string | undefined> = {};
  let liveToken: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hub-sweep-'));
    store = new SqliteHubStore(path.join(dir, 'hub.sqlite'));
    app = createHubServer({ store, adminToken: ADMIN_TOKEN });
    // Every route the hub registers, as Fastify registers it: a new kiosk route is swept without editing this test.
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    liveToken = await addKiosk(store, 'kiosk-live');
    const rotated = await addKiosk(store, 'kiosk-rotated');
    await rotateKioskToken(store, 'kiosk-rotated');
    const disabled = await addKiosk(store, 'kiosk-disabled');
    // The disabled kiosk has data at the hub that must not come back.
    await store.applyEvents('kiosk-disabled', [], new Date().toISOString(), { id: 3, hash: 'd'.repeat(64) });
    await disableKiosk(store, 'kiosk-disabled');

    Object.assign(credentials, {
      'no Authorization header': undefined,
      'an empty bearer': 'Bearer ',
      'a forged token of the right shape': `Bearer ${randomBytes(32).toString('base64url')}`,
      'a live token with one character changed': `Bearer ${liveToken.slice(0, -1)}${liveToken.endsWith('A') ? 'B' : 'A'}`,
      'a live token under another scheme': `Basic ${liveToken}`,
      'the admin token': `Bearer ${ADMIN_TOKEN}`,
      'a rotated-out token': `Bearer ${rotated}`,
      'a disabled kiosk’s token': `Bearer ${disabled}`,
    });
  });

  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const kioskRoutes = () => routes.filter((r) => r.url.startsWith('/sync/v1/'));

  it('finds every route of the protocol', () => {
    expect(new Set(kioskRoutes().map((r) => r.url))).toEqual(new Set(Object.values(SYNC_PATHS)));
  });

  it('answers 401 and nothing else to each of them', async () => {
    const wrong: string[] = [];
    let swept = 0;
    for (const route of kioskRoutes()) {
      for (const [name, authorization] of Object.entries(credentials)) {
        const body = BODIES[route.url];
        const response = await fetch(`${url}${route.url}`, {
          method: route.method,
          headers: { ...(authorization === undefined ? {} : { authorization }), ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body && route.method === 'POST' ? JSON.stringify(body) : undefined,
        });
        const text = await response.text();
        swept += 1;
        // HEAD answers carry no body; every other answer is the code and nothing else.
        const refused = response.status === 401 && text === (route.method === 'HEAD' ? '' : '{"error":"unauthorized"}');
        if (!refused) wrong.push(`${route.method} ${route.url} with ${name}: ${response.status} ${text.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(swept).toBeGreaterThanOrEqual(Object.keys(SYNC_PATHS).length * Object.keys(credentials).length);
    expect(store.db.prepare("SELECT count(*) AS n FROM kiosk_events WHERE id = 'sweep'").get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT row_id FROM kiosk_audit_heads WHERE hash = ?').all('c'.repeat(64))).toEqual([]);
  });

  it('gives a live kiosk its own audit heads and never another’s', async () => {
    await store.applyEvents('kiosk-live', [], new Date().toISOString(), { id: 9, hash: 'e'.repeat(64) });
    const response = await fetch(`${url}${SYNC_PATHS.auditHeads}`, { headers: { authorization: `Bearer ${liveToken}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ heads: [{ id: 9, hash: 'e'.repeat(64), receivedAt: expect.any(String) }], hasMore: false });
  });
});
