import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { FaultProxy } from '../support/fault-proxy';
import { bootKiosk } from '../../electron/boot/boot-kiosk';
import { hostDatabaseKey } from '../../electron/host/host-database-key';
import { startHost } from '../../electron/host/host-server';
import { PRODUCTION_SECRETS, productionFolders, productionSettings } from '../support/production-kiosk';
import { CLERK, seedStaff } from '../support/staff-seed';
import { startTestHub, type TestHub } from '../support/test-hub';
import { expect, rendererDir, test as kioskTest } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';

/**
 * A production kiosk's first start, booted as the browser host boots it (production rules,
 * encrypted database, sealed secrets): an empty replica, loaded from a real hub behind a slow
 * loopback link (about 80 pages, 0.9 s each) until the test lets it run at full speed.
 */
const test = kioskTest.extend<{ hub: TestHub; slowLink: FaultProxy }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  hub: async ({}, use) => {
    const hub = await startTestHub({ seedCitizens: 1000 });
    await use(hub);
    await hub.close().catch(() => undefined);
  },
  slowLink: async ({ hub }, use) => {
    const proxy = new FaultProxy(hub.url);
    proxy.slow(SYNC_PATHS.download, 900);
    await use(proxy);
    await proxy.close();
  },
  kiosk: async ({ hub, slowLink }, use) => {
    const token = await hub.addKiosk('kiosk-first-start');
    // The token is sealed apart: a production settings file holds no secret.
    const link = await slowLink.listen();
    const sync: Record<string, unknown> = { ...fastSyncSettings(link, '', { downloadPageRows: 40, requestTimeoutSeconds: 5 }).sync };
    delete sync.kioskToken;
    const folders = productionFolders((keyFile) => ({ ...productionSettings(link, keyFile), sync }), { ...PRODUCTION_SECRETS, 'sync.kioskToken': token });
    const stored: unknown = JSON.parse(readFileSync(path.join(folders.dataDir, 'config.json'), 'utf8'));
    const booted = await bootKiosk({ dataDir: folders.dataDir, storedSettings: stored, logName: 'host.log', version: 'e2e', databaseKey: hostDatabaseKey(stored, folders.dataDir) });
    expect(booted.core.context.settings.mode).toBe('production');
    await seedStaff(booted.core, [CLERK]);
    const host = await startHost({ core: booted.core, rendererDir, log: booted.log });
    await use({ core: booted.core, origin: host.origin, newLaunchUrl: host.newLaunchUrl, logFile: path.join(folders.dataDir, 'logs', 'current.log') });
    await host.close();
    await booted.close();
    rmSync(folders.root, { recursive: true, force: true });
  },
});

test('a production kiosk starts out of service with the load’s progress, staff can sign in, and the attract screen comes back by itself', async ({ page, kiosk, slowLink }) => {
  test.setTimeout(120_000);
  await page.goto(kiosk.newLaunchUrl());
  const ready = page.getByTestId('getting-ready');
  await expect(ready).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This kiosk is getting ready' })).toBeVisible();
  // Nothing a citizen could start is offered.
  await expect(page.getByTestId('touch-to-start')).toHaveCount(0);

  const bar = page.getByRole('progressbar', { name: /Records loaded/ });
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 15_000 });
  const records = page.getByTestId('getting-ready-records');
  await expect(records).toContainText(/[\d,]+ of [\d,]+ records · /);
  await expect(records).toContainText(/Kumbukumbu [\d,]+ kati ya [\d,]+ · /);
  await expect(records).toContainText(/minute|less than/, { timeout: 10_000 });
  await expect(records).toContainText(/dakika/);
  await checkScreen(page, 'getting-ready-01-portrait');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await checkScreen(page, 'getting-ready-02-landscape', { screenshotEveryMode: true });
  await page.setViewportSize({ width: 1080, height: 1920 });

  // A clerk signs in from it and sees the load on the sync line; no citizen screen is open to them.
  await page.getByTestId('getting-ready-staff').tap();
  const dialog = page.getByRole('dialog', { name: 'Staff sign-in' });
  await expect(dialog).toBeVisible();
  for (const digit of CLERK.staffId) await page.getByTestId(`keypad-${digit}`).tap();
  await page.getByTestId('staff-next').tap();
  for (const digit of CLERK.pin) await page.getByTestId(`keypad-${digit}`).tap();
  await page.getByTestId('staff-submit').tap();
  await expect(page.getByRole('heading', { name: 'My cash shift' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText(/Loading records: [\d,]+ of [\d,]+ · /);
  await checkScreen(page, 'getting-ready-03-staff-sync-line');
  // Start over ends the visit and attended mode: back to the out-of-service screen.
  await page.getByTestId('nav-start-over').tap();
  await expect(ready).toBeVisible();

  // The link speeds up: the load completes and the attract screen comes back unasked.
  slowLink.slow(SYNC_PATHS.download, 0);
  await expect(page.getByTestId('touch-to-start')).toBeVisible({ timeout: 30_000 });
  await expect(ready).toHaveCount(0);
  await checkScreen(page, 'getting-ready-04-attract');
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
});
