import type { Localized } from '../result';

export const shiftErrors = {
  'shift.alreadyOpen': {
    en: 'You already have a shift open. Close it before opening another.',
    sw: 'Tayari una zamu iliyo wazi. Ifunge kabla ya kufungua nyingine.',
  },
  'shift.none': {
    en: 'You have no shift open. Open a shift with your counted float first.',
    sw: 'Huna zamu iliyo wazi. Fungua zamu kwanza ukitaja pesa za mwanzo ulizohesabu.',
  },
  'shift.notEnoughCash': {
    en: 'The drawer should hold only KES {expected}; that is less than this amount.',
    sw: 'Droo inapaswa kuwa na KES {expected} pekee; hicho ni kidogo kuliko kiasi hiki.',
  },
  'shift.notAwaitingSignOff': {
    en: 'That shift does not need a supervisor’s sign-off.',
    sw: 'Zamu hiyo haihitaji idhini ya msimamizi.',
  },
  'shift.ownSignOff': {
    en: 'Another supervisor must sign off your own shift.',
    sw: 'Msimamizi mwingine lazima aidhinishe zamu yako mwenyewe.',
  },
  'shift.dayClosed': {
    en: 'Today has been closed by the supervisor. No new shift can open.',
    sw: 'Siku ya leo imefungwa na msimamizi. Hakuna zamu mpya inayoweza kufunguliwa.',
  },
} as const satisfies Record<string, Localized>;
