import type { Localized } from '../result';
import type { MrzFailureReason } from './types';

/**
 * What the kiosk says when a scan is refused. Written for the citizen at the scanner:
 * which field failed is in `field` for staff and logs, not in the words.
 */
export const mrzMessages: Record<MrzFailureReason, Localized> = {
  'empty': {
    en: 'Nothing was read. Please place your document on the scanner again.',
    sw: 'Hakuna kilichosomwa. Tafadhali weka hati yako kwenye skana tena.',
  },
  'too-long': {
    en: 'The scanner sent far too much text. Please scan your document again.',
    sw: 'Skana imetuma maandishi mengi mno. Tafadhali pitisha hati yako kwenye skana tena.',
  },
  'wrong-length': {
    en: 'Only part of your document was read. Please scan it again and hold it still.',
    sw: 'Sehemu tu ya hati yako imesomwa. Tafadhali ipitishe kwenye skana tena na uishike bila kuisogeza.',
  },
  'bad-characters': {
    en: 'The scan has characters that are never on a document. Please scan it again.',
    sw: 'Usomaji una alama ambazo hazipo kwenye hati yoyote. Tafadhali ipitishe kwenye skana tena.',
  },
  'lower-case': {
    en: 'The scanner sent small letters. Please ask a member of staff to check the scanner (Caps Lock).',
    sw: 'Skana imetuma herufi ndogo. Tafadhali mwombe mfanyakazi aangalie skana (Caps Lock).',
  },
  'unknown-format': {
    en: 'This kind of document cannot be read here. Please use your passport or national ID card, or type your number.',
    sw: 'Aina hii ya hati haiwezi kusomwa hapa. Tafadhali tumia pasipoti au kitambulisho chako cha taifa, au andika nambari yako.',
  },
  'check-digit': {
    en: 'Your document was not read correctly. Please wipe it clean and scan it again.',
    sw: 'Hati yako haikusomwa vizuri. Tafadhali ifute iwe safi na uipitishe kwenye skana tena.',
  },
  'bad-field': {
    en: 'Some details on your document could not be understood. Please type your number or ask at the counter.',
    sw: 'Baadhi ya maelezo kwenye hati yako hayakueleweka. Tafadhali andika nambari yako au uliza kaunta.',
  },
};
