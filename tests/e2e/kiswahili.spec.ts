import type { Page } from '@playwright/test';
import { OFFENCES, type OffenceName } from '../../electron/demo/ntsa-records';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { SUPERVISOR } from '../support/staff-seed';
import { expect, test } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';

const OFFENCE_NAMES: readonly OffenceName[] = Object.values(OFFENCES);
const DAY = /\d{2}\/\d{2}\/\d{4}/;

/** Nothing on the page is an offence's English name. */
async function expectNoEnglishOffence(page: Page): Promise<void> {
  const text = await page.locator('main, body').first().innerText();
  expect(OFFENCE_NAMES.filter((offence) => text.includes(offence.en)).map((offence) => offence.en)).toEqual([]);
}

async function tapKeys(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).tap();
}

test.describe('a kiosk with a card terminal', () => {
  test.use({ kioskSettings: { card: { simulator: true, simulatorDelayMs: 0 } } });

  test('a Kiswahili visit: offences, the fine’s bill, the receipt and the kiosk’s name are all in Kiswahili, dates day/month/year', async ({ kioskPage: page, kiosk }) => {
    await page.getByTestId('touch-to-start').tap();
    await page.getByTestId('language-sw').tap();
    await expect(page.getByTestId('kiosk-logo')).toContainText('Kioski cha eCitizen');
    await page.getByTestId('service-find').tap();
    await page.getByTestId('lookup-by-idNumber').tap();
    await tapKeys(page, '12345678');
    await page.getByTestId('lookup-search').tap();
    await page.getByTestId('lookup-send-code').tap();
    await expect(page.getByTestId('lookup-code-sent')).toBeVisible();
    const sms = smsSimulatorOf(kiosk.core.context.sms).lastTo('+254712345457')?.text ?? '';
    expect(sms).toMatch(/^Kioski cha eCitizen: nambari yako ya uthibitisho ni \d{6}/);
    await tapKeys(page, /(\d{6})/.exec(sms)?.[1] ?? '');
    await page.getByTestId('lookup-code-confirm').tap();

    const fine = page.getByTestId('lookup-fine-NTSA-F-10000001');
    await expect(fine).toContainText('Kuendesha gari kwa leseni iliyokwisha muda wake');
    await expect(page.getByTestId('lookup-fine-NTSA-F-10000002')).toContainText('Kutumia simu ya mkononi wakati wa kuendesha gari');
    await expect(fine).toContainText(DAY);
    await expectNoEnglishOffence(page);
    await checkScreen(page, 'sw-01-details');
    // The same screen in English names the offences in English.
    await page.getByTestId('switch-language').tap();
    await expect(fine).toContainText('Driving with an expired licence');
    await page.getByTestId('switch-language').tap();
    await expect(fine).toContainText('Kuendesha gari kwa leseni iliyokwisha muda wake');

    await page.getByTestId('lookup-pay-NTSA-F-10000001').tap();
    await expect(page.getByTestId('bill-summary')).toContainText('Faini: Kuendesha gari kwa leseni iliyokwisha muda wake');
    await expectNoEnglishOffence(page);
    await checkScreen(page, 'sw-02-bill');

    await page.getByTestId('pay-method-card').tap();
    await page.getByTestId('pay-card-start').tap();
    await expect(page.getByTestId('receipt-method')).toHaveText('Kadi', { timeout: 10_000 });
    await expect(page.getByTestId('pay-receipt')).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await checkScreen(page, 'sw-03-receipt');
  });
});

test.describe('the supervisor’s day', () => {
  test.use({ kioskStaff: [[SUPERVISOR], { scope: 'test' }] });

  test('writes the business date day/month/year, as every other screen does', async ({ kioskPage: page }) => {
    await page.getByTestId('touch-to-start').tap();
    await page.getByTestId('language-sw').tap();
    const logo = page.getByTestId('kiosk-logo');
    await logo.dispatchEvent('pointerdown');
    await page.clock.runFor(1_600);
    await logo.dispatchEvent('pointerup');
    await tapKeys(page, SUPERVISOR.staffId);
    await page.getByTestId('staff-next').tap();
    await tapKeys(page, SUPERVISOR.pin);
    await page.getByTestId('staff-submit').tap();
    await page.getByTestId('attended-day').tap();
    await expect(page.getByTestId('day-date')).toHaveText(/^Siku ya kazi \d{2}\/\d{2}\/\d{4}$/);
    await checkScreen(page, 'sw-04-day');
    await page.getByTestId('switch-language').tap();
    await expect(page.getByTestId('day-date')).toHaveText(/^Business day \d{2}\/\d{2}\/\d{4}$/);
  });
});
