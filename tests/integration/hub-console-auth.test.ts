import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_API, CONSOLE_REQUEST_HEADER } from '../../shared/console/console-api';
import { ADMIN, startConsoleHub, type ConsoleHub } from '../support/console-hub';
import { rawRequest } from '../support/raw-http';

/** The console's sign-in and sessions over real HTTP, attacks included. */
describe('the hub console: admins, sessions and what they guard', () => {
  let hub: ConsoleHub;
  beforeEach(async () => {
    hub = await startConsoleHub();
  });
  afterEach(async () => {
    await hub.close();
  });

  const post = (body: unknown, headers: Record<string, string> = { [CONSOLE_REQUEST_HEADER]: '1' }) =>
    fetch(`${hub.url}${CONSOLE_API}/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const minutes = (n: number) => {
    hub.clock.now = new Date(hub.clock.now.getTime() + n * 60_000);
  };

  it('signs in with a per-person account: an HttpOnly, SameSite=Strict cookie of a random token the store keeps only hashed', async () => {
    const answer = await post(ADMIN);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ name: ADMIN.name, idleMinutes: 30 });
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^hub_console_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/console/);
    const token = /=([^;]+)/.exec(setCookie)?.[1] ?? '';
    const stored = JSON.stringify(hub.store.db.prepare('SELECT * FROM console_sessions').all());
    expect(stored).not.toContain(token);
    expect(JSON.stringify(hub.store.db.prepare('SELECT * FROM console_admins').all())).not.toContain(ADMIN.password);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    const kiosks = await hub.get('/kiosks', `hub_console_session=${token}`);
    expect(kiosks.status).toBe(200);
    expect(await hub.store.listSignIns(5)).toEqual([{ adminName: ADMIN.name, outcome: 'signed-in', at: hub.clock.now.toISOString() }]);
  });

  it('answers 401 without a cookie, with a forged one, and with a well-formed token nobody was given', async () => {
    expect((await hub.get('/kiosks', '')).status).toBe(401);
    expect((await hub.get('/kiosks', 'hub_console_session=forged')).status).toBe(401);
    expect((await hub.get('/kiosks', `hub_console_session=${'A'.repeat(43)}`)).status).toBe(401);
    expect((await hub.get('/day?date=2026-03-10', `hub_console_session=${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('ends a session after 30 idle minutes, and any session after 12 hours however busy', async () => {
    const cookie = await hub.signIn();
    minutes(29);
    expect((await hub.get('/kiosks', cookie)).status).toBe(200);
    minutes(29);
    expect((await hub.get('/kiosks', cookie)).status).toBe(200); // used: the idle clock restarted
    minutes(30);
    const idle = await hub.get('/kiosks', cookie);
    expect(idle.status).toBe(401);
    expect(await idle.json()).toEqual({ error: 'session-expired' });
    expect((await hub.get('/kiosks', cookie)).status).toBe(401); // and it stays gone

    const busy = await hub.signIn();
    const answers: number[] = [];
    for (let step = 1; step <= 36; step++) {
      minutes(20);
      answers.push((await hub.get('/kiosks', busy)).status);
    }
    // Used every 20 minutes: alive for 11 h 40, over at 12 h.
    expect(answers).toEqual([...Array<number>(35).fill(200), 401]);
  });

  it('signs out: the cookie no longer works', async () => {
    const cookie = await hub.signIn();
    const out = await fetch(`${hub.url}${CONSOLE_API}/session`, { method: 'DELETE', headers: { cookie, [CONSOLE_REQUEST_HEADER]: '1' } });
    expect(out.status).toBe(204);
    expect((await hub.get('/kiosks', cookie)).status).toBe(401);
    expect((await hub.store.listSignIns(1))[0]?.outcome).toBe('signed-out');
  });

  it('refuses a mutating request without the console header or from another origin (CSRF), changing nothing', async () => {
    const cookie = await hub.signIn();
    expect((await post(ADMIN, {})).status).toBe(403);
    expect((await post(ADMIN, { [CONSOLE_REQUEST_HEADER]: '1', origin: 'https://evil.example' })).status).toBe(403);
    const out = await fetch(`${hub.url}${CONSOLE_API}/session`, { method: 'DELETE', headers: { cookie, origin: 'https://evil.example', [CONSOLE_REQUEST_HEADER]: '1' } });
    expect(out.status).toBe(403);
    expect((await hub.get('/kiosks', cookie)).status).toBe(200);
  });

  it('locks an admin out after five wrong passwords, even from the right one, for 15 minutes; the same answer for an unknown name', async () => {
    for (let i = 0; i < 5; i++) expect((await post({ name: ADMIN.name, password: 'wrong password' })).status).toBe(401);
    const locked = await post(ADMIN);
    expect(locked.status).toBe(401);
    expect(await locked.json()).toEqual({ error: 'sign-in-failed' });
    const unknown = await post({ name: 'nobody.here', password: 'whatever it is' });
    expect(await unknown.json()).toEqual({ error: 'sign-in-failed' });
    minutes(16);
    expect((await post(ADMIN)).status).toBe(200);
    const outcomes = (await hub.store.listSignIns(10)).map((s) => s.outcome);
    expect(outcomes).toEqual(['signed-in', 'unknown-admin', 'locked', 'wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'wrong-password']);
  });

  it('refuses a malformed sign-in with a code, and limits sign-ins per address', async () => {
    const bad = await post({ name: '', password: 42 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid-sign-in' });
    const limited = await startConsoleHub({ signInsPerMinute: 3 });
    try {
      const tries = [];
      for (let i = 0; i < 4; i++) {
        tries.push((await fetch(`${limited.url}${CONSOLE_API}/session`, { method: 'POST', headers: { 'content-type': 'application/json', [CONSOLE_REQUEST_HEADER]: '1' }, body: JSON.stringify({ name: 'x', password: 'y' }) })).status);
      }
      expect(tries).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('odd spellings of a path reach no data without a session, with the console app served beside the API', async () => {
    const assets = mkdtempSync(path.join(os.tmpdir(), 'console-assets-'));
    writeFileSync(path.join(assets, 'index.html'), '<!doctype html><title>console</title>');
    const served = await startConsoleHub({ consoleAssets: assets });
    const targets = [
      `${CONSOLE_API}/kiosks`,
      `/console/../console/api/kiosks`,
      `/console/api/../api/kiosks`,
      `/console/%2e%2e/console/api/kiosks`,
      `/console/api/%2e%2e/api/kiosks`,
      `//console/api/kiosks`,
      `/console//api/kiosks`,
      `/console/api//kiosks`,
      `/console/api/kiosks/`,
      `/CONSOLE/api/kiosks`,
      `/console/api/kiosks%2f`,
      `/console/../admin/v1/kiosks`,
      `/console/%2e%2e/admin/v1/kiosks`,
      `/console/api/day/export?date=2026-03-10&format=csv`,
      `/console/api%2fday?date=2026-03-10`,
    ];
    for (const target of targets) {
      const answer = await rawRequest(served.url, { method: 'GET', target, headers: { host: 'localhost' } });
      expect([400, 401, 404], target).toContain(answer.status);
      expect(answer.body, target).not.toMatch(/"kiosks"|payment|content_sha256/);
    }
    const page = await rawRequest(served.url, { method: 'GET', target: '/console/', headers: { host: 'localhost' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    await served.close();
    rmSync(assets, { recursive: true, force: true });
  });
});
