import type { Page } from '@playwright/test';
import { expect } from './kiosk-fixture';

/** Touches on the on-screen numeric keypad. */
export async function tapKeypad(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).tap();
}

/** Touches on the on-screen keyboard (letters, `<`, `@`, `.`). */
export async function tapKeyboard(page: Page, keys: string): Promise<void> {
  for (const key of keys) await page.getByTestId('text-keyboard').locator(`[data-skbtn="${key}"]`).tap();
}

/** The hidden gesture (a long press on the kiosk's name), then the staff number and PIN. */
export async function signInStaff(page: Page, staff: { staffId: string; pin: string }): Promise<void> {
  const logo = page.getByTestId('kiosk-logo');
  await logo.dispatchEvent('pointerdown');
  await page.clock.runFor(1_600);
  await logo.dispatchEvent('pointerup');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await tapKeypad(page, staff.staffId);
  await page.getByTestId('staff-next').tap();
  await tapKeypad(page, staff.pin);
  await page.getByTestId('staff-submit').tap();
  await expect(dialog).toBeHidden();
}

/** What a keyboard-wedge document scanner does: each MRZ line typed fast, each ended by Enter. */
export async function scanDocument(page: Page, lines: readonly string[]): Promise<void> {
  await expect(page.getByTestId('recover-mrz')).toBeFocused();
  await page.keyboard.type(lines.map((line) => `${line}\n`).join(''), { delay: 1 });
}
