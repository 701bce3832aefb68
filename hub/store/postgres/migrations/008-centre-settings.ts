import type { PostgresMigration } from '../migrate-postgres';

/** Each centre's settings document, replaced whole, with who set it and when, as on SQLite (its step 9). */
export const centreSettings: PostgresMigration = {
  version: 8,
  name: 'centre settings',
  up: `
    CREATE TABLE centre_settings (
      centre_id  text PRIMARY KEY REFERENCES centres (id),
      document   json NOT NULL,
      updated_by text NOT NULL,
      updated_at text NOT NULL
    );
  `,
};
