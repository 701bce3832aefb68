/** Text the kiosk shows, always in both of its languages. */
export interface Localized {
  en: string;
  sw: string;
}

export type Locale = keyof Localized;
export const LOCALES = ['en', 'sw'] as const satisfies readonly Locale[];

/** What every failed call returns: a stable code for tests and logic, a message for people. */
export interface KioskErrorPayload {
  code: string;
  message: Localized;
  /** The request field at fault, so the UI can show the message beside it. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorPayload };
