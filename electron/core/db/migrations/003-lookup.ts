import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * One-time codes sent by SMS. The code itself is never stored: only a slow salted hash of
 * it, the keyed hash of the phone it went to and its masked form, and what is left of its tries.
 */
export const lookupTables: Migration = {
  version: 3,
  name: 'one-time codes',
  up: `
    CREATE TABLE one_time_codes (
      id          TEXT PRIMARY KEY,
      visit_id    TEXT NOT NULL,
      purpose     TEXT NOT NULL,
      phone_hash  TEXT NOT NULL,
      masked_phone TEXT NOT NULL,
      salt        TEXT NOT NULL,
      code_hash   TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      expires_at  TEXT NOT NULL,
      tries_left  INTEGER NOT NULL CHECK (tries_left >= 0),
      state       TEXT NOT NULL CHECK (state IN ('sending', 'active', 'used', 'exhausted', 'superseded', 'failed'))
    ) STRICT;
    CREATE INDEX one_time_codes_by_visit ON one_time_codes (visit_id, purpose);
  `,
};
