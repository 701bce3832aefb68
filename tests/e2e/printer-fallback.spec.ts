import type { Page } from '@playwright/test';
import { smsSimulatorOf } from '../../electron/core/sms/sms-simulator';
import { startPrinterSimulator, type PrinterSimulator } from '../../electron/simulators/printer/printer-simulator';
import { CLERK, seedStaff } from '../support/staff-seed';
import { test as kioskTest, expect } from './support/kiosk-fixture';
import { checkScreen } from './support/screens';

/** The kiosk prints over raw TCP to the loopback ESC/POS printer, as a centre's network printer. */
const test = kioskTest.extend<{ printer: PrinterSimulator }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  printer: async ({}, use) => {
    const printer = await startPrinterSimulator();
    await use(printer);
    await printer.close();
  },
  kioskSettings: async ({ printer }, use) => {
    await use({
      card: { simulator: true, simulatorDelayMs: 300 },
      // Checked at start and after each print only: the test decides when the paper runs out.
      printer: { transport: 'tcp', host: printer.host, port: printer.port, statusPollSeconds: 3600, statusTimeoutMs: 300, printTimeoutMs: 2_000 },
    });
  },
});

async function payRenewalByCard(page: Page): Promise<void> {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-en').tap();
  await page.getByTestId('service-pay').tap();
  await page.getByTestId('pay-choose-renewal').tap();
  await page.getByTestId('pay-renewal-3').tap();
  await expect(page.getByTestId('bill-total')).toHaveText('KES 1,450');
  await page.getByTestId('pay-method-card').tap();
  await page.getByTestId('pay-card-start').tap();
  await expect(page.getByTestId('receipt-method')).toHaveText('Card', { timeout: 10_000 });
}

test('the printer runs out of paper: the receipt screen offers SMS or email; the citizen takes it by SMS, confirmed in both languages', async ({ kioskPage: page, kiosk, printer }) => {
  await payRenewalByCard(page);
  const receiptNumber = (await page.getByTestId('receipt-number').textContent()) ?? '';
  await expect(page.getByTestId('receipt-print')).toBeVisible();
  printer.paperRunsOutAfter(300);

  await page.getByTestId('receipt-print').tap();
  await expect(page.getByRole('alert')).toContainText('The printer stopped before your receipt was finished.');
  await expect(page.getByRole('alert')).toContainText('Printa ilisimama kabla risiti yako haijakamilika.');
  await expect(page.getByTestId('receipt-print')).toHaveCount(0);
  await expect(page.getByTestId('receipt-printed')).toHaveCount(0);
  await expect(page.getByTestId('receipt-send')).toContainText('We can send your receipt by SMS or email instead.');
  await checkScreen(page, 'printer-01-out-of-paper');

  await page.getByTestId('receipt-send-sms').tap();
  // A landline first: refused in both languages, nothing sent.
  for (const digit of '0201234567') await page.getByTestId(`keypad-${digit}`).tap();
  await page.getByTestId('receipt-send-sms-go').tap();
  await expect(page.getByTestId('receipt-send').getByRole('alert')).toContainText('That is not a Kenyan mobile number we can send an SMS to.');
  await expect(page.getByTestId('receipt-send').getByRole('alert')).toContainText('Hiyo si nambari ya simu ya Kenya tunayoweza kutumia SMS.');
  expect(smsSimulatorOf(kiosk.core.context.sms).outbox()).toHaveLength(0);
  await checkScreen(page, 'printer-02-sms-bad-number');

  await page.getByTestId('keypad-clear').tap();
  for (const digit of '0722000111') await page.getByTestId(`keypad-${digit}`).tap();
  await expect(page.getByTestId('receipt-send-phone')).toHaveText('0722000111');
  await page.getByTestId('receipt-send-sms-go').tap();
  await expect(page.getByTestId('receipt-sent')).toHaveText('Your receipt was sent by SMS to 07•• ••• 111.');
  await checkScreen(page, 'printer-03-sent-by-sms');
  await page.getByTestId('switch-language').tap();
  await expect(page.getByTestId('receipt-sent')).toHaveText('Risiti yako imetumwa kwa SMS kwa 07•• ••• 111.');
  await checkScreen(page, 'printer-04-sent-by-sms-sw');

  const [message] = smsSimulatorOf(kiosk.core.context.sms).outbox();
  expect(message).toMatchObject({ to: '+254722000111', text: expect.stringContaining(receiptNumber) });
  // The Finish button is there throughout: no dead end.
  await page.getByTestId('receipt-done').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
});

test("the clerk's shift screen says the printer is out of paper", async ({ kioskPage: page, kiosk, printer }) => {
  await seedStaff(kiosk.core);
  expect((await kiosk.core.invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin })).ok).toBe(true);
  printer.set({ paper: 'out' });
  // A refused print tells the staff screens at once (the background check would, within its interval).
  await payRenewalByCard(page);
  await expect(page.getByTestId('receipt-cannot-print').or(page.getByTestId('receipt-print'))).toBeVisible();
  if (await page.getByTestId('receipt-print').isVisible()) await page.getByTestId('receipt-print').tap();
  await expect(page.getByTestId('receipt-send')).toBeVisible();
  await page.getByTestId('attended-shift').tap();
  await expect(page.getByTestId('printer-status')).toContainText('Out of paper: load a new roll.');
  await checkScreen(page, 'printer-05-shift-paper-out');
  await page.getByTestId('switch-language').tap();
  await expect(page.getByTestId('printer-status')).toContainText('Karatasi imeisha: weka roli mpya.');
});
