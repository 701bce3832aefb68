import { defineMessages } from './feature-messages';

/**
 * The identity lookup flow, and the on-screen keypad and keyboard (shared components that
 * the payment and recovery screens reuse).
 */
export const lookupMessages = defineMessages({
  en: {
    keyboard: {
      keypad: 'Number keypad',
      letters: 'Letter and number keyboard',
      backspace: 'Delete',
      clear: 'Clear',
      space: 'Space',
    },
    lookup: {},
  },
  sw: {
    keyboard: {
      keypad: 'Vitufe vya namba',
      letters: 'Kibodi ya herufi na namba',
      backspace: 'Futa',
      clear: 'Futa yote',
      space: 'Nafasi',
    },
    lookup: {},
  },
});
