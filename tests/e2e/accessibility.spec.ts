import type { Page } from '@playwright/test';
import { expect, test } from './support/kiosk-fixture';
import { DISPLAY_MODES } from './support/accessibility-modes';
import { checkScreen } from './support/screens';

test('the accessibility switches are on the first screen, set the display modes, and reset when the visit ends', async ({ kioskPage: page }) => {
  const contrast = page.getByTestId('a11y-high-contrast');
  const large = page.getByTestId('a11y-large-text');
  await expect(contrast).toHaveAttribute('aria-pressed', 'false');
  await contrast.tap();
  await large.tap();
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  const html = page.locator('html');
  await expect(html).toHaveClass(new RegExp(DISPLAY_MODES['high-contrast']));
  await expect(html).toHaveClass(new RegExp(DISPLAY_MODES['large-text']));
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
  await checkScreen(page, 'accessibility-01-attract-both-modes');

  await page.getByTestId('touch-to-start').tap();
  await expect(page.getByTestId('a11y-high-contrast')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('language-en').tap();
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
  await expect(html).toHaveClass(new RegExp(DISPLAY_MODES['high-contrast']));
  await checkScreen(page, 'accessibility-02-home-both-modes');

  await page.getByTestId('nav-start-over').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expect(html).not.toHaveClass(new RegExp(`${DISPLAY_MODES['high-contrast']}|${DISPLAY_MODES['large-text']}`));
  await expect(page.getByTestId('a11y-high-contrast')).toHaveAttribute('aria-pressed', 'false');
});

for (const locale of ['en', 'sw'] as const) {
  test(`foundation screens pass axe and 64 px in every mode, in ${locale === 'en' ? 'English' : 'Kiswahili'}`, async ({ kioskPage: page }) => {
    await checkScreen(page, `accessibility-${locale}-attract`, { screenshotEveryMode: true });
    await page.getByTestId('touch-to-start').tap();
    await checkScreen(page, `accessibility-${locale}-language`, { screenshotEveryMode: true });
    await page.getByTestId(`language-${locale}`).tap();
    await expect(page.getByTestId('nav-start-over')).toBeVisible();
    await checkScreen(page, `accessibility-${locale}-home`, { screenshotEveryMode: true });
    await page.getByTestId('nav-help').tap();
    await checkScreen(page, `accessibility-${locale}-help`, { screenshotEveryMode: true });
    await page.getByTestId('help-close').tap();
    await page.getByTestId('service-pay').tap();
    await expect(page.getByTestId('nav-back')).toBeEnabled();
    await checkScreen(page, `accessibility-${locale}-service`, { screenshotEveryMode: true });
    await page.getByTestId('nav-back').tap();

    // Every idle warning can be extended, in every mode.
    await page.clock.runFor(41_000);
    const warning = page.getByRole('alertdialog');
    await expect(warning).toBeVisible();
    await checkScreen(page, `accessibility-${locale}-idle-warning`, { screenshotEveryMode: true });
    await warning.getByTestId('idle-more').tap();
    await expect(warning).toBeHidden();
  });
}

/** Replaces the Web Speech API with a recorder before the page loads: headless Chromium has no voices. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: { text: string; lang: string }[] = [];
    Object.assign(window, { __said: said });
    class RecordedUtterance {
      lang = '';
      voice: unknown = null;
      rate = 1;
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: RecordedUtterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: { speak: (u: RecordedUtterance) => said.push({ text: u.text, lang: u.lang }), cancel: () => undefined, getVoices: () => [] },
    });
  });
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __said: { text: string; lang: string }[] }).__said);

test('speech guidance reads each step aloud, in the language shown, only when turned on', async ({ page, kiosk }) => {
  await recordSpeech(page);
  await page.clock.install();
  await page.goto(kiosk.newLaunchUrl());
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('nav-back').waitFor({ state: 'visible' });
  await page.clock.runFor(1_000);
  expect(await spoken(page), 'silent until asked').toEqual([]);

  await page.getByTestId('a11y-speech').tap();
  await expect(page.getByTestId('a11y-speech')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => spoken(page)).toEqual(
    expect.arrayContaining([
      { text: 'Choose your language', lang: 'en-KE' },
      { text: 'Chagua lugha yako', lang: 'sw-KE' },
    ]),
  );

  await page.getByTestId('language-sw').tap();
  await page.clock.runFor(1_000);
  await expect.poll(() => spoken(page)).toContainEqual({ text: 'Ungependa kufanya nini?', lang: 'sw-KE' });

  // The idle warning is read out too, so a blind citizen knows to ask for more time.
  await page.clock.runFor(41_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expect.poll(() => spoken(page)).toContainEqual({ text: 'Bado uko hapa?', lang: 'sw-KE' });
});
