import type { Localized } from '../result';

/** Refusals of the identity lookup and of one-time codes (which recovery shares). */
export const lookupErrors = {
  'lookup.visitLimit': {
    en: 'You can search once in one visit. Please ask at the counter for more help. | You can search {count} times in one visit. Please ask at the counter for more help.',
    sw: 'Unaweza kutafuta mara moja katika ziara moja. Tafadhali uliza kaunta kwa msaada zaidi. | Unaweza kutafuta mara {count} katika ziara moja. Tafadhali uliza kaunta kwa msaada zaidi.',
  },
  'lookup.kioskBusy': {
    en: 'This kiosk has had many searches in a short time. Please wait a few minutes, or ask at the counter.',
    sw: 'Kioski hiki kimetafuta mara nyingi kwa muda mfupi. Tafadhali subiri dakika chache, au uliza kaunta.',
  },
  'lookup.replicaLoading': {
    en: 'This kiosk is still getting ready: it is loading the records it searches. Please try again in a few minutes, or ask at the counter.',
    sw: 'Kioski hiki bado kinajiandaa: kinapakia kumbukumbu kinazotafuta. Tafadhali jaribu tena baada ya dakika chache, au uliza kaunta.',
  },
  'lookup.searchFirst': {
    en: 'Please search for your account first.',
    sw: 'Tafadhali tafuta akaunti yako kwanza.',
  },
  'lookup.noPhone': {
    en: 'This account has no phone number we can send a code to. Please ask at the counter, with your ID card.',
    sw: 'Akaunti hii haina nambari ya simu tunayoweza kutuma nambari ya uthibitisho. Tafadhali uliza kaunta, ukiwa na kitambulisho chako.',
  },
  'lookup.notVerified': {
    en: 'Please confirm it is you before we show your details.',
    sw: 'Tafadhali thibitisha kuwa ni wewe kabla hatujaonyesha maelezo yako.',
  },
  'verification.tooManyCodes': {
    en: 'We have already sent 1 code during this visit. Please ask at the counter for help. | We have already sent {count} codes during this visit. Please ask at the counter for help.',
    sw: 'Tayari tumetuma nambari 1 ya uthibitisho katika ziara hii. Tafadhali uliza kaunta kwa msaada. | Tayari tumetuma nambari {count} za uthibitisho katika ziara hii. Tafadhali uliza kaunta kwa msaada.',
  },
  'verification.smsFailed': {
    en: 'We could not send the SMS just now. Nothing was changed. Please try again in a minute, or ask at the counter.',
    sw: 'Hatukuweza kutuma SMS sasa hivi. Hakuna kilichobadilishwa. Tafadhali jaribu tena baada ya dakika moja, au uliza kaunta.',
  },
  'verification.wrongCode': {
    en: 'That code is not right. You have 1 more try. | That code is not right. You have {count} more tries.',
    sw: 'Nambari hiyo si sahihi. Umebakiza jaribio 1. | Nambari hiyo si sahihi. Umebakiza majaribio {count}.',
  },
  'verification.codeExpired': {
    en: 'This code has expired. Please ask for a new code.',
    sw: 'Nambari hii ya uthibitisho imekwisha muda. Tafadhali omba nambari mpya.',
  },
  'verification.codeExhausted': {
    en: 'That code was typed wrongly too many times and no longer works. Please ask for a new code.',
    sw: 'Nambari hiyo imekosewa mara nyingi mno na haifanyi kazi tena. Tafadhali omba nambari mpya.',
  },
  'sms.notSimulated': {
    en: 'This kiosk sends real SMS: there is no simulator outbox to show.',
    sw: 'Kioski hiki kinatuma SMS halisi: hakuna sanduku la SMS za majaribio la kuonyesha.',
  },
} as const satisfies Record<string, Localized>;
