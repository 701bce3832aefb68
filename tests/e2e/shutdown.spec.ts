import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';
import { openDatabase } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/demo/generate';
import { SUPERVISOR, seedStaffInFile } from '../support/staff-seed';
import { expect } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';
import { signInStaff } from './support/touch';

const root = path.resolve(import.meta.dirname, '../..');

interface HostProcess {
  child: ChildProcess;
  launchUrl: string;
  databaseFile: string;
  exited: Promise<number | null>;
}

/**
 * "Shut down this kiosk" through the whole browser host as a deployment runs it: `electron/host/cli.ts`
 * in its own process (`npm run kiosk:web`), the built renderer in Chromium, a supervisor's
 * touches. The host must exit by itself, with code 0, having written the audit row.
 */
const test = base.extend<{ host: HostProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  host: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-shutdown-'));
    const databaseFile = path.join(dir, 'kiosk.sqlite');
    const db = openDatabase(databaseFile);
    seedDemoData(db, { citizens: 200, seed: 7 });
    db.close();
    await seedStaffInFile(databaseFile, [SUPERVISOR]);
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--port', '0', '--database', databaseFile, '--data-dir', dir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const launchUrl = await new Promise<string>((resolve, reject) => {
      void exited.then((code) => reject(new Error(`the host exited with ${code} before it was ready`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (/^\s+http:\/\/127\.0\.0\.1:\d+\//.test(line)) resolve(line.trim());
      });
    });
    await use({ child, launchUrl, databaseFile, exited });
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  },
});

test("a supervisor's shutdown, confirmed, closes the browser host cleanly and is audited", async ({ page, host }) => {
  await page.clock.install();
  await page.goto(host.launchUrl);
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await signInStaff(page, SUPERVISOR);
  await page.getByTestId('attended-day').tap();
  await expect(page.getByTestId('day-shutdown')).toBeVisible();

  // Never one tap: the dialog says what happens, and "Keep it running" changes nothing.
  await page.getByTestId('day-shutdown').tap();
  const dialog = page.getByRole('alertdialog', { name: 'Shut down this kiosk?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('as soon as no payment is being settled');
  await checkScreen(page, 'shutdown-01-confirm');
  await page.getByTestId('shutdown-cancel').tap();
  await expect(dialog).toBeHidden();
  expect(host.child.exitCode).toBeNull();

  await page.getByTestId('day-shutdown').tap();
  await page.getByTestId('shutdown-confirm').tap();
  await expect(page.getByTestId('shutting-down')).toContainText('This kiosk is shutting down.');
  await expect(page.getByTestId('shutting-down')).toContainText('Kioski hiki kinazimika.');
  await checkScreen(page, 'shutdown-02-shutting-down');

  expect(await host.exited).toBe(0);
  const db = openDatabase(host.databaseFile);
  try {
    expect(db.prepare("SELECT actor, outcome FROM audit_log WHERE action = 'kiosk.shutdown'").all()).toEqual([{ actor: `staff:${SUPERVISOR.staffId}`, outcome: 'requested' }]);
  } finally {
    db.close();
  }
});
