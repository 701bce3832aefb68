import type { Migration } from '../../../electron/core/db/migrate';
import { replicaTables } from '../../../electron/core/db/migrations/001-replica';
import { replicaKiswahili } from '../../../electron/core/db/migrations/009-replica-kiswahili';

/** What only the hub keeps: its kiosks, what they sent, and the replica's change log. */
const hubTables: Migration = {
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

/** Daraja's STK callbacks, kept for the kiosk that pushed to fetch (it has no public address). */
const mpesaCallbacks: Migration = {
  version: 3,
  name: 'mpesa callbacks',
  up: `
    -- Safaricom may post the same callback more than once: the first body is kept.
    CREATE TABLE mpesa_callbacks (
      checkout_request_id TEXT PRIMARY KEY,
      body                TEXT NOT NULL,
      received_at         TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};

/**
 * The hub's replica tables are the kiosk's own (same migration), so the kiosk's demo
 * generator fills them directly. A later kiosk migration that adds replica columns
 * belongs in this list too, under the hub's own next version number.
 */
export const hubMigrations: readonly Migration[] = [replicaTables, hubTables, mpesaCallbacks, { ...replicaKiswahili, version: 4 }];
