import type { Page } from '@playwright/test';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { JANE_EXPIRED_PASSPORT, JANE_PASSPORT } from '../support/recovery-documents';
import { expect, test, type KioskUnderTest } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';
import { scanDocument, tapKeyboard as tapKeys, tapKeypad as tapDigits } from './support/touch';

// Screenshots and axe in every display mode are slow on a busy machine: the visit must not idle out meanwhile.
test.use({ kioskSettings: { idle: { timeoutSeconds: 600, warningSeconds: 60 } } });

async function startVisit(page: Page, locale: 'en' | 'sw' = 'en'): Promise<void> {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId(`language-${locale}`).tap();
}

/** Requests the screen made to the core, by call name. */
function callsMade(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const name = /\/api\/call\/([^/?]+)/.exec(request.url())?.[1];
    if (name) calls.push(decodeURIComponent(name));
  });
  return calls;
}

test('a passport holder who lost their phone names themselves by passport number, on a letter keyboard', async ({ kioskPage: page }) => {
  await startVisit(page);
  await page.getByTestId('service-recover').tap();
  await page.getByTestId('recover-lost-phone').tap();
  await page.getByTestId('recover-id-kind-passport').tap();
  await expect(page.getByRole('heading', { name: 'Passport number' })).toBeVisible();
  await tapKeys(page, 'AK1234567');
  await expect(page.getByTestId('recover-passport-number')).toHaveText('AK1234567');
  await checkScreen(page, 'counter-05-passport-number');
  await page.getByTestId('recover-id-next').tap();
  await expect(page.getByRole('heading', { name: 'Scan your document' })).toBeVisible();
  await scanDocument(page, JANE_PASSPORT);
  await expect(page.getByRole('heading', { name: 'A question only you can answer' })).toBeVisible();
});

test('an expired document is called expired, with its date; a misread line is named and kept for correcting', async ({ kioskPage: page }) => {
  await startVisit(page);
  await page.getByTestId('service-recover').tap();
  await page.getByTestId('recover-lost-phone').tap();
  await tapDigits(page, '12345678');
  await page.getByTestId('recover-id-next').tap();

  await scanDocument(page, JANE_EXPIRED_PASSPORT);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('This document expired on 10/03/2019. Please bring a valid passport or national ID card, or see a clerk at the counter.');
  await expect(refusal).toContainText('Hati hii iliisha muda wake tarehe 10/03/2019.');
  await expect(page.getByTestId('recover-mismatch')).toHaveCount(0);
  await expect(page.getByText('does not match')).toHaveCount(0);
  await expect(page.getByTestId('recover-mrz')).toHaveValue(JANE_EXPIRED_PASSPORT.join('\n'));
  await expect(page.getByTestId('recover-attempts-left')).toHaveText('3 checks left today');
  await checkScreen(page, 'counter-06-document-expired');

  // The valid passport, with its last character misread: line 2 is named, and the lines stay.
  const misread = [JANE_PASSPORT[0], `${JANE_PASSPORT[1].slice(0, -1)}5`];
  await page.getByTestId('recover-mrz').focus();
  await scanDocument(page, misread);
  await expect(refusal).toContainText('Line 2 of the document did not read correctly');
  await expect(refusal).toContainText('Mstari wa 2 wa hati haukusomwa vizuri');
  await expect(page.getByTestId('recover-mrz')).toHaveValue(misread.join('\n'));
  await checkScreen(page, 'counter-06-check-digit-line');
  // One character corrected on the on-screen keys, and the document is checked.
  await page.getByTestId('text-keyboard').locator('[data-skbtn="{bksp}"]').tap();
  await tapKeys(page, '6');
  await page.getByTestId('recover-mrz-check').tap();
  await expect(page.getByRole('heading', { name: 'A question only you can answer' })).toBeVisible();
});

function lastCodeTo(kiosk: KioskUnderTest, phone: string): string {
  return /(\d{6})/.exec(smsSimulatorOf(kiosk.core.context.sms).lastTo(phone)?.text ?? '')?.[1] ?? '';
}

test('a code typed wrong to its last try: one more try said right, then only "Send a new code" remains', async ({ kioskPage: page, kiosk }) => {
  await startVisit(page);
  await page.getByTestId('service-find').tap();
  await page.getByTestId('lookup-by-idNumber').tap();
  await tapDigits(page, '12345678');
  await page.getByTestId('lookup-search').tap();
  await page.getByTestId('lookup-send-code').tap();
  const wrong = lastCodeTo(kiosk, '+254712345457') === '000000' ? '111111' : '000000';
  for (const [said, sw] of [
    ['You have 2 more tries.', 'Umebakiza majaribio 2.'],
    ['You have 1 more try.', 'Umebakiza jaribio 1.'],
  ] as const) {
    await tapDigits(page, wrong);
    await page.getByTestId('lookup-code-confirm').tap();
    await expect(page.getByRole('alert')).toContainText(said);
    await expect(page.getByRole('alert')).toContainText(sw);
  }
  await tapDigits(page, wrong);
  await page.getByTestId('lookup-code-confirm').tap();
  await expect(page.getByRole('alert')).toContainText('no longer works');
  // Dead: nothing to type into, no expiry time, and the new code is the main action.
  await expect(page.getByTestId('numeric-keypad')).toHaveCount(0);
  await expect(page.getByTestId('lookup-code-sent')).toHaveCount(0);
  await expect(page.getByTestId('lookup-code-dead')).toHaveText('Ask for a new code to continue.');
  const resend = page.getByTestId('lookup-code-resend');
  await expect(resend).toHaveClass(/lookup-main-action/);
  await expect(resend).not.toHaveClass(/button--secondary/);
  await checkScreen(page, 'counter-07-code-dead');
  const sms = smsSimulatorOf(kiosk.core.context.sms);
  const deadCodeSms = sms.lastTo('+254712345457');
  await resend.tap();
  await expect.poll(() => sms.lastTo('+254712345457') !== deadCodeSms).toBe(true);
  await expect(page.getByTestId('numeric-keypad')).toBeVisible();
  await tapDigits(page, lastCodeTo(kiosk, '+254712345457'));
  await page.getByTestId('lookup-code-confirm').tap();
  await expect(page.getByTestId('lookup-details-name')).toHaveText('Jane Wanjiku Kamau');
});

test('an ID number shorter than any real one is refused on screen, and spends no search', async ({ kioskPage: page, kiosk }) => {
  const calls = callsMade(page);
  await startVisit(page);
  await page.getByTestId('service-find').tap();
  await page.getByTestId('lookup-by-idNumber').tap();
  await tapDigits(page, '1234');
  await page.getByTestId('lookup-search').tap();
  await expect(page.getByTestId('lookup-invalid')).toContainText('That is too short for an ID number');
  await expect(page.getByTestId('lookup-invalid')).toContainText('Hiyo ni fupi mno kuwa nambari ya kitambulisho');
  await checkScreen(page, 'counter-10-id-too-short');

  await page.getByTestId('nav-back').tap();
  await page.getByTestId('nav-back').tap();
  await page.getByTestId('service-recover').tap();
  await page.getByTestId('recover-has-phone').tap();
  await tapDigits(page, '123');
  await page.getByTestId('recover-id-next').tap();
  await expect(page.getByTestId('recover-id-invalid')).toContainText('That is too short for an ID number');
  expect(calls.filter((name) => name === 'lookup.search' || name === 'recovery.start')).toEqual([]);
  expect(kiosk.core.context.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'lookup.%' OR action LIKE 'recovery.%'").get()).toEqual({ n: 0 });
});
