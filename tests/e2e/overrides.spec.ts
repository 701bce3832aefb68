import type { Page } from '@playwright/test';
import { CLERK, SUPERVISOR } from '../support/staff-seed';
import { expect, test } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';
import { signInStaff as signIn, tapKeypad as tapKeys } from './support/touch';

// Wrapped: Playwright reads a bare array here as [value, options].
test.use({ kioskStaff: [[CLERK, SUPERVISOR], { scope: 'test' }], kioskSettings: { lookup: { lookupsPerVisit: 1 } } });

/** Types on the on-screen letter keyboard. */
async function tapText(page: Page, text: string): Promise<void> {
  for (const key of text) await page.getByTestId('text-keyboard').locator(`[data-skbtn="${key === ' ' ? '{space}' : key}"]`).tap();
}

async function searchById(page: Page, idNumber: string): Promise<void> {
  await page.getByTestId('lookup-by-idNumber').tap();
  await tapKeys(page, idNumber);
  await page.getByTestId('lookup-search').tap();
}

test('a citizen at the lookup limit searches again after a clerk lifts it with a reason; audited under the clerk', async ({ kioskPage: page, kiosk }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await page.getByTestId('service-find').tap();
  await searchById(page, '11111111');
  await expect(page.getByTestId('lookup-not-found')).toBeVisible();
  await expect(page.getByTestId('lookup-again')).toBeHidden();
  await checkScreen(page, 'overrides-01-citizen-at-limit');

  await signIn(page, CLERK);
  await page.getByTestId('attended-overrides').tap();
  await expect(page.getByTestId('override-lift')).toBeVisible();
  await expect(page.getByTestId('override-no-stuck')).toBeVisible();
  await checkScreen(page, 'overrides-02-screen');

  await page.getByTestId('override-lift').tap();
  const dialog = page.getByRole('dialog', { name: 'Why may this citizen search again?' });
  await expect(page.getByTestId('override-confirm')).toBeDisabled();
  await page.getByTestId('override-reason-typing-mistakes').tap();
  await expect(dialog).toContainText('Reason: Typing mistakes');
  await checkScreen(page, 'overrides-03-reason');
  // A note may go with the reason, but never a number that could be an ID or a phone.
  await page.getByTestId('override-add-note').tap();
  await tapText(page, 'REF 12345');
  await page.getByTestId('override-confirm').tap();
  await expect(dialog.locator('[data-error-code="overrides.noteHasNumber"]')).toBeVisible();
  // The keyboard, the error and the confirm button all fit on the screen, inside the dialog.
  for (const part of ['text-keyboard', 'override-confirm']) await expect(page.getByTestId(part)).toBeInViewport({ ratio: 1 });
  await checkScreen(page, 'overrides-03b-note-refused');
  await page.getByTestId('text-keyboard').locator('[data-skbtn="{clear}"]').tap();
  await tapText(page, 'ID CARD SEEN');
  await expect(page.getByTestId('override-note')).toHaveText('ID CARD SEEN');
  await expect(dialog.locator('[data-error-code]')).toHaveCount(0);
  await page.getByTestId('override-confirm').tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('override-outcome')).toHaveText('Done. This citizen can search once more in this visit.');
  await expect(page.getByTestId('override-lookup-idle')).toHaveText('This citizen can still search: nothing to lift.');
  await checkScreen(page, 'overrides-04-lifted');

  await page.getByTestId('override-back').tap();
  await searchById(page, '12345678');
  await expect(page.getByTestId('lookup-masked-name')).toHaveText('J*** W*** K***');
  await checkScreen(page, 'overrides-05-searched-again');

  const audited = kiosk.core.context.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'override.lift-lookup-limit'").all() as { actor: string; details: string }[];
  expect(audited).toHaveLength(1);
  expect(audited[0]!.actor).toBe(`staff:${CLERK.staffId}`);
  expect(JSON.parse(audited[0]!.details)).toMatchObject({ reason: 'typing-mistakes', note: 'ID CARD SEEN' });

  // The supervisor sees the override on the day screen, with the clerk's reason and note.
  await page.getByTestId('attended-sign-out').tap();
  await signIn(page, SUPERVISOR);
  await page.getByTestId('attended-day').tap();
  await expect(page.getByTestId('day-overrides')).toContainText(`${CLERK.staffId} · Search limit lifted · Typing mistakes · “ID CARD SEEN”`);
  await checkScreen(page, 'overrides-07-on-the-day-screen');
});

test('the overrides screen in Kiswahili', async ({ kioskPage: page }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-sw').tap();
  await signIn(page, CLERK);
  await page.getByTestId('attended-overrides').tap();
  await expect(page.getByRole('heading', { name: 'Ubatilishaji' })).toBeVisible();
  await expect(page.getByTestId('override-lookup-idle')).toHaveText('Mwananchi huyu bado anaweza kutafuta: hakuna cha kuondoa.');
  await expect(page.getByTestId('override-no-stuck')).toHaveText('Hakuna malipo yaliyokwama.');
  await checkScreen(page, 'overrides-06-sw');
});
