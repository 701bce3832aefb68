import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Each centre's settings document (shared/sync/centre-settings.ts), as JSON, replaced whole,
 * with who set it and when. Only allow-listed settings are ever stored: never a secret.
 */
export const centreSettings: Migration = {
  version: 9,
  name: 'centre settings',
  up: `
    CREATE TABLE centre_settings (
      centre_id  TEXT PRIMARY KEY REFERENCES centres (id),
      document   TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
