import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const screenshotDir = path.resolve(import.meta.dirname, '../screenshots');

/**
 * Every screen a test reaches is checked the same way: a screenshot to look at, axe with
 * no violations (WCAG 2.2 AA rules), and every control at least 64 px in both directions.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
  const small: string[] = [];
  for (const control of await page.locator('button, a[href], input, select, textarea, [role="button"]').all()) {
    const box = (await control.isVisible()) ? await control.boundingBox() : null;
    if (box && (box.width < 64 || box.height < 64)) small.push(`${(await control.innerText()).slice(0, 40)} (${Math.round(box.width)}×${Math.round(box.height)})`);
  }
  expect(small, `touch targets under 64 px on ${name}`).toEqual([]);
}
