import type { Page } from '@playwright/test';
import { calls } from '../../shared/contract';
import { expect, test } from './support/kiosk-fixture';
import { expectNothingOfTheVisitLeft, type VisitIdentifiers } from './support/privacy';

const visitor: VisitIdentifiers = { idNumber: '27459318', phone: '0722 604 311', names: ['Nyambura Wairimu'] };
const secretOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('kiosk.host.secret'));

test('a visit that hands every call the visitor’s identifiers leaves none of them behind', async ({ kioskPage: page, kiosk }) => {
  await page.getByTestId('touch-to-start').tap();
  await page.getByTestId('language-sw').tap();
  await expect(page.getByTestId('nav-start-over')).toBeVisible();

  // Through the browser host, as the page's own calls go: every call in the contract meets
  // the identifiers in the shapes features take them, so whatever handles them is covered.
  const shapes = [
    { idNumber: visitor.idNumber, phone: visitor.phone, name: visitor.names![0] },
    { kind: 'idNumber', value: visitor.idNumber },
    { kind: 'phone', value: visitor.phone },
    { idNumber: visitor.idNumber, path: 'reset' },
    { phone: visitor.phone },
  ];
  const secret = await secretOf(page);
  const answers = await page.evaluate(
    async ({ names, shapes, secret }) => {
      const results: unknown[] = [];
      for (const name of names) {
        for (const body of shapes) {
          const response = await fetch(`/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kiosk-secret': secret! }, body: JSON.stringify(body) });
          results.push(await response.json());
        }
      }
      return results;
    },
    { names: Object.keys(calls).filter((name) => name !== 'visit.end' && name !== 'visit.start'), shapes, secret },
  );
  expect(answers.length).toBeGreaterThan(0);

  await page.getByTestId('nav-start-over').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expectNothingOfTheVisitLeft(page, kiosk.logFile, visitor);
});

test.describe('the privacy check finds what is left', () => {
  const planted = {
    DOM: (page: Page, v: string) => page.evaluate((value) => document.body.insertAdjacentHTML('beforeend', `<p hidden>${value}</p>`), v),
    'form value': (page: Page, v: string) =>
      page.evaluate((value) => {
        const input = document.createElement('input');
        input.value = value;
        document.body.append(input);
      }, v),
    localStorage: (page: Page, v: string) => page.evaluate((value) => localStorage.setItem('last', value), v),
    sessionStorage: (page: Page, v: string) => page.evaluate((value) => sessionStorage.setItem('last', value), v),
    'Pinia stores': (page: Page, v: string) =>
      page.evaluate((value) => {
        const app = (document.querySelector('#app') as Element & { __vue_app__: { config: { globalProperties: { $pinia: { state: { value: Record<string, unknown> } } } } } }).__vue_app__;
        app.config.globalProperties.$pinia.state.value.leak = { phone: value };
      }, v),
  };
  for (const [where, plant] of Object.entries(planted)) {
    test(`in the ${where}`, async ({ kioskPage: page, kiosk }) => {
      await plant(page, '+254 722 604 311');
      await expect(expectNothingOfTheVisitLeft(page, kiosk.logFile, visitor)).rejects.toThrow(/722604311|0722 604 311|\+254/);
    });
  }

  test('in the browser host log', async ({ kioskPage: page, kiosk }) => {
    const { appendFileSync } = await import('node:fs');
    appendFileSync(kiosk.logFile, `{"msg":"looked up ${visitor.names![0]}"}\n`);
    await expect(expectNothingOfTheVisitLeft(page, kiosk.logFile, visitor)).rejects.toThrow(/Nyambura Wairimu/);
  });
});
