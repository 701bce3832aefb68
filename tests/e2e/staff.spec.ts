import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { CLERK, SUPERVISOR } from '../support/staff-seed';
import { expect, test } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';

// Wrapped: Playwright reads a bare array here as [value, options].
test.use({ kioskStaff: [[SUPERVISOR, CLERK], { scope: 'test' }] });

const screenshots = path.resolve(import.meta.dirname, 'screenshots');

/** Types on the on-screen keypad, as a finger would. */
async function tapKeys(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).tap();
}

/** The hidden gesture: a long press on the kiosk's name, then the staff number and PIN. */
async function signIn(page: Page, staff: { staffId: string; pin: string }, screen?: string): Promise<void> {
  const logo = page.getByTestId('kiosk-logo');
  await logo.dispatchEvent('pointerdown');
  await page.clock.runFor(800);
  await logo.dispatchEvent('pointerup');
  await expect(page.getByRole('dialog')).toBeHidden();
  await logo.dispatchEvent('pointerdown');
  await page.clock.runFor(1_600);
  await logo.dispatchEvent('pointerup');
  const dialog = page.getByRole('dialog', { name: 'Staff sign-in' });
  await expect(dialog).toBeVisible();
  await tapKeys(page, staff.staffId);
  await expect(page.getByTestId('staff-number')).toHaveText(staff.staffId);
  if (screen) await checkScreen(page, `${screen}-number`);
  await page.getByTestId('staff-next').tap();
  await tapKeys(page, staff.pin);
  await expect(page.getByTestId('staff-pin')).toHaveText('●'.repeat(staff.pin.length));
  if (screen) await checkScreen(page, `${screen}-pin`);
  await page.getByTestId('staff-submit').tap();
  await expect(dialog).toBeHidden();
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).tap()]);
  return Buffer.from(readFileSync(await file.path()));
}

