import type { KioskErrorPayload, Localized } from '../result';
import { emailErrors } from './email';
import { lookupErrors } from './lookup';
import { overrideErrors } from './overrides';
import { paymentErrors } from './payments';
import { recoveryErrors } from './recovery';
import { reportErrors } from './reports';
import { shiftErrors } from './shifts';
import { staffErrors } from './staff';
import { systemErrors } from './system';

/** Every error the kiosk can show, in English and Kiswahili. One file per feature. */
export const errorCatalog = {
  ...systemErrors,
  ...lookupErrors,
  ...staffErrors,
  ...shiftErrors,
  ...reportErrors,
  ...recoveryErrors,
  ...paymentErrors,
  ...emailErrors,
  ...overrideErrors,
} as const satisfies Record<string, Localized>;

export type ErrorCode = keyof typeof errorCatalog;

/** Fills `{name}` placeholders in both languages. */
function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function errorPayload(
  code: ErrorCode,
  options: { field?: string; params?: Record<string, string | number> } = {},
): KioskErrorPayload {
  const { en, sw } = errorCatalog[code];
  const params = options.params ?? {};
  return {
    code,
    message: { en: fill(en, params), sw: fill(sw, params) },
    ...(options.field ? { field: options.field } : {}),
  };
}
