import { expect, test } from './support/kiosk-fixture';

test('the launch address opens the kiosk once; a reload keeps working, a second page with the same address does not', async ({ page, kiosk, browser }) => {
  const launchUrl = kiosk.newLaunchUrl();
  await page.goto(launchUrl);
  await page.getByTestId('touch-to-start').waitFor();
  // The token leaves the address bar as soon as the page has spent it.
  expect(new URL(page.url()).hash).toBe('');

  // A kiosk reloads after a crash: the tab keeps its secret and still reaches the core.
  await page.reload();
  await page.getByTestId('touch-to-start').tap();
  await expect(page.getByRole('heading', { name: /Choose your language/ })).toBeVisible();

  // Whoever read the address from the command line or the console comes too late.
  const other = await browser.newPage();
  await other.goto(launchUrl);
  await expect(other.getByText('This screen is not connected to the kiosk.', { exact: false })).toBeVisible();
  await expect(other.getByTestId('touch-to-start')).toHaveCount(0);
  await other.close();
});
