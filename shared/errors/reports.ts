import type { Localized } from '../result';

export const reportErrors = {
  'day.paymentsPending': {
    en: 'The day cannot close: 1 payment is still waiting for an answer. Settle it first. | The day cannot close: {count} payments are still waiting for an answer. Settle them first.',
    sw: 'Siku haiwezi kufungwa: malipo 1 bado yanasubiri jibu. Yamalize kwanza. | Siku haiwezi kufungwa: malipo {count} bado yanasubiri jibu. Yamalize kwanza.',
  },
  'day.shiftsOpen': {
    en: 'The day cannot close: 1 shift is still open. Its clerk must count the drawer first. | The day cannot close: {count} shifts are still open. Each clerk must count their drawer first.',
    sw: 'Siku haiwezi kufungwa: zamu 1 bado iko wazi. Karani wake ahesabu droo kwanza. | Siku haiwezi kufungwa: zamu {count} bado ziko wazi. Kila karani ahesabu droo yake kwanza.',
  },
  'day.shiftsAwaitingSignOff': {
    en: 'The day cannot close: 1 shift has a cash difference waiting for a supervisor’s sign-off. | The day cannot close: {count} shifts have a cash difference waiting for a supervisor’s sign-off.',
    sw: 'Siku haiwezi kufungwa: zamu 1 ina tofauti ya pesa inayosubiri idhini ya msimamizi. | Siku haiwezi kufungwa: zamu {count} zina tofauti ya pesa inayosubiri idhini ya msimamizi.',
  },
  'day.alreadyClosed': {
    en: 'This day is already closed.',
    sw: 'Siku hii tayari imefungwa.',
  },
  'report.futureDate': {
    en: 'There is no report for a day that has not come yet.',
    sw: 'Hakuna ripoti ya siku ambayo bado haijafika.',
  },
} as const satisfies Record<string, Localized>;
