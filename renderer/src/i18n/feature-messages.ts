/** The same shape as T with every string widened: what a translation of T must provide. */
export type Translated<T> = { [K in keyof T]: T[K] extends string ? string : Translated<T[K]> };

/**
 * Each feature keeps its strings in one file of its own (`i18n/<feature>.ts`), under its
 * own top-level key, with the Kiswahili typed from the English so a missing translation
 * fails the type check. Register the file in `i18n/index.ts`.
 */
export interface FeatureMessages<T> {
  en: T;
  sw: Translated<T>;
}

export function defineMessages<const T>(messages: FeatureMessages<T>): FeatureMessages<T> {
  return messages;
}