test('clerk: gesture and PIN → shift → cash → short count; supervisor: the day and its exports', async ({ kioskPage: page, kiosk }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await expect(page.getByTestId('attended-banner')).toBeHidden();

  // A wrong PIN is refused in both languages and leaves the kiosk unattended.
  await signIn(page, { staffId: CLERK.staffId, pin: '9999' }).catch(() => undefined);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('That staff number or PIN is not right');
  await expect(refusal).toContainText('Nambari ya mfanyakazi au PIN si sahihi');
  await checkScreen(page, 'staff-01-wrong-pin');
  await page.getByTestId('staff-cancel').tap();
  await expect(page.getByTestId('attended-banner')).toBeHidden();

  await signIn(page, CLERK, 'staff-02-sign-in');
  const banner = page.getByTestId('attended-banner');
  await expect(banner).toContainText('Attended mode');
  await expect(page.getByTestId('attended-name')).toHaveText('Peter Otieno · Clerk');
  await checkScreen(page, 'staff-03-attended-home');

  // Open a shift with a counted float of KES 2,000.
  await page.getByTestId('attended-shift').tap();
  await expect(page.getByRole('heading', { name: 'My cash shift' })).toBeVisible();
  await tapKeys(page, '2000');
  await checkScreen(page, 'staff-04-open-shift');
  await page.getByTestId('shift-open').tap();
  await expect(page.getByTestId('shift-expected')).toHaveText('KES 2,000');

  // The clerk takes cash for a one-year licence renewal: KES 650, KES 1,000 handed over.
  await page.getByTestId('nav-back').tap();
  await page.getByTestId('service-pay').tap();
  await page.getByTestId('pay-choose-renewal').tap();
  await page.getByTestId('pay-renewal-1').tap();
  await page.getByTestId('pay-method-cash').tap();
  await tapKeys(page, '1000');
  await page.getByTestId('pay-cash-record').tap();
  await expect(page.getByTestId('receipt-total')).toHaveText('KES 650');
  await expect(page.getByTestId('receipt-method')).toHaveText(/Cash/);

  // Close the shift: expected 2,000 + 650 = 2,650; the drawer holds 2,000: KES 650 short, beyond the sign-off limit.
  await page.getByTestId('attended-shift').tap();
  await expect(page.getByTestId('shift-cash-taken')).toHaveText('KES 650');
  await expect(page.getByTestId('shift-expected')).toHaveText('KES 2,650');
  await tapKeys(page, '2000');
  await checkScreen(page, 'staff-05-count-drawer');
  await page.getByTestId('shift-close').tap();
  await expect(page.getByTestId('shift-variance')).toHaveText('Short by KES 650');
  await expect(page.getByText('a supervisor must sign it off')).toBeVisible();
  await checkScreen(page, 'staff-06-shift-short');
  await page.getByTestId('attended-sign-out').tap();
  await expect(banner).toBeHidden();

  // The supervisor signs in and sees the day.
  await signIn(page, SUPERVISOR);
  await expect(page.getByTestId('attended-name')).toHaveText('Grace Njeri · Supervisor');
  await page.getByTestId('attended-day').tap();
  await expect(page.getByTestId('day-paid')).toContainText('KES 650');
  await expect(page.getByTestId('day-by-method')).toContainText('Cash (1)');
  await expect(page.getByTestId('day-by-service')).toContainText('Licence renewal (1)');
  await expect(page.getByTestId('day-shifts')).toContainText('Peter Otieno');
  await expect(page.getByTestId('day-shifts')).toContainText('-650');
  await expect(page.getByTestId('day-audit')).toContainText('Audit log intact');
  await expect(page.getByTestId('day-blockers')).toHaveText('Shifts wait for sign-off');
  await expect(page.getByTestId('day-close')).toBeDisabled();
  await checkScreen(page, 'staff-07-day');

  // The supervisor signs off the shortfall: never one tap. The dialog says it is final; a
  // reason must be chosen before confirming, and a note may go with it.
  await page.getByTestId('day-sign-off').tap();
  const signOffDialog = page.getByRole('dialog', { name: 'Sign off Peter Otieno’s shift?' });
  await expect(signOffDialog).toContainText('Short by KES 650. Signing off is final');
  await expect(page.getByTestId('override-confirm')).toBeDisabled();
  await page.getByTestId('override-reason-recounted').tap();
  await expect(page.getByTestId('day-shifts')).not.toContainText('Signed off');
  await page.getByTestId('override-add-note').tap();
  for (const key of 'COUNTED TWICE') await page.getByTestId('text-keyboard').locator(`[data-skbtn="${key === ' ' ? '{space}' : key}"]`).tap();
  await checkScreen(page, 'staff-08-sign-off');
  await page.getByTestId('override-confirm').tap();
  await expect(page.getByTestId('day-shifts')).toContainText('Signed off');
  await expect(page.getByTestId('day-blockers')).toBeHidden();
  const signOff = kiosk.core.context.db.prepare('SELECT signed_off_by, sign_off_note FROM shifts').get();
  expect(signOff).toEqual({ signed_off_by: SUPERVISOR.staffId, sign_off_note: 'recounted: COUNTED TWICE' });
  const signOffAudit = kiosk.core.context.db.prepare<[], { details: string }>("SELECT details FROM audit_log WHERE action = 'shift.signOff'").get();
  expect(JSON.parse(signOffAudit?.details ?? '{}')).toMatchObject({ variance: -650, reason: 'recounted', note: 'COUNTED TWICE' });

  const payments = kiosk.core.context.db.prepare<[], { amount: number; state: string; method: string }>('SELECT amount, state, method FROM payments').all();
  const paidTotal = payments.filter((p) => p.state === 'paid').reduce((sum, p) => sum + p.amount, 0);
  expect(paidTotal).toBe(650);

  const csv = await download(page, 'export-csv');
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).split('\r\n');
  const rows = lines.slice(1, lines.indexOf(''));
  expect(rows).toHaveLength(payments.length);
  expect(rows.filter((r) => r.split(',')[5] === 'paid').reduce((sum, r) => sum + Number(r.split(',')[6]), 0)).toBe(paidTotal);
  expect(csv.toString('utf8')).toMatch(/#content_sha256,[0-9a-f]{64}\r\n#audit_head,\d+:[0-9a-f]{64}/);

  const xlsx = await download(page, 'export-xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  let xlsxPaid = 0;
  book.getWorksheet('Payments')?.eachRow((row, n) => {
    if (n > 1 && row.getCell(6).value === 'paid') xlsxPaid += Number(row.getCell(7).value);
  });
  expect(xlsxPaid).toBe(paidTotal);
  const shifts = book.getWorksheet('Shifts')?.getRow(2).values as unknown[];
  expect(shifts.slice(3, 4).concat(shifts.slice(10, 13))).toEqual(['Peter Otieno', 2_650, 2_000, -650]);

  const pdf = await download(page, 'export-pdf');
  const pdfFile = path.join(test.info().outputDir, 'day-report.pdf');
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(pdfFile, pdf);
  const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdfFile, '-'], { encoding: 'utf8' });
  expect(page1).toMatch(/Total paid \(1 payment\)\s+KES 650/);
  expect(page1).toMatch(/Cash \(1\)\s+KES 650/);
  expect(page1).toMatch(/Peter Otieno\s+2,000\s+2,650\s+2,000\s+-650\s+signed off/);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(screenshots, 'staff-report-pdf-page1')]);
  await expect(page.getByTestId('day-exported')).toContainText('.pdf');
  await checkScreen(page, 'staff-09-day-exported');

  // With nothing pending and every shift settled, the day closes.
  await page.getByTestId('day-close').tap();
  await expect(page.getByTestId('day-closed')).toHaveText(`Day closed by ${SUPERVISOR.staffId}`);

  // Kiswahili for the supervisor too.
  await page.getByTestId('switch-language').tap();
  await expect(page.getByRole('heading', { name: 'Siku ya leo kwenye kioski hiki' })).toBeVisible();
  await checkScreen(page, 'staff-10-day-sw');
});

