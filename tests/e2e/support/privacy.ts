import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export interface VisitIdentifiers {
  idNumber?: string;
  /** In any form: 0712345678, +254712345678, 254 712 345 678; every usual form is searched. */
  phone?: string;
  names?: readonly string[];
  /** Anything else the visit typed or was shown (a plate, a KRA PIN, a bill reference). */
  other?: readonly string[];
}

/** The forms one Kenyan phone number is written in, as typed or as shown. */
export function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const subscriber = digits.replace(/^(?:254|0)/, '');
  if (subscriber.length !== 9) return [phone];
  const spaced = `${subscriber.slice(0, 3)} ${subscriber.slice(3, 6)} ${subscriber.slice(6)}`;
  return [`0${subscriber}`, `254${subscriber}`, `+254${subscriber}`, `+254 ${spaced}`, `0${spaced}`, `254 ${spaced}`, subscriber];
}

function needles({ idNumber, phone, names = [], other = [] }: VisitIdentifiers): string[] {
  const all = [...(idNumber ? [idNumber] : []), ...(phone ? phoneForms(phone) : []), ...names, ...other];
  return [...new Set(all.map((n) => n.trim()).filter((n) => n.length >= 3))];
}

/**
 * After a visit has ended: fails if any of the visit's identifiers is still anywhere the next
 * person (or anyone with the machine) could find it: the page's DOM (text, attributes and
 * form values), the renderer's Pinia stores when a test build exposes them, localStorage and
 * sessionStorage, and the browser host's log file. Matching ignores case and spacing.
 */
export async function expectNothingOfTheVisitLeft(page: Page, logFile: string, identifiers: VisitIdentifiers): Promise<void> {
  const looked = needles(identifiers);
  expect(looked.length, 'give at least one identifier to look for').toBeGreaterThan(0);
  const places = await page.evaluate(() => {
    const inputs = [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value);
    // Vue keeps the app on its mount point in every build; Pinia hangs off it. Nothing is
    // exposed for the tests' sake.
    type PiniaLike = { state: { value: unknown }; _s?: Map<string, Record<string, unknown>> };
    const app = (document.querySelector('#app') as (Element & { __vue_app__?: { config: { globalProperties: { $pinia?: PiniaLike } } } }) | null)?.__vue_app__;
    const pinia = app?.config.globalProperties.$pinia ?? (window as unknown as { __pinia?: PiniaLike }).__pinia;
    const storage = (s: Storage) => JSON.stringify(Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)])));
    return {
      DOM: `${document.documentElement.outerHTML}\n${document.body.innerText}\n${inputs.join('\n')}`,
      // The state tree and each live store: a store whose refs came loose from the tree
      // would still show there.
      'Pinia stores': pinia ? JSON.stringify([pinia.state.value, [...(pinia._s?.values() ?? [])].map((store) => Object.entries(store).filter(([key, v]) => !key.startsWith('$') && !key.startsWith('_') && typeof v !== 'function'))]) : '',
      localStorage: storage(localStorage),
      sessionStorage: storage(sessionStorage),
    };
  });
  // The host logs asynchronously: give the visit's last lines time to land.
  await page.waitForTimeout(300);
  const logText = readFileSync(logFile, 'utf8');
  const squash = (text: string) => text.toLowerCase().replace(/[\s-]/g, '');
  const found = Object.entries({ ...places, 'browser host log': logText }).flatMap(([where, text]) =>
    looked.filter((needle) => squash(text).includes(squash(needle))).map((needle) => `"${needle}" in the ${where}`),
  );
  expect(found, 'identifiers left after the visit ended').toEqual([]);
}
