import type { Migration } from '@shared/node/sqlite/migrate';
import { REPLICA_OFFENCE_SW_DDL, REPLICA_TABLES_DDL } from '@shared/sync/replica-tables';

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
 * Every audit head (row number and hash) each kiosk sent: rows the hub has a head past
 * cannot be rewritten on the kiosk unnoticed. A kiosk can be disabled: its token stops working.
 */
const auditHeads: Migration = {
  version: 4,
  name: 'kiosk audit heads, disabled kiosks',
  up: `
    CREATE TABLE kiosk_audit_heads (
      kiosk_id    TEXT NOT NULL REFERENCES kiosks (id),
      row_id      INTEGER NOT NULL,
      hash        TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (kiosk_id, row_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER kiosk_audit_heads_keep BEFORE UPDATE ON kiosk_audit_heads
      BEGIN SELECT RAISE(ABORT, 'kiosk_audit_heads is append-only'); END;

    ALTER TABLE kiosks ADD COLUMN disabled_at TEXT;
  `,
};

/**
 * Every body posted for a push is kept (a forged early failure must not hide the genuine
 * receipt), once per distinct body; with the attempt reference the callback's address
 * carried, and the facts the back office reconciles by. Each push and attempt belongs to
 * the first kiosk that asks for it.
 */
const mpesaCallbackClaims: Migration = {
  version: 5,
  name: 'mpesa callbacks kept whole, owned by their kiosk',
  up: `
    CREATE TABLE mpesa_callbacks_next (
      id                  INTEGER PRIMARY KEY,
      checkout_request_id TEXT NOT NULL,
      attempt_reference   TEXT,
      body                TEXT NOT NULL,
      body_hash           TEXT NOT NULL,
      result_code         INTEGER NOT NULL,
      receipt_number      TEXT,
      amount              INTEGER,
      received_at         TEXT NOT NULL,
      UNIQUE (checkout_request_id, body_hash)
    ) STRICT;
    INSERT INTO mpesa_callbacks_next (checkout_request_id, body, body_hash, result_code, receipt_number, amount, received_at)
      SELECT checkout_request_id, body, checkout_request_id,
             coalesce(json_extract(body, '$.Body.stkCallback.ResultCode'), -1),
             (SELECT json_extract(item.value, '$.Value') FROM json_each(body, '$.Body.stkCallback.CallbackMetadata.Item') AS item WHERE json_extract(item.value, '$.Name') = 'MpesaReceiptNumber'),
             (SELECT json_extract(item.value, '$.Value') FROM json_each(body, '$.Body.stkCallback.CallbackMetadata.Item') AS item WHERE json_extract(item.value, '$.Name') = 'Amount'),
             received_at
        FROM mpesa_callbacks;
    DROP TABLE mpesa_callbacks;
    ALTER TABLE mpesa_callbacks_next RENAME TO mpesa_callbacks;
    CREATE INDEX mpesa_callbacks_by_reference ON mpesa_callbacks (attempt_reference) WHERE attempt_reference IS NOT NULL;
    CREATE INDEX mpesa_callbacks_unclaimed ON mpesa_callbacks (receipt_number) WHERE receipt_number IS NOT NULL;

    -- 'checkout:<CheckoutRequestID>' or 'attempt:<reference>' → the kiosk that asked first.
    CREATE TABLE mpesa_push_owners (
      push_key TEXT PRIMARY KEY,
      kiosk_id TEXT NOT NULL REFERENCES kiosks (id)
    ) STRICT, WITHOUT ROWID;
  `,
};

/**
 * The hub's replica tables are the kiosk's own (same migration), so the kiosk's demo
 * generator fills them directly. A later kiosk migration that adds replica columns
 * belongs in this list too, under the hub's own next version number.
 */
export const hubMigrations: readonly Migration[] = [
  { version: 1, name: 'replica tables', up: REPLICA_TABLES_DDL },
  hubTables,
  mpesaCallbacks,
  auditHeads,
  mpesaCallbackClaims,
  { version: 6, name: 'replica kiswahili', up: REPLICA_OFFENCE_SW_DDL },
];
