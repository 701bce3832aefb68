import type { Localized } from '../result';

export const staffErrors = {
  'staff.signInFailed': {
    en: 'That staff number or PIN is not right. Please try again.',
    sw: 'Nambari ya mfanyakazi au PIN si sahihi. Tafadhali jaribu tena.',
  },
  'staff.locked': {
    en: 'Too many wrong PINs. This account is locked for 1 minute. | Too many wrong PINs. This account is locked for {count} minutes.',
    sw: 'PIN zisizo sahihi zimezidi. Akaunti hii imefungwa kwa dakika 1. | PIN zisizo sahihi zimezidi. Akaunti hii imefungwa kwa dakika {count}.',
  },
  'staff.exists': {
    en: 'There is already a member of staff with that number or badge.',
    sw: 'Tayari yupo mfanyakazi mwenye nambari hiyo au beji hiyo.',
  },
  'staff.weakPin': {
    en: 'Choose a PIN that is not all the same digit or a simple run like 1234.',
    sw: 'Chagua PIN ambayo si tarakimu moja iliyorudiwa wala mfuatano rahisi kama 1234.',
  },
  'staff.managedByHub': {
    en: "This kiosk's staff are managed by the service centre's back office: ask it to add the account.",
    sw: 'Wafanyakazi wa kioski hiki husimamiwa na ofisi kuu ya kituo cha huduma: iombe iongeze akaunti hiyo.',
  },
} as const satisfies Record<string, Localized>;
