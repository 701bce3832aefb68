import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseKioskSettings } from '../../electron/core/settings/kiosk-settings';

const example = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/kiosk-settings.example.json'), 'utf8')) as unknown;

it('the shipped example of a deployment’s settings is valid and names the real providers', () => {
  const settings = parseKioskSettings(example);
  expect(settings.mpesa.simulator).toBe(false);
  expect(settings.sms.provider).toBe('africastalking');
  expect(settings.email.provider).toBe('sendgrid');
  expect(settings.sync.hubUrl).toMatch(/^https:\/\//);
});

it('an empty configuration is the demo: every provider simulated, sync off', () => {
  const settings = parseKioskSettings({});
  expect([settings.mpesa.simulator, settings.sms.provider, settings.email.provider, settings.sync.hubUrl]).toEqual([true, 'simulator', 'simulator', '']);
});
