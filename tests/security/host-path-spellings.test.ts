import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../electron/core/kiosk-core';
import { silentLogger } from '../../shared/node/logging/logger';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import { rawRequest, type RawAnswer } from '../support/raw-http';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const rendererDir = path.resolve(import.meta.dirname, '../support/renderer-stub');

const escape = (char: string, lower = false) => {
  const hex = `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
  return lower ? hex : hex.toUpperCase();
};
const spellAt = (p: string, i: number, spelling: string) => p.slice(0, i) + spelling + p.slice(i + 1);
const indexesOf = (p: string, char: string) => [...p].flatMap((c, i) => (c === char ? [i] : []));

/**
 * Every way we know to write an address that a router might take for `canonical`:
 * percent-escapes of each character (slashes too) in either hex case and doubly escaped,
 * case changes, doubled slashes, dot segments, trailing slashes and dots, semicolon
 * parameters, query strings, backslashes, overlong UTF-8 and the absolute form.
 */
function spellingsOf(canonical: string, authority: string): string[] {
  const found = new Set<string>([canonical]);
  [...canonical].forEach((char, i) => {
    found.add(spellAt(canonical, i, escape(char)));
    found.add(spellAt(canonical, i, escape(char, true)));
    found.add(spellAt(canonical, i, `%25${escape(char).slice(1)}`));
  });
  found.add([...canonical].map((c) => escape(c)).join(''));
  found.add([...canonical].map((c) => (c === '/' ? c : escape(c, true))).join(''));
  found.add(canonical.toUpperCase());
  found.add(canonical.replace(/\/(\w)/g, (_m, c: string) => `/${c.toUpperCase()}`));
  for (const i of indexesOf(canonical, '/')) {
    found.add(spellAt(canonical, i, '//'));
    found.add(spellAt(canonical, i, '/./'));
    found.add(spellAt(canonical, i, '/x/../'));
    found.add(spellAt(canonical, i, '/%2e/'));
    found.add(spellAt(canonical, i, '/x/%2e%2e/'));
    found.add(spellAt(canonical, i, '\\'));
    found.add(spellAt(canonical, i, ';x/'));
    found.add(spellAt(canonical, i, ';/'));
  }
  found.add(`/${canonical}`);
  found.add(`/./${canonical.slice(1)}`);
  found.add(`/..${canonical}`);
  found.add(`${canonical}/`);
  found.add(`${canonical}//`);
  found.add(`${canonical}/.`);
  found.add(`${canonical}/..`);
  found.add(`${canonical};`);
  found.add(`${canonical};x=1`);
  found.add(`${canonical}?`);
  found.add(`${canonical}?x=1`);
  found.add(`${canonical}#x`);
  found.add(`${canonical}%00`);
  found.add(`${canonical}%20`);
  found.add(canonical.replace('/a', '/%C1%A1'));
  found.add(canonical.replace('/a', '/%u0061'));
  found.add(canonical.replace('/api/', '/%61pi/'));
  found.add(`http://${authority}${canonical}`);
  found.add(`http://${authority}${canonical.replace('/api/', '/%61pi/')}`);
  found.add(`http://evil.example${canonical.replace('/api/', '/%61pi/')}`);
  return [...found];
}

