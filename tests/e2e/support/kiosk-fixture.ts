import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { seedDemoData } from '../../../electron/demo/generate';
import { openDatabase } from '../../../electron/core/db/open';
import { createKioskCore, type KioskCore } from '../../../electron/core/kiosk-core';
import { createLogger } from '../../../shared/node/logging/logger';
import type { NewStaff } from '../../../electron/core/staff/staff-accounts';
import { startHost } from '../../../electron/host/host-server';
import { seedStaffInFile } from '../../support/staff-seed';

export interface KioskUnderTest {
  core: KioskCore;
  origin: string;
  /** A fresh launch address each time: its token opens the page once. */
  newLaunchUrl(): string;
  logFile: string;
}

export const rendererDir = path.resolve(import.meta.dirname, '../../../out/renderer');

/**
 * Each test gets its own kiosk: a fresh demo database, the real core, and the browser host
 * on a free loopback port, exactly as `npm run kiosk:web` runs them.
 */
export const test = base.extend<{ kioskSettings: Record<string, unknown>; kioskStaff: readonly NewStaff[]; kiosk: KioskUnderTest; kioskPage: Page }>({
  kioskSettings: [{}, { option: true }],
  /** Staff accounts to create before the kiosk starts. An array value must be wrapped: `test.use({ kioskStaff: [[SUPERVISOR, CLERK], { scope: 'test' }] })`. */
  kioskStaff: [[], { option: true }],
  kiosk: async ({ kioskSettings, kioskStaff }, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
    const databaseFile = path.join(dir, 'kiosk.sqlite');
    const db = openDatabase(databaseFile);
    seedDemoData(db, { citizens: 500, seed: 42 });
    db.close();
    if (kioskStaff.length > 0) await seedStaffInFile(databaseFile, kioskStaff);
    const logFile = path.join(dir, 'host.log');
    const log = createLogger({ file: logFile });
    const core = createKioskCore({ databaseFile, settings: kioskSettings, log, version: 'e2e' });
    const host = await startHost({ core, rendererDir, log });
    await use({ core, origin: host.origin, newLaunchUrl: host.newLaunchUrl, logFile });
    await host.close();
    await core.close();
    log.flush();
    rmSync(dir, { recursive: true, force: true });
  },
  /** The kiosk page, opened through its launch URL, with a fake clock for idle timing. */
  kioskPage: async ({ page, kiosk }, use) => {
    await page.clock.install();
    await page.goto(kiosk.newLaunchUrl());
    await page.getByTestId('touch-to-start').waitFor();
    await use(page);
  },
});

export { expect } from '@playwright/test';
