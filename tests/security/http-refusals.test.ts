import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../shared/node/logging/logger';
import { SYNC_PATHS, UPLOAD_BATCH_BYTES_MAX, UPLOAD_BODY_LIMIT_BYTES } from '../../shared/sync/protocol';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';

interface Answer {
  status: number;
  text: string;
}

/** node:http, so the path goes out exactly as written (fetch would normalise it). */
function request(base: string, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${urlPath}`, { method, agent: false, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        // An answer before the whole body was read (413) leaves the upload half-sent: end it here.
        req.destroy();
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
      });
    });
    // A server may answer 413 and close before the whole body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

/** A 400 names one of these and nothing else: not the validator's words, the fields it read, or the input. */
const STABLE_400_CODES = ['invalid-request', 'invalid-batch', 'invalid-heartbeat', 'invalid-query', 'invalid-edits'];

describe('the hub’s refusals over HTTP', () => {
  let hub: TestHub;
  let token: string;
  const json = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  beforeAll(async () => {
    hub = await startTestHub();
    token = await hub.addKiosk('kiosk-refusals');
  });
  afterAll(() => hub.close());

  it('refuses an upload body larger than the largest batch a kiosk builds with 413, and nothing is stored', async () => {
    expect(UPLOAD_BODY_LIMIT_BYTES).toBe(4 * 1024 * 1024 + 1024);
    const padding = 'x'.repeat(UPLOAD_BODY_LIMIT_BYTES);
    const oversize = JSON.stringify({ events: [{ seq: 1, id: 'oversize', type: 'test.big', payload: { padding }, createdAt: new Date().toISOString() }] });
    const answer = await request(hub.url, 'POST', SYNC_PATHS.upload, json(), oversize);
    expect(answer).toEqual({ status: 413, text: '{"error":"too-large"}' });
    expect(hub.store.db.prepare("SELECT count(*) AS n FROM kiosk_events WHERE kiosk_id = 'kiosk-refusals'").get()).toEqual({ n: 0 });

    // The other kiosk routes take a few kilobytes.
    const heartbeat = await request(hub.url, 'POST', SYNC_PATHS.heartbeat, json(), JSON.stringify({ version: 'x'.repeat(100 * 1024) }));
    expect(heartbeat).toEqual({ status: 413, text: '{"error":"too-large"}' });
  });

  it('takes the largest batch a kiosk builds at its byte budget', async () => {
    // A hub of its own: the kiosk's keep-alive connections end with it.
    const ownHub = await startTestHub();
    const kiosk: TempKiosk = tempKiosk({
      settings: fastSyncSettings(ownHub.url, await ownHub.addKiosk('kiosk-full-batches'), { uploadBatchBytes: UPLOAD_BATCH_BYTES_MAX, uploadBatchEvents: 10_000 }),
    });
    try {
      // 60 events of 200 KB (100,000 two-byte characters each): batches fill the 4 MiB budget to within one event.
      for (let n = 0; n < 60; n++) kiosk.core.context.outbox.enqueue('test.large', { n, blob: 'é'.repeat(100_000) });
      await vi.waitFor(
        () => expect(kiosk.core.context.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'acked'").get()).toEqual({ n: 60 }),
        { timeout: 20_000, interval: 50 },
      );
    } finally {
      await kiosk.dispose();
      await ownHub.close();
    }
  });

  it('answers a 400 with a stable code only: no validator wording, no field names', async () => {
    const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const cases: Array<[string, string, Record<string, string>, string | undefined]> = [
      ['POST', SYNC_PATHS.upload, json(), JSON.stringify({ events: 'not a list' })],
      ['POST', SYNC_PATHS.upload, json(), JSON.stringify({ events: [], auditHead: { id: -1, hash: 'short' } })],
      ['POST', SYNC_PATHS.upload, json(), '{"events": ['],
      ['POST', SYNC_PATHS.upload, json(), ''],
      ['POST', SYNC_PATHS.heartbeat, json(), JSON.stringify({ version: 5 })],
      ['POST', SYNC_PATHS.mpesaCallbacks, json(), JSON.stringify({ checkoutRequestIds: 'ws_CO_1' })],
      ['GET', `${SYNC_PATHS.download}?limit=many`, json(), undefined],
      ['GET', `${SYNC_PATHS.auditHeads}?after=-1`, json(), undefined],
      ['POST', '/admin/v1/replica', admin, JSON.stringify({ edits: [{ table: 'no_such_table' }] })],
      ['GET', '/admin/v1/kiosks/x/events?limit=0', admin, undefined],
      // A NUL character: PostgreSQL's text refuses it, so both stores' hubs refuse it at the door.
      ['POST', '/admin/v1/replica', admin, JSON.stringify({ edits: [{ table: 'fees', upserts: [{ code: 'NUL\u0000', name: 'x' }] }] })],
      ['POST', '/admin/v1/replica', admin, JSON.stringify({ edits: [{ table: 'fees', deletes: ['NUL\u0000'] }] })],
    ];
    for (const [method, urlPath, headers, body] of cases) {
      const answer = await request(hub.url, method, urlPath, headers, body);
      expect(answer.status, `${method} ${urlPath} ${body}`).toBe(400);
      expect(answer.text, `${method} ${urlPath}`).toMatch(/^\{"error":"[a-z-]+"\}$/);
      expect(STABLE_400_CODES).toContain((JSON.parse(answer.text) as { error: string }).error);
    }
    expect(hub.store.db.prepare("SELECT count(*) AS n FROM fees WHERE code LIKE 'NUL%'").get()).toEqual({ n: 0 });
    // Another body type is refused by name only.
    const plain = await request(hub.url, 'POST', SYNC_PATHS.upload, { authorization: `Bearer ${token}`, 'content-type': 'application/xml' }, '<events/>');
    expect(plain).toEqual({ status: 415, text: '{"error":"unsupported-media-type"}' });
  });

  it('never echoes the path it was asked for', async () => {
    for (const [method, urlPath, headers] of [
      ['GET', '/probe-7f3a/etc/passwd', {}],
      ['POST', '/sync/v1/probe-7f3a', json()],
      ['DELETE', `${SYNC_PATHS.upload}?probe-7f3a`, json()],
      ['GET', '/admin/v1/probe-7f3a', { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }],
      ['GET', '/%E0%A4%Aprobe-7f3a', {}],
    ] as const) {
      const answer = await request(hub.url, method, urlPath, headers);
      expect([400, 404], `${method} ${urlPath}`).toContain(answer.status);
      expect(answer.text).toMatch(/^\{"error":"(not-found|invalid-request)"\}$/);
    }
  });
});

describe('the browser host’s 404', () => {
  let kiosk: TempKiosk;
  let host: RunningHost;

  beforeAll(async () => {
    kiosk = tempKiosk();
    host = await startHost({ core: kiosk.core, rendererDir: path.resolve(import.meta.dirname, '../support/renderer-stub'), log: silentLogger });
  });
  afterAll(async () => {
    await host.close();
    await kiosk.dispose();
  });

  it('answers a fixed body that does not name the path', async () => {
    const hostHeader = new URL(host.origin).host;
    for (const [method, urlPath] of [
      ['GET', '/probe-7f3a.js'],
      ['POST', '/probe-7f3a'],
      ['GET', '/assets/probe-7f3a/../../probe-7f3a'],
      ['PUT', '/'],
    ] as const) {
      const answer = await request(host.origin, method, urlPath, { host: hostHeader });
      expect(answer.status, `${method} ${urlPath}`).toBe(404);
      expect(answer.text).not.toMatch(/probe-7f3a|Route|PUT|POST|GET/);
      expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    }
  });
});