test('a badge scanned on any screen opens sign-in at the PIN; the same keys typed by hand do not', async ({ kioskPage: page }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  const home = page.getByRole('heading', { name: 'What would you like to do?' });
  await expect(home).toBeVisible();
  // A person at a keyboard is far slower than a scanner: nothing opens.
  await page.keyboard.type(CLERK.badgeCode, { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(home).toBeVisible();
  // The scanner types the code and Enter in one burst.
  await page.keyboard.type(CLERK.badgeCode, { delay: 5 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Staff sign-in' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('staff-badge-read')).toHaveText('Badge read. Now the PIN.');
  await checkScreen(page, 'staff-12-badge-scanned');
  await tapKeys(page, CLERK.pin);
  await page.getByTestId('staff-submit').tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('attended-banner')).toContainText(CLERK.name);
  await expect(home).toBeVisible();
});

test.describe('attended mode’s own idle timeout', () => {
  test.use({ kioskSettings: { staff: { idleTimeoutSeconds: 30 }, idle: { timeoutSeconds: 600, warningSeconds: 20 } } });

  test('ends attended mode after 30 s without a staff touch and leaves the staff screen', async ({ kioskPage: page, kiosk }) => {
    await page.getByTestId('touch-to-start').tap();
    await page.getByTestId('language-en').tap();
    await signIn(page, CLERK);
    await page.getByTestId('attended-shift').tap();
    await expect(page.getByRole('heading', { name: 'My cash shift' })).toBeVisible();
    // The screen's clock stands still, so its own staff idle time (also 30 s) cannot end the
    // visit first: the core's own timer ends attended mode (real time), and the screen hears of it by event.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await expect(page.getByTestId('attended-banner')).toBeHidden({ timeout: 45_000 });
    await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
    // Back on a citizen screen (10 minutes' idle here): the screen's clock may run again.
    await page.clock.resume();
    await checkScreen(page, 'staff-11-attended-timed-out');
    const ended = kiosk.core.context.db.prepare("SELECT actor, outcome FROM audit_log WHERE action = 'staff.signOut'").all();
    expect(ended).toEqual([{ actor: `staff:${CLERK.staffId}`, outcome: 'idle' }]);
  });
});
