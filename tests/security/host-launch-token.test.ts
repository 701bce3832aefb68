import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/node/logging/logger';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import { LaunchTokens } from '../../electron/host/launch-tokens';
import { rawRequest } from '../support/raw-http';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

const root = path.resolve(import.meta.dirname, '../..');
const rendererDir = path.join(root, 'tests/support/renderer-stub');
const tokenOf = (launchUrl: string) => /#launch=([\w-]+)$/.exec(launchUrl)?.[1] ?? '';

/** The page's own request trading a launch token, as Chromium sends it; `headers` forge parts. */
function trade(origin: string, token: string, headers: Record<string, string> = {}) {
  return rawRequest(origin, {
    method: 'POST',
    target: '/api/launch',
    headers: { host: new URL(origin).host, origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ token }),
  });
}
const secretFrom = (body: string) => (JSON.parse(body) as { value?: { secret?: string } }).value?.secret;

describe('the launch address carries a one-time token, not the API secret', () => {
  let kiosk: TempKiosk;
  let host: RunningHost;
  beforeAll(async () => {
    kiosk = tempKiosk();
    host = await startHost({ core: kiosk.core, rendererDir, log: silentLogger });
  });
  afterAll(async () => {
    await host.close();
    await kiosk.dispose();
  });

  it('trades a token for the secret once; the second use is refused', async () => {
    const launchUrl = host.newLaunchUrl();
    expect(launchUrl).not.toContain(host.secret);
    const first = await trade(host.origin, tokenOf(launchUrl));
    expect(first.status).toBe(200);
    expect(secretFrom(first.body)).toBe(host.secret);
    const again = await trade(host.origin, tokenOf(launchUrl));
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'host.forbidden', message: { en: expect.any(String), sw: expect.any(String) } } });
    expect(again.body).not.toContain(host.secret);
  });

  it('refuses a guessed token, and a token brought by another page, another host name or a cross-site fetch (which does not spend it)', async () => {
    expect((await trade(host.origin, 'A'.repeat(43))).status).toBe(403);
    const token = tokenOf(host.newLaunchUrl());
    const forgeries: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { host: 'evil.example' }, { 'sec-fetch-site': 'cross-site' }];
    for (const forged of forgeries) {
      const answer = await trade(host.origin, token, forged);
      expect(answer.status, JSON.stringify(forged)).toBe(403);
      expect(answer.body).not.toContain(host.secret);
    }
    expect(secretFrom((await trade(host.origin, token)).body)).toBe(host.secret);
  });

  it('lets a token expire unused', () => {
    let now = 0;
    const tokens = new LaunchTokens(60_000, () => now);
    const late = tokens.mint();
    const early = tokens.mint();
    now = 59_999;
    expect(tokens.spend(early)).toBe(true);
    now = 60_000;
    expect(tokens.spend(late)).toBe(false);
  });
});

describe('npm run kiosk:web', () => {
  let dir: string;
  let child: ChildProcess;
  let stdout = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-'));
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/cli.ts', '--port', '0', '--data-dir', dir, '--database', path.join(dir, 'kiosk.sqlite'), '--renderer-dir', rendererDir],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the host exited with ${code} before it was ready: ${stdout}`)));
      const poll = setInterval(() => {
        if (/#launch=[\w-]+/.test(stdout)) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints an address whose token opens the API once, and never prints the secret', async () => {
    const launchUrl = /(http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]+)/.exec(stdout)?.[1] ?? '';
    const origin = new URL(launchUrl).origin;
    const first = await trade(origin, tokenOf(launchUrl));
    const secret = secretFrom(first.body) ?? '';
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect((await trade(origin, tokenOf(launchUrl))).status).toBe(403);

    const info = await rawRequest(origin, {
      method: 'POST',
      target: '/api/call/kiosk.info',
      headers: { host: new URL(origin).host, origin, 'x-kiosk-secret': secret, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true });
    expect(stdout).not.toContain(secret);
    expect(readFileSync(path.join(dir, 'logs', 'current.log'), 'utf8')).not.toContain(secret);
  });
});
