// page.evaluate callbacks run in the page: they need the DOM types the Node project lacks.
import type { Page } from '@playwright/test';
import { checkScreen } from './screens';

/**
 * The classes the renderer's accessibility switches put on <html>
 * (renderer/src/accessibility/display-modes.ts); accessibility.spec.ts checks that the
 * switches set exactly these, so the two cannot drift apart.
 */
export const DISPLAY_MODES = {
  'high-contrast': 'a11y-high-contrast',
  'large-text': 'a11y-large-text',
} as const;
export type DisplayMode = keyof typeof DISPLAY_MODES;

async function setModes(page: Page, modes: readonly DisplayMode[]): Promise<void> {
  await page.evaluate(
    ({ all, on }) => {
      for (const cls of all) document.documentElement.classList.toggle(cls, on.includes(cls));
    },
    { all: Object.values(DISPLAY_MODES), on: modes.map((mode) => DISPLAY_MODES[mode]) },
  );
}

/**
 * `checkScreen` on the screen as it is, then again in high-contrast and in large-text mode
 * (screenshots `<name>--high-contrast`, `<name>--large-text`), then puts the screen back.
 * Cheap (no navigation): call it instead of `checkScreen` on any screen of a flow.
 */
export async function checkScreenInAllModes(page: Page, name: string): Promise<void> {
  const before = await page.evaluate(() => [...document.documentElement.classList]);
  await checkScreen(page, name);
  for (const mode of Object.keys(DISPLAY_MODES) as DisplayMode[]) {
    await setModes(page, [mode]);
    await checkScreen(page, `${name}--${mode}`);
  }
  await page.evaluate((classes) => {
    document.documentElement.className = classes.join(' ');
  }, before);
}
