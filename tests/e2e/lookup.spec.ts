import type { Page } from '@playwright/test';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { expect, test, type KioskUnderTest } from './support/kiosk-fixture';
import { expectNothingOfTheVisitLeft } from './support/privacy';
import { checkScreen } from './support/screens';

const JANE_PHONE = '+254712345457';

async function startVisit(page: Page, language: 'en' | 'sw' = 'en'): Promise<void> {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId(`language-${language}`).tap();
  await page.getByTestId('service-find').tap();
}

async function typeOnKeypad(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).tap();
}

function lastCodeTo(kiosk: KioskUnderTest, phone: string): string {
  const text = smsSimulatorOf(kiosk.core.context.sms).lastTo(phone)?.text ?? '';
  const code = /code is (\d{6})|uthibitisho ni (\d{6})/.exec(text);
  if (!code) throw new Error('no code was sent');
  return code[1] ?? code[2] ?? '';
}

test('find by ID number → masked answer → code → licence, vehicles and fines; idle wipes the verified view', async ({ kioskPage: page, kiosk }) => {
  await startVisit(page);
  await expect(page.getByRole('heading', { name: 'Find my account' })).toBeVisible();
  await checkScreen(page, 'lookup-01-choose');

  await page.getByTestId('lookup-by-idNumber').tap();
  await expect(page.getByRole('heading', { name: 'Search by ID number' })).toBeVisible();
  // Validation before any search: an empty field gets a message in both languages.
  await page.getByTestId('lookup-search').tap();
  await expect(page.getByTestId('lookup-invalid')).toContainText('Please enter your ID number.');
  await expect(page.getByTestId('lookup-invalid')).toContainText('Tafadhali andika nambari yako ya kitambulisho.');
  await checkScreen(page, 'lookup-02-enter-id-invalid');
  await typeOnKeypad(page, '123456789');
  await page.getByTestId('keypad-backspace').tap();
  await expect(page.getByTestId('lookup-value')).toHaveValue('12345678');
  await checkScreen(page, 'lookup-03-enter-id');
  await page.getByTestId('lookup-search').tap();

  await expect(page.getByRole('heading', { name: 'We found an account' })).toBeVisible();
  await expect(page.getByTestId('lookup-masked-name')).toHaveText('J*** W*** K***');
  await expect(page.getByTestId('lookup-masked-phone')).toHaveText('07•• ••• 457');
  await expect(page.getByTestId('lookup-masked-email')).toHaveText('j•••@gmail.com');
  const masked = await page.locator('body').innerText();
  for (const secret of ['12345678', 'Jane', 'Kamau', '712345457', 'jane.kamau']) expect(masked).not.toContain(secret);
  await checkScreen(page, 'lookup-04-masked');

  await page.getByTestId('lookup-send-code').tap();
  await expect(page.getByTestId('lookup-code-sent')).toContainText('07•• ••• 457');
  await checkScreen(page, 'lookup-05-code');
  const code = lastCodeTo(kiosk, JANE_PHONE);
  await typeOnKeypad(page, code === '000000' ? '111111' : '000000');
  await page.getByTestId('lookup-code-confirm').tap();
  await expect(page.getByRole('alert')).toContainText('That code is not right. You have 2 more tries.');
  await checkScreen(page, 'lookup-06-code-wrong');
  await typeOnKeypad(page, code);
  await page.getByTestId('lookup-code-confirm').tap();

  await expect(page.getByTestId('lookup-details-name')).toHaveText('Jane Wanjiku Kamau');
  await expect(page.getByTestId('lookup-licence-status')).toHaveText('Valid');
  await expect(page.getByTestId('lookup-vehicle-KDA123A')).toContainText('Toyota Fielder');
  await expect(page.getByTestId('lookup-vehicle-KDA123A')).toContainText('Lapsed on');
  await expect(page.getByTestId('lookup-fine-NTSA-F-10000001')).toContainText('KES 1,000');
  await expect(page.getByTestId('lookup-fine-NTSA-F-10000002')).toContainText('KES 2,000');
  await expect(page.getByTestId('lookup-fines-total')).toHaveText('Total unpaid: KES 3,000');
  await expect(page.getByTestId('lookup-pay-NTSA-F-10000001')).toHaveAttribute('href', /\/pay\/fine\/\d+$/);
  await expect(page.getByTestId('lookup-renew')).toHaveCount(0);
  await checkScreen(page, 'lookup-07-details');

  await page.getByTestId('switch-language').tap();
  await expect(page.getByRole('heading', { name: 'Mambo yako ya NTSA' })).toBeVisible();
  await checkScreen(page, 'lookup-08-details-sw');

  // Silence until the idle timeout: the verified view and everything of the visit are gone.
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expectNothingOfTheVisitLeft(page, kiosk.logFile, {
    idNumber: '12345678',
    phone: '+254712345457',
    names: ['Jane', 'Wanjiku', 'Kamau', 'J***'],
    other: ['KDA 123A', 'DL-1234567', 'NTSA-F-10000001', 'KES 3,000'],
  });
  // The core forgot it too: a new visit is not verified.
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  expect(await kiosk.core.invoke('lookup.details', {})).toMatchObject({ ok: false, error: { code: 'lookup.notVerified' } });
});

