import type { Migration } from '@shared/node/sqlite/migrate';

/** What only the hub keeps: its kiosks, what they sent, and the replica's change log. */
export const hubTables: Migration = {
  version: 2,
  name: 'hub tables',
  up: `
    CREATE TABLE hub_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE kiosks (
      id              TEXT PRIMARY KEY,
      token_hash      TEXT NOT NULL UNIQUE,
      created_at      TEXT NOT NULL,
      applied_through INTEGER NOT NULL DEFAULT 0,
      heartbeat       TEXT,
      heartbeat_at    TEXT
    ) STRICT;

    -- Every event each kiosk uploaded, accepted or rejected, under the kiosk's own numbering.
    CREATE TABLE kiosk_events (
      kiosk_id        TEXT NOT NULL REFERENCES kiosks (id),
      seq             INTEGER NOT NULL,
      id              TEXT,
      type            TEXT,
      payload         TEXT,
      created_at      TEXT,
      received_at     TEXT NOT NULL,
      rejected_reason TEXT,
      PRIMARY KEY (kiosk_id, seq)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX kiosk_events_rejected ON kiosk_events (kiosk_id, seq) WHERE rejected_reason IS NOT NULL;

    -- One entry per replica row, moved to a new position on every change, so reading from a
    -- position gives each changed row once; a deletion stays as a tombstone until reset-history.
    CREATE TABLE change_log (
      position   INTEGER PRIMARY KEY AUTOINCREMENT,
      table_name TEXT NOT NULL,
      row_key    ANY NOT NULL,
      deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      UNIQUE (table_name, row_key)
    ) STRICT;
  `,
};
