import type { Localized } from '../result';
import type { IdentifierKind, InvalidReasons } from './validate';

/**
 * What the kiosk says beside a field it refused, in English and Kiswahili. Typed so that
 * every reason a kind can produce has a message and no kind has a message it never needs.
 */
export const identifierMessages: { [K in IdentifierKind]: Record<InvalidReasons[K], Localized> } = {
  idNumber: {
    'empty': {
      en: 'Please enter your ID number.',
      sw: 'Tafadhali andika nambari yako ya kitambulisho.',
    },
    'too-long': {
      en: 'An ID number has at most 9 digits.',
      sw: 'Nambari ya kitambulisho haizidi tarakimu 9.',
    },
    'too-short': {
      en: 'That is too short for an ID number: they have 6 to 9 digits, most 7 or 8. Please check the number on your card.',
      sw: 'Hiyo ni fupi mno kuwa nambari ya kitambulisho: zina tarakimu 6 hadi 9, nyingi 7 au 8. Tafadhali angalia nambari kwenye kitambulisho chako.',
    },
    'bad-characters': {
      en: 'An ID number has digits only, like 12345678.',
      sw: 'Nambari ya kitambulisho ina tarakimu pekee, kama 12345678.',
    },
  },
  phone: {
    'empty': {
      en: 'Please enter your phone number.',
      sw: 'Tafadhali andika nambari yako ya simu.',
    },
    'too-long': {
      en: 'That is too long for a phone number. Write it like 0712 345 678.',
      sw: 'Hiyo ni ndefu mno kuwa nambari ya simu. Iandike hivi: 0712 345 678.',
    },
    'bad-characters': {
      en: 'A phone number has digits only, like 0712 345 678.',
      sw: 'Nambari ya simu ina tarakimu pekee, kama 0712 345 678.',
    },
    'bad-format': {
      en: 'This is not a complete phone number. Write it like 0712 345 678.',
      sw: 'Hii si nambari kamili ya simu. Iandike hivi: 0712 345 678.',
    },
    'not-kenyan': {
      en: 'Please use a Kenyan mobile number that starts with 07 or 01.',
      sw: 'Tafadhali tumia nambari ya simu ya mkononi ya Kenya inayoanza na 07 au 01.',
    },
    'not-mobile': {
      en: 'This is not a mobile number. Please use a number that starts with 07 or 01.',
      sw: 'Hii si nambari ya simu ya mkononi. Tafadhali tumia nambari inayoanza na 07 au 01.',
    },
  },
  passport: {
    'empty': {
      en: 'Please enter your passport number.',
      sw: 'Tafadhali andika nambari ya pasipoti yako.',
    },
    'too-long': {
      en: 'A passport number has at most 9 letters and digits.',
      sw: 'Nambari ya pasipoti haizidi herufi na tarakimu 9.',
    },
    'too-short': {
      en: 'A passport number has at least 7 letters and digits.',
      sw: 'Nambari ya pasipoti ina angalau herufi na tarakimu 7.',
    },
    'bad-characters': {
      en: 'A passport number has letters and digits only, like AK0123456.',
      sw: 'Nambari ya pasipoti ina herufi na tarakimu pekee, kama AK0123456.',
    },
  },
  kraPin: {
    'empty': {
      en: 'Please enter your KRA PIN.',
      sw: 'Tafadhali andika PIN yako ya KRA.',
    },
    'too-long': {
      en: 'That is too long for a KRA PIN. A PIN looks like A012345678B.',
      sw: 'Hiyo ni ndefu mno kuwa PIN ya KRA. PIN huwa hivi: A012345678B.',
    },
    'bad-characters': {
      en: 'A KRA PIN has letters and digits only, like A012345678B.',
      sw: 'PIN ya KRA ina herufi na tarakimu pekee, kama A012345678B.',
    },
    'bad-format': {
      en: 'A KRA PIN is A or P, then 9 digits, then a letter, like A012345678B.',
      sw: 'PIN ya KRA huanza na A au P, kisha tarakimu 9, kisha herufi moja, kama A012345678B.',
    },
  },
  plate: {
    'empty': {
      en: 'Please enter the number plate.',
      sw: 'Tafadhali andika nambari ya gari.',
    },
    'too-long': {
      en: 'That is too long for a number plate. Write it like KDA 123A.',
      sw: 'Hiyo ni ndefu mno kuwa nambari ya gari. Iandike hivi: KDA 123A.',
    },
    'bad-characters': {
      en: 'A number plate has letters and digits only, like KDA 123A.',
      sw: 'Nambari ya gari ina herufi na tarakimu pekee, kama KDA 123A.',
    },
    'bad-format': {
      en: 'A number plate is K, two letters, three digits and a letter, like KDA 123A.',
      sw: 'Nambari ya gari ni K, herufi mbili, tarakimu tatu na herufi moja, kama KDA 123A.',
    },
  },
};

export function identifierMessage<K extends IdentifierKind>(kind: K, reason: InvalidReasons[K]): Localized {
  return identifierMessages[kind][reason];
}
