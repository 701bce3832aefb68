import { defineMessages } from './feature-messages';

export const accessibilityMessages = defineMessages({
  en: {
    accessibility: {
      title: 'Easier to see and hear',
      highContrast: 'High contrast',
      largeText: 'Large text',
      speech: 'Read aloud',
      on: 'On',
      off: 'Off',
    },
  },
  sw: {
    accessibility: {
      title: 'Rahisi kuona na kusikia',
      highContrast: 'Rangi zenye tofauti kubwa',
      largeText: 'Maandishi makubwa',
      speech: 'Soma kwa sauti',
      on: 'Imewashwa',
      off: 'Imezimwa',
    },
  },
});
