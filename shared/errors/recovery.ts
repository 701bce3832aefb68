import { mrzMessages } from '../mrz/messages';
import type { Localized } from '../result';

export const recoveryErrors = {
  'recovery.notFound': {
    en: 'We could not find an eCitizen account for this ID number. Please check the number, or ask at the counter.',
    sw: 'Hatukupata akaunti ya eCitizen kwa nambari hii ya kitambulisho. Tafadhali angalia nambari, au uliza kaunta.',
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
  'recovery.mrz.check-digit': mrzMessages['check-digit'],
  'recovery.mrz.bad-field': mrzMessages['bad-field'],
} as const satisfies Record<string, Localized>;
