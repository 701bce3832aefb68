import type { Messages } from './en';
import type { Translated } from './feature-messages';

/** Kiswahili. Typed against the English messages, so a missing key fails the type check. */
export const sw: Translated<Messages> = {
  app: {
    name: 'Kioski cha eCitizen',
    service: 'Huduma za NTSA',
  },
  attract: {
    touch: 'Gusa skrini kuanza',
    services: 'Tafuta akaunti yako ya eCitizen · Rudi kwenye akaunti · Lipa ada za NTSA',
  },
  language: {
    title: 'Chagua lugha yako',
    english: 'English',
    kiswahili: 'Kiswahili',
  },
  home: {
    title: 'Ungependa kufanya nini?',
    find: 'Tafuta akaunti yangu',
    findHint: 'Angalia kama una akaunti ya eCitizen, na mambo ya NTSA yanayokusubiri',
    recover: 'Rejesha akaunti yangu',
    recoverHint: 'Umesahau nenosiri, au umepoteza simu? Rudi kwa kutumia kitambulisho chako',
    pay: 'Lipa',
    payHint: 'Faini, kuhuisha leseni, utafutaji wa gari, au bili yoyote ya eCitizen',
  },
  nav: {
    back: 'Rudi',
    startOver: 'Anza upya',
    help: 'Msaada',
    language: 'English',
    step: 'Hatua {current} kati ya {total}',
  },
  help: {
    title: 'Msaada',
    body: 'Gusa vitufe vikubwa kuendelea na hatua. Ukihitaji msaada, tafadhali muulize mfanyakazi aliye kaunta.',
    close: 'Funga',
  },
  idle: {
    title: 'Bado uko hapa?',
    body: 'Kwa usalama wa taarifa zako, skrini hii itafutwa baada ya sekunde 1. | Kwa usalama wa taarifa zako, skrini hii itafutwa baada ya sekunde {seconds}.',
    more: 'Nahitaji muda zaidi',
    end: 'Maliza sasa',
    staff: {
      title: 'Bado unafanya kazi hapa?',
      body: 'Hali ya kusaidiwa inaisha na skrini hii itafutwa baada ya sekunde 1. | Hali ya kusaidiwa inaisha na skrini hii itafutwa baada ya sekunde {seconds}.',
      more: 'Bado ninafanya kazi',
      end: 'Toka sasa',
    },
  },
  errors: {
    notConnected: 'Skrini hii haijaunganishwa na kioski. Tafadhali muulize mfanyakazi.',
  },
};
