import { createServer, type AddressInfo, type Socket } from 'node:net';
import { startDarajaSimulator, type DarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import { test as kioskTest, expect } from './support/kiosk-fixture';
import { expectNothingOfTheVisitLeft } from './support/privacy';
import { checkScreen } from './support/screens';
import { CLERK, seedStaff } from '../support/staff-seed';
import type { Page } from '@playwright/test';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';

/** The kiosk pays against a Daraja simulator over real HTTP, as the demo does. */
const test = kioskTest.extend<{ daraja: DarajaSimulator }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  daraja: async ({}, use) => {
    const simulator = await startDarajaSimulator({ delays: { resultMs: 1_500 } });
    await use(simulator);
    await simulator.close();
  },
  kioskSettings: async ({ daraja }, use) => {
    await use({ mpesa: { baseUrl: daraja.url }, card: { simulator: true, simulatorDelayMs: 500 }, payments: { firstQueryMs: 300, maxQueryGapMs: 600 } });
  },
});

async function startAtPay(page: Page): Promise<void> {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await page.getByTestId('service-pay').tap();
  await expect(page.getByRole('heading', { name: 'What would you like to pay for?' })).toBeVisible();
}

async function billByReference(page: Page, typed: string): Promise<void> {
  await page.getByTestId('pay-choose-reference').tap();
  await expect(page.getByRole('heading', { name: 'Pay a bill' })).toBeVisible();
  // The on-screen keyboard has no hyphen, and the screen says none is needed.
  await expect(page.getByTestId('pay-reference-dashes')).toHaveText('Leave out the dashes: for NTSA-F-10000001 type NTSAF10000001.');
  for (const key of typed.slice(0, 4)) await page.getByTestId('text-keyboard').locator(`[data-skbtn="${key}"]`).tap();
  await page.keyboard.type(typed.slice(4));
  await expect(page.getByTestId('pay-reference-input')).toHaveText(typed.toUpperCase());
}

test('a fine found by lookup paid by M-Pesa: cancelled on the phone first, then paid; receipt on screen and printed', async ({ kioskPage: page, kiosk }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await page.getByTestId('service-find').tap();
  await page.getByTestId('lookup-by-idNumber').tap();
  for (const digit of '12345678') await page.getByTestId(`keypad-${digit}`).tap();
  await page.getByTestId('lookup-search').tap();
  await page.getByTestId('lookup-send-code').tap();
  await expect(page.getByTestId('lookup-code-sent')).toBeVisible();
  const sms = smsSimulatorOf(kiosk.core.context.sms).lastTo('+254712345457')?.text ?? '';
  for (const digit of /(\d{6})/.exec(sms)?.[1] ?? '') await page.getByTestId(`keypad-${digit}`).tap();
  await page.getByTestId('lookup-code-confirm').tap();
  await expect(page.getByTestId('lookup-fine-NTSA-F-10000001')).toContainText('KES 1,000');
  await checkScreen(page, 'pay-00-lookup-fines');
  await page.getByTestId('lookup-pay-NTSA-F-10000001').tap();

  await expect(page.getByTestId('bill-reference')).toHaveText('NTSA-F-10000001');
  await expect(page.getByTestId('bill-total')).toHaveText('KES 1,000');
  await checkScreen(page, 'pay-03-bill');

  await page.getByTestId('pay-method-mpesa').tap();
  for (const digit of '0700001032') await page.getByTestId(`keypad-${digit}`).tap();
  await expect(page.getByTestId('pay-mpesa-phone')).toHaveText('0700001032');
  await checkScreen(page, 'pay-04-mpesa-phone');
  await page.getByTestId('pay-mpesa-send').tap();
  await expect(page.getByTestId('pay-mpesa-waiting')).toContainText('07•• ••• 032');
  await checkScreen(page, 'pay-05-mpesa-waiting');
  const outcome = page.getByTestId('payment-outcome');
  await expect(outcome).toContainText('The payment was cancelled on your phone.', { timeout: 15_000 });
  await page.getByTestId('switch-language').tap();
  await expect(outcome).toContainText('Malipo yameghairiwa kwenye simu yako.');
  await checkScreen(page, 'pay-06-mpesa-cancelled-sw');
  await page.getByTestId('switch-language').tap();

  // Trying again keeps the number typed; here the citizen changes it for another phone.
  await page.getByTestId('pay-mpesa-retry').tap();
  await expect(page.getByTestId('pay-mpesa-phone')).toHaveText('0700001032');
  await page.getByTestId('keypad-clear').tap();
  await page.keyboard.type('0708374149');
  await page.getByTestId('pay-mpesa-send').tap();
  await expect(page.getByTestId('pay-receipt')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('receipt-total')).toHaveText('KES 1,000');
  await expect(page.getByTestId('receipt-method')).toHaveText('M-Pesa');
  await expect(page.getByTestId('receipt-provider')).toHaveText(/^[A-Z][A-Z0-9]{9}$/);
  await checkScreen(page, 'pay-07-receipt-mpesa');
  await page.getByTestId('receipt-print').tap();
  await expect(page.getByTestId('receipt-printed')).toBeVisible();

  const paid = kiosk.core.context.db.prepare("SELECT method, state, amount FROM payments WHERE state = 'paid'").all();
  expect(paid).toEqual([{ method: 'mpesa', state: 'paid', amount: 1000 }]);

  // Finishing wipes the visit: nothing of the payment stays on screen.
  await page.getByTestId('receipt-done').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expectNothingOfTheVisitLeft(page, kiosk.logFile, { idNumber: '12345678', phone: '+254712345457', names: ['Jane', 'Kamau'], other: ['NTSA-F-10000001'] });
});

