import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * The back office's console: admins (scrypt hashes, never a password), their sessions (the
 * cookie's hash, never the cookie), every sign-in; where each kiosk's replica stands; and indexes for the day's views, which
 * read the kiosks' uploaded events by type and time, bills by id and refunds by payment.
 */
export const consoleTables: Migration = {
  version: 8,
  name: 'console admins, sessions, sign-ins; event indexes for the day',
  up: `
    CREATE TABLE console_admins (
      name            TEXT PRIMARY KEY,
      password_hash   TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      failed_sign_ins INTEGER NOT NULL DEFAULT 0,
      locked_until    TEXT
    ) STRICT;

    CREATE TABLE console_sessions (
      token_hash   TEXT PRIMARY KEY,
      admin_name   TEXT NOT NULL REFERENCES console_admins (name),
      created_at   TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE console_sign_ins (
      id         INTEGER PRIMARY KEY,
      admin_name TEXT NOT NULL,
      outcome    TEXT NOT NULL,
      at         TEXT NOT NULL
    ) STRICT;

    -- Where each kiosk's replica stood when it last asked for changes, and the hub's head then.
    CREATE TABLE kiosk_replica_positions (
      kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (id),
      position INTEGER NOT NULL,
      head     INTEGER NOT NULL,
      at       TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE INDEX kiosk_events_by_type ON kiosk_events (type, created_at) WHERE rejected_reason IS NULL;
    CREATE INDEX kiosk_events_received ON kiosk_events (received_at);
    CREATE INDEX kiosk_events_bills ON kiosk_events (kiosk_id, json_extract(payload, '$.billId')) WHERE type = 'bill.created';
    CREATE INDEX kiosk_events_refunds ON kiosk_events (kiosk_id, json_extract(payload, '$.paymentId')) WHERE type = 'payment.refund-due';
  `,
};
