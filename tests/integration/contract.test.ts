import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../shared/contract';
import { silentLogger } from '../../shared/node/logging/logger';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import { tableCounts, tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const rendererDir = path.resolve(import.meta.dirname, '../support/renderer-stub');
const callNames = Object.keys(calls) as CallName[];
/** Every call's request is an object, so none of these can be valid for any call. */
const malformed: unknown[] = [null, 42, 'text', [], true, [{}], 'x'.repeat(10_000)];

function expectTypedError(result: unknown, code: string) {
  expect(result).toMatchObject({ ok: false, error: { code, message: { en: expect.any(String), sw: expect.any(String) } } });
}

describe('the contract, through the core', () => {
  let kiosk: TempKiosk;
  beforeAll(() => {
    kiosk = tempKiosk();
  });
  afterAll(() => kiosk.dispose());

  it.each(callNames)('%s refuses malformed payloads with a typed error and writes nothing', async (name) => {
    await kiosk.core.invoke('visit.start', { locale: 'en' });
    const before = tableCounts(kiosk.core);
    for (const payload of malformed) expectTypedError(await kiosk.core.invoke(name, payload), 'request.invalid');
    expect(tableCounts(kiosk.core)).toEqual(before);
  });

  it('refuses a call that is not in the contract', async () => {
    expectTypedError(await kiosk.core.invoke('db.dropEverything', {}), 'call.unknown');
    expectTypedError(await kiosk.core.invoke('__proto__', {}), 'call.unknown');
    expectTypedError(await kiosk.core.invoke('toString', {}), 'call.unknown');
  });

  it('names the field at fault', async () => {
    const result = await kiosk.core.invoke('visit.start', { locale: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'request.invalid', field: 'locale' } });
  });

  it('refuses calls that need a visit when none is open', async () => {
    await kiosk.core.invoke('visit.end', { reason: 'done' });
    expectTypedError(await kiosk.core.invoke('visit.keepAlive', {}), 'visit.none');
  });
});

describe('the contract, through the browser host', () => {
  let kiosk: TempKiosk;
  let host: RunningHost;
  const post = (name: string, body: string, headers: Record<string, string>) =>
    fetch(`${host.origin}/api/call/${name}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const trusted = () => ({ origin: host.origin, 'x-kiosk-secret': host.secret });

  beforeAll(async () => {
    kiosk = tempKiosk();
    host = await startHost({ core: kiosk.core, rendererDir, log: silentLogger });
  });
  afterAll(async () => {
    await host.close();
    await kiosk.dispose();
  });

  it('answers the page it served', async () => {
    const response = await post('kiosk.info', '{}', trusted());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { version: 'test' } });
  });

  it.each(callNames)('%s over HTTP refuses malformed payloads with a typed error', async (name) => {
    const before = tableCounts(kiosk.core);
    for (const payload of malformed) {
      const response = await post(name, JSON.stringify(payload), trusted());
      expectTypedError(await response.json(), 'request.invalid');
    }
    const notJson = await post(name, '{"locale": ', trusted());
    expect(notJson.status).toBe(400);
    expectTypedError(await notJson.json(), 'request.invalid');
    expect(tableCounts(kiosk.core)).toEqual(before);
  });

  it('refuses a request without the secret, with a wrong one, or from another origin', async () => {
    const refusals = [
      await post('visit.start', '{"locale":"en"}', { origin: host.origin }),
      await post('visit.start', '{"locale":"en"}', { origin: host.origin, 'x-kiosk-secret': 'guess' }),
      await post('visit.start', '{"locale":"en"}', { origin: 'http://127.0.0.1:1', 'x-kiosk-secret': host.secret }),
      await post('visit.start', '{"locale":"en"}', { origin: 'https://evil.example', 'x-kiosk-secret': host.secret }),
      await post('visit.start', '{"locale":"en"}', { 'x-kiosk-secret': host.secret }),
      await post('visit.start', '{"locale":"en"}', { ...trusted(), 'sec-fetch-site': 'cross-site' }),
      await fetch(`${host.origin}/api/events`),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(403);
      expectTypedError(await response.json(), 'host.forbidden');
    }
    expect(kiosk.core.context.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
  });

  it('refuses a forged Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.origin}/api/call/kiosk.info`, { method: 'POST', headers: { ...trusted(), host: 'attacker.example', 'content-type': 'application/json' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('serves the page with a strict Content-Security-Policy and without the secret', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).not.toContain(host.secret);
  });

  it('listens on loopback only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
  });
});
