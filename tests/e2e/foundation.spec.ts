import { expect, test } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';

test('attract → Kiswahili → home → idle warning → idle timeout wipes the visit', async ({ kioskPage: page, kiosk }) => {
  await expect(page.getByText('Touch the screen to start')).toBeVisible();
  await expect(page.getByText('Gusa skrini kuanza')).toBeVisible();
  await checkScreen(page, 'foundation-01-attract');

  await page.getByTestId('touch-to-start').tap();
  await expect(page.getByRole('heading', { name: /Choose your language/ })).toBeVisible();
  await checkScreen(page, 'foundation-02-language');

  await page.getByTestId('language-sw').tap();
  await expect(page.getByRole('heading', { name: 'Ungependa kufanya nini?' })).toBeVisible();
  await expect(page.getByText('Tafuta akaunti yangu')).toBeVisible();
  await expect(page.getByText('Rejesha akaunti yangu')).toBeVisible();
  await expect(page.getByTestId('nav-start-over')).toHaveText('Anza upya');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
  await checkScreen(page, 'foundation-03-home-sw');

  // Idle: the warning comes before the timeout, in Kiswahili, and can be extended.
  await page.clock.runFor(41_000);
  const warning = page.getByRole('alertdialog');
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('heading', { name: 'Bado uko hapa?' })).toBeVisible();
  await checkScreen(page, 'foundation-04-idle-warning-sw');
  await warning.getByTestId('idle-more').tap();
  await expect(warning).toBeHidden();
  await page.clock.runFor(30_000);
  await expect(page.getByRole('heading', { name: 'Ungependa kufanya nini?' })).toBeVisible();

  // Then silence until the timeout: back to the attract screen with nothing of the visit left.
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('Ungependa');
  expect(text).not.toContain('Anza upya');
  expect(await page.locator('header, nav, dialog').count()).toBe(0);
  await checkScreen(page, 'foundation-05-after-idle');

  const visits = kiosk.core.context.db.prepare('SELECT end_reason FROM visits').all();
  expect(visits).toEqual([{ end_reason: 'idle' }]);
});

test('home leads to each service; back, help and start over work', async ({ kioskPage: page, kiosk }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
  await checkScreen(page, 'foundation-06-home-en');

  for (const [service, heading] of [
    ['find', 'Find my account'],
    ['recover', 'Recover my account'],
    ['pay', 'What would you like to pay for?'],
  ] as const) {
    await page.getByTestId(`service-${service}`).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.getByTestId('nav-back').tap();
    await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
  }

  await page.getByTestId('switch-language').tap();
  await expect(page.getByRole('heading', { name: 'Ungependa kufanya nini?' })).toBeVisible();
  await page.getByTestId('switch-language').tap();

  await page.getByTestId('nav-help').tap();
  await expect(page.getByRole('dialog')).toContainText('ask a member of staff');
  await checkScreen(page, 'foundation-08-help');
  await page.getByTestId('help-close').tap();

  await page.getByTestId('nav-start-over').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  const visits = kiosk.core.context.db.prepare('SELECT end_reason, locale FROM visits').all();
  expect(visits).toEqual([{ end_reason: 'start-over', locale: 'en' }]);
});
