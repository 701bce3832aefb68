import { defineMessages } from './feature-messages';

export const syncMessages = defineMessages({
  en: {
    sync: {
      label: 'Link to the back office',
      online: 'Connected · last synced {time}',
      onlineNever: 'Connected',
      offline: 'Offline · this kiosk keeps working',
      standalone: 'Working on its own',
      waiting: 'no records waiting | 1 record waiting to be sent | {count} records waiting to be sent',
      loading: 'Loading records: {loaded} of {total}',
      loadingSoFar: 'Loading records: {loaded} so far',
      left: {
        estimating: 'working out the time left',
        underMinute: 'less than a minute left',
        minutes: 'about 1 minute left | about {count} minutes left',
        hours: 'about {hours} h {minutes} min left',
      },
      ready: {
        title: 'This kiosk is getting ready',
        records: '{loaded} of {total} records',
        recordsSoFar: '{loaded} records so far',
        starting: 'Fetching the records from the back office',
        progress: 'Records loaded',
        closed: 'Finding accounts, account recovery and payments open here as soon as it is ready. Please ask at the counter.',
        staff: 'Staff sign-in',
      },
    },
  },
  sw: {
    sync: {
      label: 'Muunganisho na ofisi kuu',
      online: 'Imeunganishwa · ilisawazishwa mwisho saa {time}',
      onlineNever: 'Imeunganishwa',
      offline: 'Nje ya mtandao · kioski hiki kinaendelea kufanya kazi',
      standalone: 'Inafanya kazi peke yake',
      waiting: 'hakuna kumbukumbu zinazosubiri | kumbukumbu 1 inasubiri kutumwa | kumbukumbu {count} zinasubiri kutumwa',
      loading: 'Inapakia kumbukumbu: {loaded} kati ya {total}',
      loadingSoFar: 'Inapakia kumbukumbu: {loaded} hadi sasa',
      left: {
        estimating: 'inakadiria muda uliobaki',
        underMinute: 'chini ya dakika moja imebaki',
        minutes: 'takriban dakika 1 imebaki | takriban dakika {count} zimebaki',
        hours: 'takriban saa {hours} na dakika {minutes} zimebaki',
      },
      ready: {
        title: 'Kioski hiki kinajiandaa',
        records: 'Kumbukumbu {loaded} kati ya {total}',
        recordsSoFar: 'Kumbukumbu {loaded} hadi sasa',
        starting: 'Inaleta kumbukumbu kutoka ofisi kuu',
        progress: 'Kumbukumbu zilizopakiwa',
        closed: 'Kutafuta akaunti, kurejesha akaunti na malipo vitafunguliwa hapa mara tu kitakapokuwa tayari. Tafadhali uliza kaunta.',
        staff: 'Kuingia kwa wafanyakazi',
      },
    },
  },
});
