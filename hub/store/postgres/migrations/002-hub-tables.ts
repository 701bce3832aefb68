import type { PostgresMigration } from '../migrate-postgres';

/** What only the hub keeps: its kiosks, what they sent, and the replica's change log. */
export const hubTables: PostgresMigration = {
  version: 2,
  name: 'hub tables',
  up: `
    CREATE TABLE hub_meta (
      key   text PRIMARY KEY,
      value text NOT NULL
    );

    CREATE TABLE kiosks (
      id              text PRIMARY KEY,
      token_hash      text NOT NULL UNIQUE,
      created_at      text NOT NULL,
      applied_through bigint NOT NULL DEFAULT 0,
      heartbeat       json,
      heartbeat_at    text,
      disabled_at     text
    );

    -- Every event each kiosk uploaded, accepted or rejected, under the kiosk's own numbering.
    -- json, not jsonb: the payload comes back as it was sent.
    CREATE TABLE kiosk_events (
      kiosk_id        text NOT NULL REFERENCES kiosks (id),
      seq             bigint NOT NULL,
      id              text,
      type            text,
      payload         json,
      created_at      text,
      received_at     text NOT NULL,
      rejected_reason text,
      PRIMARY KEY (kiosk_id, seq)
    );
    CREATE INDEX kiosk_events_rejected ON kiosk_events (kiosk_id, seq) WHERE rejected_reason IS NOT NULL;

    -- One entry per replica row, moved to a new position on every change, so reading from a
    -- position gives each changed row once; a deletion stays as a tombstone until reset-history.
    -- Positions come from the sequence only under the history lock (see replica-history.ts):
    -- a sequence alone hands out numbers in call order, not commit order.
    CREATE SEQUENCE change_log_positions;
    CREATE TABLE change_log (
      position   bigint PRIMARY KEY,
      table_name text NOT NULL,
      row_key    text NOT NULL,
      deleted    boolean NOT NULL DEFAULT false,
      UNIQUE (table_name, row_key)
    );
  `,
};
