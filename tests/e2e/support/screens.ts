import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DISPLAY_MODES, setDisplayModes, type DisplayMode } from './accessibility-modes';

const screenshotDir = path.resolve(import.meta.dirname, '../screenshots');

/** Visible controls smaller than 64 px either way, measured in one pass in the page. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"]')]
      .filter((control) => control.checkVisibility())
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 64 || box.height < 64)
      .map(({ control, box }) => `${control.innerText.slice(0, 40)} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
}

async function inspect(page: Page, name: string, screenshot: boolean): Promise<void> {
  if (screenshot) await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
  expect(await smallTargets(page), `touch targets under 64 px on ${name}`).toEqual([]);
}

/**
 * Every screen a test reaches is checked the same way: a screenshot to look at, axe with
 * no violations (WCAG 2.2 AA rules), and every control at least 64 px in both directions —
 * as it is, then again in high-contrast and in large-text mode (no navigation: the modes are
 * classes on <html>), after which the screen is put back as it was. Screenshots of the modes
 * (`<name>--high-contrast`, `<name>--large-text`) only when asked for.
 */
export async function checkScreen(page: Page, name: string, options: { screenshotEveryMode?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const before = await page.evaluate(() => document.documentElement.className);
  await inspect(page, name, true);
  for (const mode of Object.keys(DISPLAY_MODES) as DisplayMode[]) {
    await setDisplayModes(page, [mode]);
    await inspect(page, `${name}--${mode}`, options.screenshotEveryMode ?? false);
  }
  await page.evaluate((className) => {
    document.documentElement.className = className;
  }, before);
}