/** The core as the host sees it, counting what reaches it. */
function countingCore(core: KioskCore) {
  const reached = { invoke: 0, subscribe: 0 };
  const counted = new Proxy(core, {
    get(target, property, receiver) {
      if (property === 'invoke') return (...args: Parameters<KioskCore['invoke']>) => (reached.invoke++, target.invoke(...args));
      if (property === 'subscribe') return (...args: Parameters<KioskCore['subscribe']>) => (reached.subscribe++, target.subscribe(...args));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { counted, reached };
}

describe('the browser host guards its API routes however their address is spelled', () => {
  let kiosk: TempKiosk;
  let host: RunningHost;
  let authority: string;
  let reached: { invoke: number; subscribe: number };

  beforeAll(async () => {
    kiosk = tempKiosk();
    const counting = countingCore(kiosk.core);
    reached = counting.reached;
    host = await startHost({ core: counting.counted, rendererDir, log: silentLogger });
    authority = new URL(host.origin).host;
  });
  afterAll(async () => {
    await host.close();
    await kiosk.dispose();
  });

  const trusted = () => ({ host: authority, origin: host.origin, 'x-kiosk-secret': host.secret });
  /** Each forgery leaves out or falsifies one thing the page itself would send. */
  const forgeries = (method: string): Record<string, Record<string, string>> => {
    const without = (name: string) => Object.fromEntries(Object.entries(trusted()).filter(([header]) => header !== name));
    const withoutOrigin = without('origin');
    const withoutSecret = without('x-kiosk-secret');
    return {
      'no secret': withoutSecret,
      'a wrong secret': { ...trusted(), 'x-kiosk-secret': 'A'.repeat(host.secret.length) },
      'another Host (DNS rebinding)': { ...trusted(), host: 'evil.example' },
      'localhost as Host': { ...trusted(), host: authority.replace('127.0.0.1', 'localhost') },
      'another Origin': { ...trusted(), origin: 'https://evil.example' },
      'a null Origin': { ...trusted(), origin: 'null' },
      'a cross-site fetch': { ...trusted(), 'sec-fetch-site': 'cross-site' },
      'a same-site fetch': { ...trusted(), 'sec-fetch-site': 'same-site' },
      // A same-origin GET carries no Origin; a POST from the page always does.
      ...(method === 'POST' ? { 'a POST without Origin': withoutOrigin } : {}),
    };
  };
  const routes = () => [
    { method: 'POST', canonical: '/api/call/kiosk.info', body: '{}', json: true },
    { method: 'GET', canonical: '/api/events', body: undefined, json: false },
    { method: 'HEAD', canonical: '/api/events', body: undefined, json: false },
  ];
  /** A request held open without an answer is a stream the router handed to a route: a leak too. */
  const send = (method: string, target: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> =>
    rawRequest(
      host.origin,
      { method, target, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) },
      1_000,
    ).catch((error: Error) => ({ status: 0, headers: {}, body: error.message }));
  const reachedCore = (answer: RawAnswer) => answer.status === 200 || answer.headers['content-type']?.startsWith('text/event-stream') || answer.body.includes('"ok":true');

  it('answers the genuine page, and the router really does take other spellings for the API routes', async () => {
    const canonical = await send('POST', '/api/call/kiosk.info', trusted(), '{}');
    expect(canonical.status).toBe(200);
    expect(JSON.parse(canonical.body)).toMatchObject({ ok: true, value: { version: 'test' } });
    const stream = await send('GET', '/api/events', trusted());
    expect(stream.body).toContain(': connected');
    expect(stream).toMatchObject({ status: 200, headers: { 'content-type': 'text/event-stream' } });

    // With the genuine headers, which spellings does the router send to the API routes? The
    // sweep below is worth something only if some besides the canonical one get there.
    const accepted: string[] = [];
    for (const route of routes().filter((r) => r.method !== 'HEAD')) {
      for (const target of spellingsOf(route.canonical, authority)) {
        const before = { ...reached };
        const answer = await send(route.method, target, trusted(), route.body);
        if (reached.invoke > before.invoke || reached.subscribe > before.subscribe) accepted.push(`${route.method} ${target}`);
        else expect(reachedCore(answer), `${route.method} ${target}: ${answer.status}`).toBe(false);
      }
    }
    expect(accepted).toEqual(expect.arrayContaining(['POST /%61pi/call/kiosk.info', 'GET /%61pi/events', 'GET /api/%65vents', 'POST /api/call/kiosk%2Einfo']));
  });

  it('refuses every spelling of every API route, without the secret or with forged headers, before the core', async () => {
    const before = { ...reached };
    const leaks: string[] = [];
    let sent = 0;
    // The first twenty leaks tell the story; more would only hold the test open on streams.
    sweep: for (const route of routes()) {
      for (const target of spellingsOf(route.canonical, authority)) {
        for (const [forgery, headers] of Object.entries(forgeries(route.method))) {
          if (leaks.length >= 20) break sweep;
          const answer = await send(route.method, target, headers, route.body);
          sent++;
          if (![400, 403, 404].includes(answer.status) || reachedCore(answer)) leaks.push(`${route.method} ${target} with ${forgery}: ${answer.status} ${answer.body.slice(0, 80)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(reached).toEqual(before);
    expect(sent).toBeGreaterThan(1500);
  });
});
