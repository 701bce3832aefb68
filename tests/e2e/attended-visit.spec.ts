import { CLERK } from '../support/staff-seed';
import { expect, test, type KioskUnderTest } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';
import { signInStaff as signIn } from './support/touch';

// Wrapped: Playwright reads a bare array here as [value, options].
test.use({ kioskStaff: [[CLERK], { scope: 'test' }] });

const signOuts = (kiosk: KioskUnderTest) => kiosk.core.context.db.prepare("SELECT actor, outcome FROM audit_log WHERE action = 'staff.signOut'").all();

test('the visit idles out with a clerk signed in: attended mode ends, and the next citizen sees and reaches no staff screen', async ({ kioskPage: page, kiosk }) => {
  const keepAlives: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/call/staff.keepAlive')) keepAlives.push(request.url());
  });
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await signIn(page, CLERK);
  await expect(page.getByTestId('attended-name')).toHaveText('Peter Otieno · Clerk');

  // Citizen screens: their touches are the citizen's, and never keep attended mode alive.
  await page.clock.fastForward(20_000);
  await page.getByTestId('service-find').tap();
  await page.clock.fastForward(20_000);
  await page.getByTestId('nav-back').tap();
  await page.clock.fastForward(20_000);
  await page.getByTestId('service-pay').tap();
  await expect(page.getByTestId('attended-banner')).toBeVisible();
  expect(keepAlives, 'a citizen touch reported as a staff touch').toEqual([]);

  // The clerk walks away; the citizen's idle wipe ends the visit, and attended mode with it.
  await page.clock.fastForward(45_000);
  await expect(page.getByTestId('idle-countdown')).toContainText('this screen will clear');
  await page.clock.fastForward(20_000);
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  expect(signOuts(kiosk)).toEqual([{ actor: `staff:${CLERK.staffId}`, outcome: 'visit-ended' }]);

  // The next citizen: no banner, no staff call answers this visit.
  const staffAsked = page.waitForResponse((response) => response.url().includes('/api/call/staff.current'));
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
  expect(await (await staffAsked).json()).toEqual({ ok: true, value: { staff: null } });
  await expect(page.getByTestId('attended-banner')).toHaveCount(0);
  await expect(page.getByText('Peter Otieno')).toHaveCount(0);
  for (const name of ['shift.current', 'recovery.pending', 'staff.keepAlive']) {
    expect(await kiosk.core.invoke(name, {}), name).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
  }
  await checkScreen(page, 'attended-01-next-citizen');
});

test('staff screens have their own, longer idle time and their own warning; its end signs the clerk out', async ({ kioskPage: page, kiosk }) => {
  const keepAlives: number[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/call/staff.keepAlive')) keepAlives.push(Date.now());
  });
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await signIn(page, CLERK);
  await page.getByTestId('attended-shift').tap();
  const shiftScreen = page.getByRole('heading', { name: 'My cash shift' });
  await expect(shiftScreen).toBeVisible();
  // A touch on a staff screen is a staff touch.
  await page.getByTestId('keypad-5').tap();
  await expect.poll(() => keepAlives.length).toBeGreaterThan(0);

  // Past the citizen's 60 s: no wipe on a staff screen.
  await page.clock.fastForward(90_000);
  await expect(shiftScreen).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // 20 s before attended mode's 180 s: the staff warning, in the staff's words.
  await page.clock.fastForward(75_000);
  const warning = page.getByRole('alertdialog', { name: 'Still working here?' });
  await expect(warning).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toContainText('Attended mode ends and this screen clears in');
  await checkScreen(page, 'attended-02-staff-idle-warning');
  await page.getByTestId('idle-more').tap();
  await expect(warning).toBeHidden();
  await expect(shiftScreen).toBeVisible();

  // Then nothing: the visit ends, and attended mode with it.
  await page.clock.fastForward(181_000);
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  expect(signOuts(kiosk)).toEqual([{ actor: `staff:${CLERK.staffId}`, outcome: 'visit-ended' }]);
});