test('a bill reference paid by card; the same bill then shows as paid', async ({ kioskPage: page }) => {
  await startAtPay(page);
  await checkScreen(page, 'pay-01-choose');
  await billByReference(page, 'NTSA F 10000002');
  await checkScreen(page, 'pay-02-reference');
  await page.getByTestId('pay-reference-next').tap();
  await expect(page.getByTestId('bill-total')).toHaveText('KES 2,000');
  // No clerk is signed in: no cash.
  await expect(page.getByTestId('pay-method-cash')).toHaveCount(0);
  await page.getByTestId('pay-method-card').tap();
  await expect(page.getByText('card machine beside the screen')).toBeVisible();
  await checkScreen(page, 'pay-08-card');
  await page.getByTestId('pay-card-start').tap();
  await expect(page.getByTestId('receipt-method')).toHaveText('Card', { timeout: 10_000 });
  await expect(page.getByTestId('receipt-provider')).toHaveText(/^\d{6}$/);
  await checkScreen(page, 'pay-09-receipt-card');

  // Back from the receipt to the bill: it is paid now, and offers only its receipt.
  await page.getByTestId('nav-back').tap();
  await expect(page.getByTestId('pay-bill-paid')).toBeVisible();
  await expect(page.getByTestId('pay-method-card')).toHaveCount(0);
  await checkScreen(page, 'pay-10-bill-already-paid');
});

test('cash in attended mode: the clerk types what was handed over and the change is shown and recorded', async ({ kioskPage: page, kiosk }) => {
  await seedStaff(kiosk.core);
  const signedIn = await kiosk.core.invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
  expect(signedIn.ok).toBe(true);
  expect((await kiosk.core.invoke('shift.open', { openingFloat: 2000 })).ok).toBe(true);

  await startAtPay(page);
  await page.getByTestId('pay-choose-renewal').tap();
  await expect(page.getByTestId('pay-renewal-3')).toContainText('KES 1,450');
  await checkScreen(page, 'pay-11-renewal');
  await page.getByTestId('pay-renewal-3').tap();
  await expect(page.getByTestId('bill-total')).toHaveText('KES 1,450');
  await page.getByTestId('pay-method-cash').tap();
  await page.keyboard.type('1000');
  await expect(page.getByTestId('pay-cash-short')).toBeVisible();
  await expect(page.getByTestId('pay-cash-record')).toBeDisabled();
  await page.keyboard.press('Escape');
  await page.keyboard.type('2000');
  await expect(page.getByTestId('pay-cash-change')).toHaveText('Change to give: KES 550');
  await checkScreen(page, 'pay-12-cash');
  await page.getByTestId('pay-cash-record').tap();
  await expect(page.getByTestId('receipt-change')).toHaveText('KES 550');
  await expect(page.getByTestId('receipt-provider')).toHaveText(CLERK.staffId);
  await checkScreen(page, 'pay-13-receipt-cash');
  const row = kiosk.core.context.db.prepare('SELECT staff_id, tendered, change_given, state FROM payments').get();
  expect(row).toEqual({ staff_id: CLERK.staffId, tendered: 2000, change_given: 550, state: 'paid' });
});

