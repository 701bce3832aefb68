import type { Localized } from '../result';

/** Refusals of a clerk's overrides. */
export const overrideErrors = {
  'overrides.signInFirst': {
    en: 'A clerk must be signed in to make an override.',
    sw: 'Karani lazima aingie kwanza ili kufanya ubatilishaji.',
  },
  'overrides.noVisit': {
    en: 'No citizen is using the kiosk right now, so there is no search limit to lift.',
    sw: 'Hakuna mwananchi anayetumia kioski sasa, kwa hiyo hakuna kikomo cha kutafuta cha kuondoa.',
  },
  'overrides.limitNotReached': {
    en: 'This citizen can still search: there is no limit to lift.',
    sw: 'Mwananchi huyu bado anaweza kutafuta: hakuna kikomo cha kuondoa.',
  },
  'overrides.paymentSettled': {
    en: 'This payment is already finished ({state}). A paid payment can never be cancelled.',
    sw: 'Malipo haya yamekamilika tayari ({state}). Malipo yaliyolipwa hayawezi kughairiwa kamwe.',
  },
  'overrides.stillWaiting': {
    en: 'The provider still has this payment open and it has not expired yet. Wait a little and check again.',
    sw: 'Mtoa huduma bado ana malipo haya wazi na muda wake haujaisha. Subiri kidogo kisha uangalie tena.',
  },
  'overrides.noteHasNumber': {
    en: 'A note cannot hold five digits in a row: an ID or phone number never goes into the record. Say it in words.',
    sw: 'Maelezo hayawezi kuwa na tarakimu tano mfululizo: nambari ya kitambulisho au ya simu haiwekwi kwenye kumbukumbu. Eleza kwa maneno.',
  },
  'overrides.providerUnreachable': {
    en: 'We could not ask the provider about this payment just now. Nothing was changed. Try again in a minute.',
    sw: 'Hatukuweza kumuuliza mtoa huduma kuhusu malipo haya sasa hivi. Hakuna kilichobadilishwa. Jaribu tena baada ya dakika moja.',
  },
} as const satisfies Record<string, Localized>;
