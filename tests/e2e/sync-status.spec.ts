import { kenyanClock } from '../../shared/kenya/time';
import { startTestHub, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { expect, test as kioskTest } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';

/** A kiosk configured with a real reference hub, started before the kiosk and stoppable mid-test. */
const test = kioskTest.extend<{ hub: TestHub }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  hub: async ({}, use) => {
    const hub = await startTestHub();
    await use(hub);
    await hub.close().catch(() => undefined);
  },
  kioskSettings: async ({ hub }, use) => {
    await use(fastSyncSettings(hub.url, await hub.addKiosk('kiosk-e2e')));
  },
});

// A PC whose clock is set to another zone (Lima, UTC−5 all year): the kiosk still shows Kenya time.
test.use({ timezoneId: 'America/Lima' });

test('the bottom bar shows the link to the back office in Kenya time, and says so when it drops', async ({ kioskPage: page, hub }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  const status = page.getByTestId('sync-status');
  await expect(status).toContainText('Connected · last synced');
  const now = Date.now();
  const kenyanMinutes = [now - 60_000, now, now + 60_000].map((at) => kenyanClock(new Date(at)));
  const shown = /last synced (\d\d:\d\d)/.exec((await status.textContent()) ?? '')?.[1];
  expect(kenyanMinutes).toContain(shown);
  await checkScreen(page, 'sync-01-connected');

  await hub.close();
  await expect(status).toContainText('Offline · this kiosk keeps working', { timeout: 15_000 });
  await page.getByTestId('switch-language').tap();
  await expect(status).toContainText('Nje ya mtandao');
  await checkScreen(page, 'sync-02-offline-sw');
});

kioskTest('without a hub configured, the kiosk says it works on its own', async ({ kioskPage: page }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await expect(page.getByTestId('sync-status')).toContainText('Working on its own');
});