test.describe('a kiosk with only a card terminal configured', () => {
  test.use({ kioskSettings: { card: { simulator: true, simulatorDelayMs: 0 } } });

  test('offers card and never M-Pesa, whose provider is not configured', async ({ kioskPage: page }) => {
    await startAtPay(page);
    await billByReference(page, 'NTSA F 10000001');
    await page.getByTestId('pay-reference-next').tap();
    await expect(page.getByTestId('bill-total')).toHaveText('KES 1,000');
    await expect(page.getByTestId('pay-method-card')).toBeVisible();
    await expect(page.getByTestId('pay-method-mpesa')).toHaveCount(0);
    await checkScreen(page, 'pay-card-only-bill');
  });
});

test.describe('a kiosk with no payment provider configured', () => {
  test.use({ kioskSettings: {} });

  test('offers no way to pay and says where to pay instead', async ({ kioskPage: page }) => {
    await startAtPay(page);
    await billByReference(page, 'NTSA F 10000001');
    await page.getByTestId('pay-reference-next').tap();
    await expect(page.getByTestId('bill-total')).toHaveText('KES 1,000');
    await expect(page.getByTestId('pay-no-methods')).toContainText('pay at the counter');
    await expect(page.getByTestId('pay-method-card')).toHaveCount(0);
    await expect(page.getByTestId('pay-method-mpesa')).toHaveCount(0);
    await checkScreen(page, 'pay-no-methods-bill');
  });
});

test.describe('an M-Pesa push whose answer never comes', () => {
  // A Daraja that takes the connection and never answers: the push may or may not have arrived.
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it needs none.
    kioskSettings: async ({}, use) => {
      const held = new Set<Socket>();
      const silent = createServer((socket) => held.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      await use({ mpesa: { baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, requestTimeoutMs: 1_000 } });
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    },
  });

  test('holds the bill in doubt, says why and what happens next, in both languages, and refuses to take it again', async ({ kioskPage: page }) => {
    await startAtPay(page);
    await billByReference(page, 'NTSA F 10000001');
    await page.getByTestId('pay-reference-next').tap();
    await page.getByTestId('pay-method-mpesa').tap();
    await page.keyboard.type('0708374149');
    await page.getByTestId('pay-mpesa-send').tap();
    const outcome = page.getByTestId('payment-outcome');
    await expect(outcome).toContainText('We are checking whether this payment went through. Do not pay this bill again.', { timeout: 10_000 });
    await expect(outcome).toHaveAttribute('data-outcome-code', 'payment.in-doubt');
    await expect(page.getByTestId('pay-mpesa-retry')).toHaveCount(0);
    await checkScreen(page, 'pay-09-mpesa-in-doubt');
    await page.getByTestId('switch-language').tap();
    await expect(outcome).toContainText('Usilipe bili hii tena.');
    await checkScreen(page, 'pay-10-mpesa-in-doubt-sw');
    await page.getByTestId('switch-language').tap();
    await expect(page.getByRole('heading', { name: 'Checking your payment' })).toBeVisible();
    await expect(page.getByTestId('pay-other-way')).toHaveCount(0);
    // Back at the bill: it is on hold, with no way to pay it again.
    await page.getByTestId('nav-back').tap();
    await expect(page.getByTestId('pay-see-result')).toBeVisible();
    await expect(page.getByTestId('pay-method-mpesa')).toHaveCount(0);
    await expect(page.getByTestId('pay-method-card')).toHaveCount(0);
  });
});
