import type { Migration } from '@shared/node/sqlite/migrate';

/** What the kiosk itself records: visits, the audit trail, the outbox, sync state, settings. */
export const localTables: Migration = {
  version: 2,
  name: 'local tables',
  up: `
    CREATE TABLE visits (
      id          TEXT PRIMARY KEY,
      started_at  TEXT NOT NULL,
      ended_at    TEXT,
      end_reason  TEXT,
      locale      TEXT NOT NULL
    ) STRICT;

    -- Append-only and hash-chained: each row carries the hash of the one before.
    CREATE TABLE audit_log (
      id         INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      visit_id   TEXT,
      actor      TEXT NOT NULL,
      action     TEXT NOT NULL,
      subject    TEXT,
      outcome    TEXT NOT NULL,
      details    TEXT NOT NULL DEFAULT '{}',
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_by_action ON audit_log (action, at);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

    -- Every event the back office must receive, written in the transaction that caused it.
    -- seq is the kiosk's own gapless sequence number for the hub.
    CREATE TABLE outbox (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      id         TEXT NOT NULL UNIQUE,
      type       TEXT NOT NULL,
      payload    TEXT NOT NULL,
      created_at TEXT NOT NULL,
      state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'rejected')),
      settled_at TEXT,
      error      TEXT
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox (state, seq);

    CREATE TABLE sync_cursors (
      stream     TEXT PRIMARY KEY,
      cursor     TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
