import { createI18n } from 'vue-i18n';
import type { Locale } from '../../../shared/result';
import { en } from './en';
import { sw } from './sw';

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, sw },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
}
