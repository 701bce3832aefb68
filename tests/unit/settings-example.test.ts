import { DEMO_SETTINGS, settingsOrDemo } from '../../electron/demo/demo-settings';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseKioskSettings } from '../../electron/core/settings/kiosk-settings';
import { productionSettingProblems } from '../../electron/core/settings/production-rules';
import { plainSecretsIn, withSecrets } from '../../electron/core/secrets/secret-settings';
import { PRODUCTION_SECRETS } from '../support/production-kiosk';

const shipped = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/kiosk-settings.example.json'), 'utf8')) as unknown;
/** The example as a kiosk runs it: its secrets sealed apart and put back in place at start. */
const example = withSecrets(shipped, PRODUCTION_SECRETS);

it('the shipped example of a deployment’s settings holds no secret and, with its secrets sealed, meets every production rule', () => {
  expect(plainSecretsIn(shipped)).toEqual([]);
  const settings = parseKioskSettings(example);
  expect(settings.mode).toBe('production');
  expect(productionSettingProblems(settings)).toEqual([]);
  expect(settings.mpesa.simulator).toBe(false);
  expect(settings.sms.provider).toBe('africastalking');
  expect(settings.email.provider).toBe('sendgrid');
  expect(settings.sync.hubUrl).toMatch(/^https:\/\//);
  expect(settings.printer).toMatchObject({ transport: 'tcp', port: 9100 });
});

it('an empty configuration offers no payment provider (none is simulated by omission); messages simulated, sync off', () => {
  const settings = parseKioskSettings({});
  expect([settings.mpesa.simulator, settings.mpesa.baseUrl, settings.card.simulator, settings.card.terminalUrl]).toEqual([false, undefined, false, undefined]);
  expect([settings.sms.provider, settings.email.provider, settings.sync.hubUrl, settings.mode]).toEqual(['simulator', 'simulator', '', 'demo']);
});

it('the shells run the demo preset only when nothing was written, and it names its simulators', () => {
  expect(settingsOrDemo({})).toEqual({ settings: DEMO_SETTINGS, demo: true });
  expect(settingsOrDemo(undefined).demo).toBe(true);
  const written = { sync: { hubUrl: 'https://hub.example' } };
  expect(settingsOrDemo(written)).toEqual({ settings: written, demo: false });
  const demo = parseKioskSettings(DEMO_SETTINGS);
  expect([demo.mpesa.simulator, demo.card.simulator]).toEqual([true, true]);
});

it('refuses real money beside a simulator, and a provider named twice', () => {
  const realMoney = { mpesa: { baseUrl: 'https://api.safaricom.co.ke' }, sms: (example as { sms: unknown }).sms, email: (example as { email: unknown }).email };
  expect(parseKioskSettings(realMoney).mpesa.baseUrl).toBe('https://api.safaricom.co.ke');
  expect(() => parseKioskSettings({ ...realMoney, card: { simulator: true } })).toThrow(/beside a simulator: card.simulator/);
  expect(() => parseKioskSettings({ ...realMoney, sms: { provider: 'simulator' } })).toThrow(/beside a simulator: sms.provider/);
  expect(() => parseKioskSettings({ ...realMoney, email: undefined })).toThrow(/beside a simulator: email.provider/);
  expect(() => parseKioskSettings({ mpesa: { simulator: true, baseUrl: 'https://sandbox.safaricom.co.ke' } })).toThrow(/either simulator or baseUrl/);
  expect(() => parseKioskSettings({ card: { simulator: true, terminalUrl: 'http://127.0.0.1:9' } })).toThrow(/either simulator or terminalUrl/);
  // The sandbox takes no real money: it may run beside the card simulator (a training kiosk).
  expect(parseKioskSettings({ mpesa: { baseUrl: 'https://sandbox.safaricom.co.ke' }, card: { simulator: true } }).card.simulator).toBe(true);
});