test('find by a phone typed as +254 7… on a hardware keyboard; a not-found; the 4th search refused', async ({ kioskPage: page }) => {
  await startVisit(page, 'sw');
  await page.getByTestId('lookup-by-phone').tap();
  await expect(page.getByRole('heading', { name: 'Tafuta kwa nambari ya simu' })).toBeVisible();
  await page.getByTestId('lookup-value').pressSequentially('+254 712 345 457');
  await checkScreen(page, 'lookup-09-enter-phone-sw');
  await page.getByTestId('lookup-value').press('Enter');
  await expect(page.getByRole('heading', { name: 'Tumepata akaunti' })).toBeVisible();
  await expect(page.getByTestId('lookup-masked-name')).toHaveText('J*** W*** K***');
  await checkScreen(page, 'lookup-10-masked-sw');

  await page.getByTestId('switch-language').tap();
  await page.getByTestId('lookup-again').tap();
  await page.getByTestId('lookup-by-passport').tap();
  // Letters on the on-screen keyboard (simple-keyboard).
  for (const key of 'ZZ999999') await page.locator(`.text-keyboard [data-skbtn="${key}"]`).tap();
  await expect(page.getByTestId('lookup-value')).toHaveValue('ZZ999999');
  await checkScreen(page, 'lookup-11-enter-passport');
  await page.getByTestId('lookup-search').tap();
  await expect(page.getByRole('heading', { name: 'We did not find an account' })).toBeVisible();
  await expect(page.getByTestId('lookup-not-found')).toContainText('No eCitizen account has this Passport number.');
  await expect(page.getByText('Ask at the counter and a member of staff will help you.')).toBeVisible();
  await checkScreen(page, 'lookup-12-not-found');

  await page.getByTestId('lookup-again').tap();
  await page.getByTestId('lookup-by-idNumber').tap();
  await typeOnKeypad(page, '999999999');
  await page.getByTestId('lookup-search').tap();
  await expect(page.getByRole('heading', { name: 'We did not find an account' })).toBeVisible();
  // Three searches used: no "search again" offered, and the core refuses a 4th anyway.
  await expect(page.getByTestId('lookup-again')).toHaveCount(0);
  await expect(page.getByText('You have used all your searches for this visit.')).toBeVisible();
  await page.getByTestId('nav-back').tap();
  await typeOnKeypad(page, '23456789');
  await page.getByTestId('lookup-search').tap();
  await expect(page.getByRole('alert')).toContainText('You can search 3 times in one visit.');
  await expect(page.getByRole('alert')).toContainText('Unaweza kutafuta mara 3 katika ziara moja.');
  await checkScreen(page, 'lookup-13-limit');
});

test.describe('with codes that expire after 30 seconds', () => {
  test.use({ kioskSettings: { verification: { codeTtlSeconds: 30 } } });

  test('an expired code is refused, and a new one works', async ({ kioskPage: page, kiosk }) => {
    await startVisit(page);
    await page.getByTestId('lookup-by-idNumber').tap();
    await typeOnKeypad(page, '23456789');
    await page.getByTestId('lookup-search').tap();
    await page.getByTestId('lookup-send-code').tap();
    await expect(page.getByTestId('lookup-code-sent')).toBeVisible();
    await typeOnKeypad(page, lastCodeTo(kiosk, '+254722000111'));
    // The core keeps real time: wait out the code (the screen's fake clock stands still, so no idle timeout).
    await page.waitForTimeout(31_000);
    await page.getByTestId('lookup-code-confirm').tap();
    await expect(page.getByRole('alert')).toContainText('This code has expired. Please ask for a new code.');
    await checkScreen(page, 'lookup-14-code-expired');

    await page.getByTestId('lookup-code-resend').tap();
    await expect.poll(() => smsSimulatorOf(kiosk.core.context.sms).outbox().length).toBe(2);
    await typeOnKeypad(page, lastCodeTo(kiosk, '+254722000111'));
    await page.getByTestId('lookup-code-confirm').tap();
    await expect(page.getByTestId('lookup-licence-status')).toHaveText('Expired');
    await expect(page.getByTestId('lookup-renew')).toHaveAttribute('href', /\/pay\/renewal\?licenceId=\d+/);
    await expect(page.getByTestId('lookup-pay-NTSA-F-10000003')).toBeVisible();
    await checkScreen(page, 'lookup-15-details-expired-licence');
  });
});
