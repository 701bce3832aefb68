import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/node/logging/logger';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import { callNames, FUZZ_RUNS, fuzzKiosk, jsonPayloadFor, notACallName, runBudget, visitOpen, type FuzzKiosk } from '../support/fuzz/fuzz-kiosk';
import { hostileString } from '../support/fuzz/hostile-values';

const rendererDir = path.resolve(import.meta.dirname, '../support/renderer-stub');
/** HTTP costs more per payload than IPC; a quarter of the runs keeps each call to a few seconds. */
const HTTP_RUNS = Math.ceil(FUZZ_RUNS / 4);

interface Answer {
  status: number;
  body: unknown;
}

describe('every contract call, fuzzed through the browser host over HTTP', () => {
  let kiosk: FuzzKiosk;
  let host: RunningHost;
  let hostHeader: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  /** node:http rather than fetch, so Host and any other header can be forged. */
  function post(urlPath: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
    return new Promise((resolve, reject) => {
      // A fresh connection each time: one refused request must not poison the next.
      const request = http.request(`${host.origin}${urlPath}`, { method: 'POST', agent: false, headers: { host: hostHeader, ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            reject(new Error(`${urlPath}: HTTP ${response.statusCode} answered with something other than JSON: ${text.slice(0, 200)}`));
          }
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }
  const trusted = () => ({ origin: host.origin, 'x-kiosk-secret': host.secret, 'content-type': 'application/json' });
  const callPath = (name: string) => `/api/call/${encodeURIComponent(name)}`;
  /** The host answers every request with a contract Result and never with a server error. */
  const sent = (urlPath: string, body: string | Buffer, headers: Record<string, string>) => async () => {
    const answer = await post(urlPath, body, headers);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
    return answer.body;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    kiosk = fuzzKiosk();
    host = await startHost({ core: kiosk.core, rendererDir, log: silentLogger });
    hostHeader = new URL(host.origin).host;
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await host.close();
    await kiosk.dispose();
  });

  it.each(callNames)('%s: a typed error or a valid answer, and a refusal writes nothing', async (name) => {
    const budget = runBudget();
    await fc.assert(
      fc.asyncProperty(jsonPayloadFor(name), visitOpen, async (payload, open) => {
        if (!budget.take()) return;
        await kiosk.setVisit(open);
        await kiosk.expectContractAnswer(name, sent(callPath(name), JSON.stringify(payload) ?? 'null', trusted()));
      }),
      { numRuns: HTTP_RUNS },
    );
    expect(kiosk.crashes).toEqual([]);
  });

  it('answers bodies that are not JSON, or too big, or of another type, with request.invalid', async () => {
    const body = fc.oneof(
      hostileString,
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.constantFrom('{"locale": ', '{"a":1}}', '\u0000', '[', '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": 1}}}', 'x'.repeat(70 * 1024)),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callNames), body, contentType, async (name, raw, type) => {
        const headers: Record<string, string> = { ...trusted(), 'content-type': type };
        if (!type) delete headers['content-type'];
        await kiosk.expectContractAnswer(name, sent(callPath(name), raw, headers));
      }),
      { numRuns: HTTP_RUNS },
    );
  });

  it('answers names outside the contract with call.unknown', async () => {
    // A lone surrogate cannot be put in a URL at all; fetch would refuse it in the page too.
    const inUrl = notACallName.filter((name) => !/\p{Surrogate}/u.test(name) && callPath(name).length < 8 * 1024);
    await fc.assert(
      fc.asyncProperty(inUrl, async (name) => {
        const answer = await post(callPath(name), '{}', trusted());
        await kiosk.expectContractAnswer(name, async () => answer.body);
        expect(answer.body).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(call\.unknown|request\.invalid)$/) } });
      }),
      { numRuns: HTTP_RUNS },
    );
  });

  it('leaves an address too long for the HTTP parser to the parser, and keeps serving', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      http.request(`${host.origin}${callPath('x'.repeat(20 * 1024))}`, { method: 'POST', agent: false }, (response) => resolve(response.statusCode ?? 0)).on('error', reject).end('{}');
    });
    expect(status).toBe(431);
    expect((await post(callPath('kiosk.info'), '{}', trusted())).body).toMatchObject({ ok: true });
  });

  it('refuses requests without the secret, from another origin or for another host, before the core', async () => {
    const forged = fc.oneof(
      fc.record({ origin: fc.constant('trusted'), secret: fc.oneof(fc.constant(''), fc.stringMatching(/^[\x21-\x7e]{1,60}$/)), host: fc.constant('') }),
      fc.record({ origin: fc.oneof(fc.webUrl(), fc.constant('null')), secret: fc.constant('trusted'), host: fc.constant('') }),
      fc.record({ origin: fc.constant('trusted'), secret: fc.constant('trusted'), host: fc.constantFrom('evil.example', 'localhost', '127.0.0.1', 'kiosk.rebind.example:80') }),
    );
    await fc.assert(
      fc.asyncProperty(forged, fc.constantFrom(...callNames), jsonPayloadFor('visit.start'), async (forgery, name, payload) => {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          origin: forgery.origin === 'trusted' ? host.origin : forgery.origin,
          'x-kiosk-secret': forgery.secret === 'trusted' ? host.secret : forgery.secret,
        };
        if (forgery.host) headers.host = forgery.host;
        if (!headers['x-kiosk-secret']) delete headers['x-kiosk-secret'];
        const answer = await post(callPath(name), JSON.stringify(payload) ?? 'null', headers);
        await kiosk.expectContractAnswer(name, async () => answer.body);
        expect(answer).toMatchObject({ status: 403, body: { ok: false, error: { code: 'host.forbidden' } } });
      }),
      { numRuns: HTTP_RUNS },
    );
  });

  it('left no promise rejected unhandled and no prototype polluted', () => {
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
