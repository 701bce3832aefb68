import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { kenyaDate } from '../../shared/kenya/time';
import { kioskDay, sendHeartbeat, uploadDay } from '../support/centre-day-events';
import { startHubProcess, type HubProcess } from '../support/hub-process';

/**
 * The back office's console in Chromium against a real hub process (built console app in
 * out/console) holding four kiosks' uploaded day: sign in, kiosks, alerts, the day with its
 * chart, an export checked by the kiosk's verify command, sign out; then centres and staff
 * managed from the console. Every screen: axe clean,
 * every control at least 64 px, a screenshot in tests/e2e/screenshots/.
 */
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.resolve(import.meta.dirname, 'screenshots');
const ADMIN = { name: 'amina.odhiambo', password: 'correct horse battery' };
const KIOSKS = ['kiosk-nairobi-1', 'kiosk-nairobi-2', 'kiosk-nairobi-3', 'kiosk-nairobi-4'];
const TODAY = kenyaDate(new Date());

const hubCli = (db: string, args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'hub/cli.ts'), '--db', db, ...args], { cwd: root, encoding: 'utf8', ...(input !== undefined && { input }) }).trim();

async function check(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')]
      .filter((control) => control.checkVisibility())
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 64 || box.height < 64)
      .map(({ control, box }) => `${control.innerText.slice(0, 40)} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
  expect(small, `targets under 64 px on ${name}`).toEqual([]);
}

test.describe('the hub console', () => {
  test.use({ viewport: { width: 1440, height: 1000 }, hasTouch: false });
  let dir: string;
  let hub: HubProcess;

  test.beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'hub-console-e2e-'));
    const db = path.join(dir, 'hub.sqlite');
    hubCli(db, ['admin', 'add-admin', ADMIN.name], `${ADMIN.password}\n`);
    // Two centres: three kiosks at the GPO, the fourth in Nyeri.
    hubCli(db, ['admin', 'add-centre', 'nairobi-gpo', '--name', 'Huduma Centre GPO']);
    hubCli(db, ['admin', 'add-centre', 'nyeri', '--name', 'Huduma Centre Nyeri']);
    const tokens = KIOSKS.map((id, i) => hubCli(db, ['admin', 'add-kiosk', id, '--centre', i < 3 ? 'nairobi-gpo' : 'nyeri']));
    hub = await startHubProcess(db);
    for (const [i, id] of KIOSKS.entries()) {
      const token = tokens[i] ?? '';
      await uploadDay(hub.url, token, kioskDay(id, i, TODAY));
      // The fourth kiosk never sends a heartbeat: silent, offline, an alert.
      if (i < 3) {
        await sendHeartbeat(hub.url, token, {
          version: '0.1.0', eventsWaiting: i * 3, oldestWaitingAgeSeconds: i ? 95 * i : null, rejectedCount: 0,
          lastSyncAt: new Date().toISOString(), ...(i === 1 && { printer: { status: 'paper-low', checkedAt: new Date().toISOString() } }),
        });
      }
    }
  });
  test.afterAll(async () => {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(browser: Browser) {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${hub.url}/console/`);
    await expect(page.getByRole('heading', { name: 'Sign in to the back office console' })).toBeVisible();
    return { context, page };
  }

  test('an admin signs in, reads the kiosks and alerts, the day with its chart, exports it, and signs out', async ({ browser }) => {
    const { context, page } = await signIn(browser);
    await check(page, 'hub-console-01-sign-in');

    await page.getByLabel('Admin name').fill(ADMIN.name);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(/Wrong name or password/);
    await check(page, 'hub-console-02-sign-in-refused');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Kiosks' })).toBeVisible();
    const rows = page.getByRole('row');
    await expect(rows).toHaveCount(KIOSKS.length + 1);
    await expect(page.getByRole('row', { name: /kiosk-nairobi-1/ })).toContainText('Online');
    await expect(page.getByRole('row', { name: /kiosk-nairobi-2/ })).toContainText('paper-low');
    await expect(page.getByRole('row', { name: /kiosk-nairobi-4/ })).toContainText('Offline');
    await page.getByRole('button', { name: /show reasons/ }).click();
    await expect(page.getByRole('heading', { name: 'Rejected events of kiosk-nairobi-3' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /unknown event type format/ })).toBeVisible();
    await check(page, 'hub-console-03-kiosks');

    await page.getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
    for (const kind of ['Kiosk silent over 10 minutes', 'Event rejected', 'M-Pesa callback refused as forged', 'Cash variance at shift close']) {
      await expect(page.getByRole('rowheader', { name: kind }).first()).toBeVisible();
    }
    await check(page, 'hub-console-04-alerts');

    await page.getByRole('link', { name: "Centre's day" }).click();
    await expect(page.getByRole('heading', { name: "The centre's day" })).toBeVisible();
    await expect(page.getByRole('img', { name: /Bar chart of the amount received/ })).toBeVisible();
    await expect(page.getByText(/Received: KES [\d,]+ in \d+ payments/)).toBeVisible();
    await expect(page.getByText('Account recoveries: 1 approved, 1 rejected')).toBeVisible();
    await expect(page.getByRole('row', { name: /kiosk-nairobi-2.*−KES 200/ })).toBeVisible();
    await check(page, 'hub-console-05-day');

    // One centre's day: the GPO's three kiosks, not Nyeri's.
    const everyone = await page.getByText(/Received: KES [\d,]+ in \d+ payments/).innerText();
    await expect(page.getByText('kiosk-nairobi-4', { exact: true }).first()).toBeVisible();
    await page.getByLabel('Centre', { exact: true }).selectOption({ label: 'Huduma Centre GPO' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByText(/Received: KES [\d,]+ in \d+ payments/)).not.toHaveText(everyone);
    await expect(page.getByText('kiosk-nairobi-4', { exact: true })).toHaveCount(0);
    await check(page, 'hub-console-05b-day-one-centre');
    await page.getByLabel('Centre', { exact: true }).selectOption({ label: 'All centres' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByText(/Received: KES [\d,]+ in \d+ payments/)).toHaveText(everyone);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV' }).click();
    const file = path.join(dir, 'centre-day.csv');
    await (await download).saveAs(file);
    const verified = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/core/reports/report-cli.ts'), 'verify', file], { cwd: root, encoding: 'utf8' });
    expect(verified).toContain('Unchanged.');

    await page.getByRole('button', { name: 'Kiswahili' }).click();
    await expect(page.getByRole('heading', { name: 'Siku ya kituo' })).toBeVisible();
    await check(page, 'hub-console-06-day-kiswahili');
    await page.getByRole('button', { name: 'English' }).click();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to the back office console' })).toBeVisible();
    const after = await page.request.get(`${hub.url}/console/api/kiosks`);
    expect(after.status()).toBe(401);
    await context.close();
  });

  test('an admin adds a centre and a clerk, moves a kiosk there, changes the role, disables the clerk and resets a PIN', async ({ browser }) => {
    const { context, page } = await signIn(browser);
    await page.getByLabel('Admin name').fill(ADMIN.name);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Centres and staff' }).click();
    await expect(page.getByRole('heading', { name: 'Centres', exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: /Huduma Centre GPO nairobi-gpo 3/ })).toBeVisible();

    // A centre id the kiosks could not name is refused before anything is sent.
    await page.getByLabel('Centre id').fill('Huduma Mombasa');
    await page.getByLabel('Name').fill('Huduma Centre Mombasa');
    await page.getByRole('button', { name: 'Add the centre' }).click();
    await expect(page.getByText('Use up to 64 lower-case letters')).toBeVisible();
    await expect(page.getByLabel('Centre id')).toHaveAttribute('aria-invalid', 'true');
    await check(page, 'hub-console-07-centres-refused');
    await page.getByLabel('Centre id').fill('huduma-mombasa');
    await page.getByRole('button', { name: 'Add the centre' }).click();
    await expect(page.getByRole('status')).toHaveText('Added: Huduma Centre Mombasa.');
    await check(page, 'hub-console-08-centres');

    await page.getByRole('link', { name: 'Huduma Centre Mombasa' }).click();
    await expect(page.getByRole('heading', { name: 'Huduma Centre Mombasa (huduma-mombasa)' })).toBeVisible();
    await expect(page.getByText('No staff in this centre yet')).toBeVisible();
    await check(page, 'hub-console-09-centre-empty');

    // A clerk: a PIN anyone would guess is the hub's to refuse; two different PINs are caught here.
    const addStaff = page.getByRole('region', { name: 'Add a member of staff' });
    await addStaff.getByLabel('Staff number').fill('3001');
    await addStaff.getByLabel('Name').fill('Wanjiku Kamau');
    await addStaff.getByLabel('Role').selectOption({ label: 'Clerk' });
    await addStaff.getByLabel('New PIN').fill('4826');
    await addStaff.getByLabel('The same PIN again').fill('4862');
    await addStaff.getByRole('button', { name: 'Add to the staff' }).click();
    await expect(page.getByText('The two PINs differ.')).toBeVisible();
    await addStaff.getByLabel('New PIN').fill('9876');
    await addStaff.getByLabel('The same PIN again').fill('9876');
    await addStaff.getByRole('button', { name: 'Add to the staff' }).click();
    await expect(page.getByRole('alert')).toHaveText(/This PIN is too easy to guess/);
    await check(page, 'hub-console-10-staff-refused');
    await addStaff.getByLabel('New PIN').fill('4826');
    await addStaff.getByLabel('The same PIN again').fill('4826');
    await addStaff.getByRole('button', { name: 'Add to the staff' }).click();
    await expect(page.getByRole('status')).toHaveText('Wanjiku Kamau (3001) added.');
    await expect(addStaff.getByLabel('New PIN')).toHaveValue('');
    const clerk = page.getByRole('row', { name: /3001 Wanjiku Kamau/ });
    await expect(clerk).toContainText('Clerk');
    await expect(clerk).toContainText('No');
    await expect(clerk).toContainText('Active');

    await page.getByLabel('Move a kiosk to this centre').selectOption({ label: 'kiosk-nairobi-4 (now: nyeri)' });
    await page.getByRole('button', { name: 'Move here' }).click();
    await expect(page.getByRole('status')).toHaveText('Kiosk kiosk-nairobi-4 moved to Huduma Centre Mombasa.');
    await expect(page.getByRole('row', { name: /kiosk-nairobi-4 Offline/ })).toBeVisible();

    await page.getByRole('button', { name: 'Make Supervisor: Wanjiku Kamau (3001)' }).click();
    await expect(page.getByRole('status')).toHaveText('Wanjiku Kamau (3001) is now: Supervisor.');
    await expect(clerk).toContainText('Supervisor');

    await page.getByRole('button', { name: 'Disable Wanjiku Kamau (3001)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable Wanjiku Kamau (3001)?' });
    await expect(confirm).toBeVisible();
    await check(page, 'hub-console-11-disable-confirm');
    await confirm.getByRole('button', { name: 'Yes, disable' }).click();
    await expect(page.getByRole('status')).toHaveText('Wanjiku Kamau (3001) disabled.');
    await expect(clerk).toContainText('Disabled');

    await page.getByRole('button', { name: 'Reset PIN: Wanjiku Kamau (3001)' }).click();
    const pinDialog = page.getByRole('dialog', { name: 'New PIN for Wanjiku Kamau (3001)' });
    await pinDialog.getByLabel('New PIN').fill('5937');
    await pinDialog.getByLabel('The same PIN again').fill('5937');
    await check(page, 'hub-console-12-reset-pin');
    await pinDialog.getByRole('button', { name: 'Set the new PIN' }).click();
    await expect(page.getByRole('status')).toHaveText('The PIN of Wanjiku Kamau (3001) was reset.');

    const log = page.getByRole('region', { name: 'Latest changes in this centre' });
    for (const change of ['PIN reset', 'Staff disabled', 'Role changed', 'Kiosk moved here', 'Staff added', 'Centre added']) {
      await expect(log.getByRole('cell', { name: change, exact: true }).first()).toBeVisible();
    }
    await expect(log.getByRole('cell', { name: 'Refused: PIN too easy to guess' })).toBeVisible();
    await check(page, 'hub-console-13-centre');

    const stored = await page.request.get(`${hub.url}/console/api/centres/huduma-mombasa`);
    const text = await stored.text();
    expect(JSON.parse(text)).toMatchObject({ staff: [{ staffId: '3001', role: 'supervisor', disabledAt: expect.any(String) }] });
    for (const pin of ['4826', '9876', '5937']) expect(text).not.toContain(pin);

    await page.getByRole('button', { name: 'Kiswahili' }).click();
    await expect(page.getByRole('heading', { name: 'Wafanyakazi' })).toBeVisible();
    await check(page, 'hub-console-14-centre-kiswahili');
    await page.getByRole('button', { name: 'English' }).click();
    await context.close();
  });

  test('the console is served with a strict CSP and security headers', async ({ browser }) => {
    const { context, page } = await signIn(browser);
    const answer = await page.request.get(`${hub.url}/console/`);
    expect(answer.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers()['x-frame-options']).toBe('DENY');
    expect(answer.headers()['x-content-type-options']).toBe('nosniff');
    await context.close();
  });
});
