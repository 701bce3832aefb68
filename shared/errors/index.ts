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

/**
 * Fills `{name}` placeholders in both languages. A message written 'one | many' (as vue-i18n
 * writes plurals) takes its first form when `params.count` is 1 and the second otherwise:
 * "1 more try", "2 more tries"; "jaribio 1", "majaribio 2".
 */
function fill(message: string, params: Record<string, string | number>): string {
  const forms = message.split(' | ');
  const text = forms.length === 2 ? forms[params['count'] === 1 ? 0 : 1]! : message;
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
