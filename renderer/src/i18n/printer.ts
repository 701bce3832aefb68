import { defineMessages } from './feature-messages';

/** The receipt printer's status, as staff screens show it (nothing while it is ready). */
export const printerMessages = defineMessages({
  en: {
    printer: {
      label: 'Receipt printer',
      paperLow: 'Paper is running low: load a new roll soon.',
      paperOut: 'Out of paper: load a new roll. Citizens are offered their receipt by SMS or email meanwhile.',
      coverOpen: 'The cover is open: close it. Citizens are offered their receipt by SMS or email meanwhile.',
      offline: 'Offline: check its power and cable. Citizens are offered their receipt by SMS or email meanwhile.',
      unknown: 'It does not report its status: check that receipts come out.',
      checkedAt: 'checked at {time}',
    },
  },
  sw: {
    printer: {
      label: 'Printa ya risiti',
      paperLow: 'Karatasi inakaribia kuisha: weka roli mpya hivi karibuni.',
      paperOut: 'Karatasi imeisha: weka roli mpya. Wananchi wanapewa risiti zao kwa SMS au barua pepe kwa sasa.',
      coverOpen: 'Kifuniko kiko wazi: kifunge. Wananchi wanapewa risiti zao kwa SMS au barua pepe kwa sasa.',
      offline: 'Haipo mtandaoni: angalia umeme na waya wake. Wananchi wanapewa risiti zao kwa SMS au barua pepe kwa sasa.',
      unknown: 'Haitoi taarifa ya hali yake: hakikisha risiti zinatoka.',
      checkedAt: 'imeangaliwa saa {time}',
    },
  },
});
