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
    },
  },
});
