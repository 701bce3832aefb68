import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { buildHost, callHost, launchTarget, startBuiltHost, tradeLaunchToken, type BuiltHost } from '../support/built-host';
import { PRODUCTION_SECRETS, productionFolders, productionSettings, type ProductionFolders } from '../support/production-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const mode = (file: string) => statSync(file).mode & 0o777;
const temporary: string[] = [];
const tempDir = (name: string) => {
  const dir = path.join(os.tmpdir(), `${name}-${process.pid}-${temporary.length}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  temporary.push(dir);
  return dir;
};

beforeAll(() => buildHost(), 120_000);
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the production build of the browser host, started as systemd starts it', () => {
  let hub: TestHub;
  let folders: ProductionFolders;
  let host: BuiltHost;
  let runtimeDir: string;
  let logDir: string;
  const launchPage = () => path.join(runtimeDir, 'launch.html');

  beforeAll(async () => {
    hub = await startTestHub({ seedCitizens: 300 });
    const token = await hub.addKiosk('kiosk-built-host');
    const sync: Record<string, unknown> = { ...fastSyncSettings(hub.url, '').sync };
    delete sync.kioskToken;
    folders = productionFolders((keyFile) => {
      const settings: Record<string, unknown> = { ...productionSettings(hub.url, keyFile), sync };
      delete settings.databaseKeyFile;
      return settings;
    }, { ...PRODUCTION_SECRETS, 'sync.kioskToken': token });
    temporary.push(folders.root);
    // What systemd makes: the credential, the runtime folder, the logs folder.
    const credentials = path.join(folders.root, 'credentials');
    mkdirSync(credentials, { mode: 0o700 });
    copyFileSync(folders.keyFile, path.join(credentials, 'kiosk-database-key'));
    runtimeDir = path.join(folders.root, 'run');
    mkdirSync(runtimeDir, { mode: 0o750 });
    logDir = path.join(folders.root, 'log');
    host = startBuiltHost(['--data-dir', folders.dataDir, '--log-dir', logDir, '--launch-page', launchPage()], { CREDENTIALS_DIRECTORY: credentials });
    await host.ready;
  }, 60_000);
  afterAll(async () => {
    if (host.child.exitCode === null) host.child.kill('SIGKILL');
    await hub?.close();
  });

  it('runs on plain Node: no TypeScript loader in the process', () => {
    const commandLine = readFileSync(`/proc/${host.child.pid}/cmdline`, 'utf8').split('\0');
    expect(commandLine.slice(0, 2)).toEqual([process.execPath, path.resolve('out/host/cli.js')]);
    expect(commandLine.join(' ')).not.toMatch(/tsx|\.ts\b/);
    const environment = readFileSync(`/proc/${host.child.pid}/environ`, 'utf8');
    expect(environment).not.toContain('NODE_OPTIONS');
    expect(host.stdout()).not.toContain('Demo mode');
  });

  it('serves the built kiosk page', async () => {
    const { origin } = launchTarget(readFileSync(launchPage(), 'utf8'));
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="\.(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${origin}${script}`)).headers.get('content-type')).toContain('javascript');
  });

  it('keeps a launch page only its user and group can read, whose token opens the API once, and renews it', async () => {
    expect(mode(launchPage())).toBe(0o640);
    const first = launchTarget(readFileSync(launchPage(), 'utf8'));
    const traded = await tradeLaunchToken(first.origin, first.token);
    expect(traded.status).toBe(200);
    expect(traded.secret).toMatch(/^[\w-]{43}$/);
    expect((await tradeLaunchToken(first.origin, first.token)).status).toBe(403);
    // The next browser start finds a new token at once.
    const renewed = launchTarget(readFileSync(launchPage(), 'utf8'));
    expect(renewed.token).not.toBe(first.token);
    expect((await tradeLaunchToken(renewed.origin, renewed.token)).status).toBe(200);
    expect(host.stdout()).not.toContain(first.token);
    expect(host.stdout()).not.toContain(traded.secret);
  });

  it('answers a lookup once the replica has come from the hub', async () => {
    const { origin, token } = launchTarget(readFileSync(launchPage(), 'utf8'));
    const { secret } = await tradeLaunchToken(origin, token);
    expect(await callHost(origin, secret!, 'visit.start', { locale: 'en' })).toMatchObject({ ok: true });
    await expect
      .poll(async () => callHost(origin, secret!, 'lookup.search', { kind: 'idNumber', value: '12345678' }), { timeout: 60_000, interval: 500 })
      .toMatchObject({ ok: true, value: { outcome: 'found' } });
  }, 90_000);

  it('Chromium, given only the launch page’s path, reaches the kiosk and spends its token', async () => {
    const before = launchTarget(readFileSync(launchPage(), 'utf8'));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`file://${launchPage()}`);
      // The page leaves its token out of the address once it has spent it.
      await expect.poll(() => page.url(), { timeout: 20_000 }).toBe(`${before.origin}/`);
      expect((await tradeLaunchToken(before.origin, before.token)).status).toBe(403);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('stops cleanly on SIGTERM and takes its launch page away', async () => {
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(existsSync(launchPage())).toBe(false);
    const log = readFileSync(path.join(logDir, readlinkSync(path.join(logDir, 'current.log'))), 'utf8');
    expect(log).not.toContain('"level":60');
  }, 30_000);
});

describe('the built host’s log', () => {
  it('records why it crashed, and exits with a failure for systemd to restart it', async () => {
    const dataDir = tempDir('kiosk-crash');
    const host = startBuiltHost(['--data-dir', dataDir], {}, ['--import', path.resolve('tests/support/crash-on-signal.mjs')]);
    await host.ready;
    host.child.kill('SIGUSR2');
    expect(await host.exited).toBe(1);
    const lines = readFileSync(path.join(dataDir, 'logs', 'current.log'), 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { level: number; msg: string; err: { message: string } };
    expect(last).toMatchObject({ level: 60, msg: 'crashed', err: { message: 'the receipt printer driver threw' } });
  }, 60_000);

  it('rolls to a new file past its size limit and keeps only the newest files', async () => {
    const dataDir = tempDir('kiosk-rotation');
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ logs: { rotateAtKilobytes: 1, keepFiles: 2 } }), { mode: 0o600 });
    const host = startBuiltHost(['--data-dir', dataDir]);
    await host.ready;
    const { origin } = launchTarget(`url=${/(http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]+)/.exec(host.stdout())?.[1]}`);
    const logs = path.join(dataDir, 'logs');
    const rolled = () => readdirSync(logs).filter((name) => /^host\.\d+\.log$/.test(name));
    // Each refused request leaves a warning line of about 150 bytes.
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 10; i += 1) await fetch(`${origin}/api/call/kiosk.info`, { method: 'POST', body: '{}' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect.poll(() => Math.max(...rolled().map((name) => Number(name.split('.')[1]))), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(rolled().length).toBeLessThanOrEqual(2);
    for (const name of rolled()) expect(mode(path.join(logs, name))).toBe(0o600);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  }, 60_000);
});
