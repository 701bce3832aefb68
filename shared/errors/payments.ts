import type { Localized } from '../result';

export const paymentErrors = {
  'payment.billNotFound': {
    en: 'We could not find a bill with that reference. Please check it and try again.',
    sw: 'Hatukupata bili yenye nambari hiyo. Tafadhali iangalie na ujaribu tena.',
  },
  'payment.fineNeedsProof': {
    en: 'To pay a fine, confirm your account with the code sent to your phone, or type the reference printed on the ticket.',
    sw: 'Ili kulipa faini, thibitisha akaunti yako kwa msimbo uliotumwa kwenye simu yako, au andika nambari ya kumbukumbu iliyochapishwa kwenye tiketi.',
  },
  'payment.fineNotPayable': {
    en: 'This fine cannot be paid here: it is already paid or was cancelled.',
    sw: 'Faini hii haiwezi kulipwa hapa: imeshalipwa au imefutwa.',
  },
  'payment.feeUnavailable': {
    en: 'This service cannot be paid for at this kiosk just now. Please ask at the counter.',
    sw: 'Huduma hii haiwezi kulipiwa kwenye kioski hiki kwa sasa. Tafadhali uliza kaunta.',
  },
  'payment.badPlate': {
    en: 'That is not a number plate we recognise. Type it like KDA 123A.',
    sw: 'Hiyo si nambari ya gari tunayoitambua. Iandike kama KDA 123A.',
  },
  'payment.badPhone': {
    en: 'That is not a Kenyan mobile number M-Pesa can reach. Type it like 0712 345 678.',
    sw: 'Hiyo si nambari ya simu ya Kenya ambayo M-Pesa inaweza kufikia. Iandike kama 0712 345 678.',
  },
  'payment.alreadyPaid': {
    en: 'This bill is already paid. Nothing more was charged.',
    sw: 'Bili hii imeshalipwa. Hakuna kilichotozwa zaidi.',
  },
  'payment.inProgress': {
    en: 'A payment for this bill is still waiting for its result. Please wait for it to finish.',
    sw: 'Malipo ya bili hii bado yanasubiri majibu. Tafadhali subiri yakamilike.',
  },
  'payment.keyReused': {
    en: 'This payment was already started with different details. Please start again.',
    sw: 'Malipo haya yalishaanzishwa kwa maelezo tofauti. Tafadhali anza upya.',
  },
  'payment.notFound': {
    en: 'We could not find that payment.',
    sw: 'Hatukupata malipo hayo.',
  },
  'payment.notPaid': {
    en: 'There is no receipt yet: this payment has not gone through.',
    sw: 'Bado hakuna risiti: malipo haya hayajakamilika.',
  },
  'payment.cashShort': {
    en: 'The cash tendered is less than the amount due.',
    sw: 'Pesa taslimu iliyotolewa ni pungufu ya kiasi kinachodaiwa.',
  },
  'payment.cashNoShift': {
    en: 'Open a cash shift before taking cash.',
    sw: 'Fungua zamu ya pesa taslimu kabla ya kupokea pesa.',
  },
  'payment.printerUnavailable': {
    en: 'The receipt printer cannot print just now. Your payment is recorded: we can send the receipt to your phone or email instead.',
    sw: 'Printa ya risiti haiwezi kuchapisha sasa hivi. Malipo yako yamehifadhiwa: tunaweza kutuma risiti kwenye simu yako au barua pepe badala yake.',
  },
  'payment.printInterrupted': {
    en: 'The printer stopped before your receipt was finished. Your payment is recorded: we can send the receipt to your phone or email instead.',
    sw: 'Printa ilisimama kabla risiti yako haijakamilika. Malipo yako yamehifadhiwa: tunaweza kutuma risiti kwenye simu yako au barua pepe badala yake.',
  },
  'payment.receiptBadPhone': {
    en: 'That is not a Kenyan mobile number we can send an SMS to. Type it like 0712 345 678.',
    sw: 'Hiyo si nambari ya simu ya Kenya tunayoweza kutumia SMS. Iandike kama 0712 345 678.',
  },
  'payment.receiptNotSent': {
    en: 'We could not send the receipt just now. Please try again, or choose another way.',
    sw: 'Hatukuweza kutuma risiti sasa hivi. Tafadhali jaribu tena, au chagua njia nyingine.',
  },
  'payment.receiptSendLimit': {
    en: 'This receipt has been sent the most times we allow. Please ask at the counter if you need it again.',
    sw: 'Risiti hii imeshatumwa mara nyingi zaidi tunazoruhusu. Tafadhali uliza kaunta ikiwa unaihitaji tena.',
  },
  'payment.dayClosed': {
    en: "Today's takings at this kiosk are closed. It takes payments again from midnight. Please pay at the counter.",
    sw: 'Mapato ya leo kwenye kioski hiki yamefungwa. Kitapokea malipo tena kuanzia saa sita usiku. Tafadhali lipa kaunta.',
  },
  'payment.cardUnavailable': {
    en: 'Card payments are not available on this kiosk. Please pay another way or ask at the counter.',
    sw: 'Malipo ya kadi hayapatikani kwenye kioski hiki. Tafadhali lipa kwa njia nyingine au uliza kaunta.',
  },
  'payment.mpesaUnavailable': {
    en: 'M-Pesa payments are not available on this kiosk just now. Please pay another way or ask at the counter.',
    sw: 'Malipo ya M-Pesa hayapatikani kwenye kioski hiki kwa sasa. Tafadhali lipa kwa njia nyingine au uliza kaunta.',
  },
} as const satisfies Record<string, Localized>;
