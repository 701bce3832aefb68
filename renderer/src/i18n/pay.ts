import { defineMessages } from './feature-messages';

export const payMessages = defineMessages({
  en: {
    pay: {
      choose: { title: 'Pay' },
      bill: { title: 'Your bill' },
      renewal: { title: 'Driving licence renewal' },
    },
  },
  sw: {
    pay: {
      choose: { title: 'Lipa' },
      bill: { title: 'Bili yako' },
      renewal: { title: 'Kuhuisha leseni ya udereva' },
    },
  },
});
