import { mrzMessages } from '../mrz/messages';
import type { Localized } from '../result';

export const recoveryErrors = {
  'recovery.notFound': {
    en: 'We could not find an eCitizen account for this number. Please check the number, or ask at the counter.',
    sw: 'Hatukupata akaunti ya eCitizen kwa nambari hii. Tafadhali angalia nambari, au uliza kaunta.',
  },
  'recovery.noRegisteredPhone': {
    en: 'No phone number is registered on this account. Please go back and choose "I lost my phone" to use your ID document.',
    sw: 'Hakuna nambari ya simu iliyosajiliwa kwenye akaunti hii. Tafadhali rudi nyuma uchague "Nimepoteza simu yangu" ili utumie kitambulisho chako.',
  },
  'recovery.lockedOut': {
    en: 'This ID number has had too many failed checks today. For your safety, please go to the counter with your document.',
    sw: 'Nambari hii ya kitambulisho imeshindwa ukaguzi mara nyingi leo. Kwa usalama wako, tafadhali nenda kaunta na hati yako.',
  },
  'recovery.outOfOrder': {
    en: 'This step is not ready yet. Please start the recovery again from the beginning.',
    sw: 'Hatua hii bado haiko tayari. Tafadhali anza kurejesha akaunti upya tangu mwanzo.',
  },
  'recovery.requestUnknown': {
    en: 'This recovery request does not exist on this kiosk.',
    sw: 'Ombi hili la kurejesha akaunti halipo kwenye kioski hiki.',
  },
  'recovery.requestDecided': {
    en: 'This recovery request has already been decided or has expired. Nothing was changed.',
    sw: 'Ombi hili la kurejesha akaunti limeshaamuliwa au muda wake umekwisha. Hakuna kilichobadilishwa.',
  },
  'recovery.ownRequest': {
    en: 'You were signed in while this request was made: another staff member must approve it. Nothing was changed.',
    sw: 'Ulikuwa umeingia wakati ombi hili lilipofanywa: mfanyakazi mwingine lazima aliidhinishe. Hakuna kilichobadilishwa.',
  },
  // A scan that could not be read: the scanner's fault or a dirty document, never a failed check.
  'recovery.mrz.empty': mrzMessages['empty'],
  'recovery.mrz.too-long': mrzMessages['too-long'],
  'recovery.mrz.wrong-length': mrzMessages['wrong-length'],
  'recovery.mrz.bad-characters': mrzMessages['bad-characters'],
  'recovery.mrz.lower-case': mrzMessages['lower-case'],
  'recovery.mrz.unknown-format': mrzMessages['unknown-format'],
  // Which line, so one misread character can be found and corrected instead of typing all again.
  'recovery.mrz.check-digit': {
    en: 'Line {line} of the document did not read correctly: its check digit does not add up. Compare line {line} on screen with your document and correct the wrong character, or scan it again.',
    sw: 'Mstari wa {line} wa hati haukusomwa vizuri: tarakimu yake ya ukaguzi hailingani. Linganisha mstari wa {line} kwenye skrini na hati yako na urekebishe herufi isiyo sahihi, au uipitishe kwenye skana tena.',
  },
  'recovery.documentExpired': {
    en: 'This document expired on {date}. Please bring a valid passport or national ID card, or see a clerk at the counter.',
    sw: 'Hati hii iliisha muda wake tarehe {date}. Tafadhali leta pasipoti au kitambulisho cha taifa kilicho halali, au muone karani aliye kaunta.',
  },
  'recovery.mrz.bad-field': mrzMessages['bad-field'],
  // "Scan my passport" read an ID card's three lines: the card's number is typed instead.
  'recovery.mrz.notPassport': {
    en: 'These lines are from an ID card, not a passport. To use your ID card, go back and type your ID number.',
    sw: 'Mistari hii ni ya kitambulisho, si ya pasipoti. Ili kutumia kitambulisho chako, rudi nyuma uandike nambari yako ya kitambulisho.',
  },
} as const satisfies Record<string, Localized>;
