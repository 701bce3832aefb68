import { createI18n } from 'vue-i18n';
import type { Locale } from '@shared/result';
import { accessibilityMessages } from './accessibility';
import { en } from './en';
import type { FeatureMessages } from './feature-messages';
import { lookupMessages } from './lookup';
import { overridesMessages } from './overrides';
import { payMessages } from './pay';
import { printerMessages } from './printer';
import { recoverMessages } from './recover';
import { staffMessages } from './staff';
import { sw } from './sw';
import { syncMessages } from './sync';

/** One line per feature; each brings its own namespace in both languages. */
const features: FeatureMessages<Record<string, unknown>>[] = [
  syncMessages,
  payMessages,
  printerMessages,
  recoverMessages,
  lookupMessages,
  staffMessages,
  accessibilityMessages,
  overridesMessages,
];

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {
    en: Object.assign({}, en, ...features.map((feature) => feature.en)),
    sw: Object.assign({}, sw, ...features.map((feature) => feature.sw)),
  },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
}
