import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. Install Debian's package (sudo apt-get install chromium) ` +
      'or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary. Do not run `playwright install` (it downloads a browser).',
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  // One kiosk, one screen: the suite runs one visit at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  reporter: [['list']],
  use: {
    // A portrait kiosk screen.
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
