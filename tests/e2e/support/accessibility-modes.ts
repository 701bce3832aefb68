import type { Page } from '@playwright/test';

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

/** Puts exactly `modes` on the page, as the switches would. */
export async function setDisplayModes(page: Page, modes: readonly DisplayMode[]): Promise<void> {
  await page.evaluate(
    ({ all, on }) => {
      for (const cls of all) document.documentElement.classList.toggle(cls, on.includes(cls));
    },
    { all: Object.values(DISPLAY_MODES), on: modes.map((mode) => DISPLAY_MODES[mode]) },
  );
}
