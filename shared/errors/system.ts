import type { Localized } from '../result';

export const systemErrors = {
  'request.invalid': {
    en: 'Some of the details are not right. Please check and try again.',
    sw: 'Baadhi ya maelezo si sahihi. Tafadhali angalia na ujaribu tena.',
  },
  'call.unknown': {
    en: 'This action is not available on this kiosk.',
    sw: 'Huduma hii haipatikani kwenye kioski hiki.',
  },
  'call.forbidden': {
    en: 'A member of staff must sign in to do this.',
    sw: 'Mfanyakazi anahitaji kuingia ili kufanya hivi.',
  },
  'host.forbidden': {
    en: 'This kiosk only answers its own screen.',
    sw: 'Kioski hiki kinajibu skrini yake pekee.',
  },
  'visit.none': {
    en: 'Your session has ended. Please touch the screen to start again.',
    sw: 'Kipindi chako kimekwisha. Tafadhali gusa skrini kuanza upya.',
  },
  'internal': {
    en: 'Something went wrong on this kiosk. Nothing was changed. Please try again or ask at the counter.',
    sw: 'Hitilafu imetokea kwenye kioski hiki. Hakuna kilichobadilishwa. Tafadhali jaribu tena au uliza kaunta.',
  },
} as const satisfies Record<string, Localized>;
