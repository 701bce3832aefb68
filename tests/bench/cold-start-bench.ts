import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { silentLogger } from '../../shared/node/logging/logger';
import { startHost } from '../../electron/host/host-server';
import type { BenchRow } from './bench-row';
import { medianOf, round } from './median';

const RUNS = 7;
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** The rawest first screen: one static page with one button, from a bare Node HTTP server. */
const RAW_PAGE = '<!doctype html><html lang="en"><title>raw</title><button data-testid="touch-to-start">Touch the screen to start</button></html>';

/**
 * Renderer cold start: a fresh browser context (empty cache and storage) opening the
 * kiosk's launch URL on the browser host, until the attract screen's button shows. The
 * baseline is the same browser showing a bare static page with one button.
 */
export async function runColdStartBench(databaseFile: string, rendererDir: string): Promise<BenchRow[]> {
  const core = createKioskCore({ databaseFile, version: 'bench' });
  const host = await startHost({ core, rendererDir, log: silentLogger });
  const raw = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(RAW_PAGE));
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  const rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await timeToButton(browser, host.newLaunchUrl()); // warm the browser process itself, not the page
    const kiosk = await medianOf(RUNS, () => timeToButton(browser, host.newLaunchUrl()));
    const bare = await medianOf(RUNS, () => timeToButton(browser, rawUrl));
    return [
      {
        name: 'renderer cold start to the attract screen',
        value: round(kiosk),
        unit: 'ms',
        baseline: round(bare),
        note: `Chromium, fresh context, browser host; baseline: a bare static page with one button; median of ${RUNS}`,
      },
    ];
  } finally {
    await browser.close();
    raw.close();
    await host.close();
    await core.close();
  }
}

async function timeToButton(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await page.getByTestId('touch-to-start').waitFor({ state: 'visible' });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}
