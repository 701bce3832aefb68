import type { Migration } from '@shared/node/sqlite/migrate';

/** Staff accounts, cash shifts and day closes: the people side of a service centre. */
export const staffTables: Migration = {
  version: 4,
  name: 'staff, shifts and day close',
  up: `
    -- PINs are kept only as scrypt hashes; badges only as keyed hashes of their barcode.
    CREATE TABLE staff (
      id              TEXT PRIMARY KEY COLLATE NOCASE,
      name            TEXT NOT NULL,
      role            TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
      pin_hash        TEXT NOT NULL,
      badge_hash      TEXT UNIQUE,
      failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      locked_until    TEXT,
      active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at      TEXT NOT NULL,
      created_by      TEXT
    ) STRICT;

    -- Amounts in whole Kenya shillings. A shift is open until counted; one open shift per person.
    CREATE TABLE shifts (
      id              TEXT PRIMARY KEY,
      staff_id        TEXT NOT NULL REFERENCES staff (id),
      business_date   TEXT NOT NULL,
      opened_at       TEXT NOT NULL,
      opening_float   INTEGER NOT NULL CHECK (opening_float >= 0),
      closed_at       TEXT,
      cash_taken      INTEGER,
      refunds         INTEGER,
      drops           INTEGER,
      expected        INTEGER,
      counted         INTEGER CHECK (counted >= 0),
      variance        INTEGER,
      status          TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'closed', 'awaiting_sign_off', 'signed_off')),
      signed_off_by   TEXT REFERENCES staff (id),
      signed_off_at   TEXT,
      sign_off_note   TEXT
    ) STRICT;
    CREATE UNIQUE INDEX shifts_one_open_per_staff ON shifts (staff_id) WHERE closed_at IS NULL;
    CREATE INDEX shifts_by_date ON shifts (business_date);

    -- Cash leaving the drawer during a shift: drops to the safe, refunds handed back.
    CREATE TABLE cash_movements (
      id         INTEGER PRIMARY KEY,
      shift_id   TEXT NOT NULL REFERENCES shifts (id),
      kind       TEXT NOT NULL CHECK (kind IN ('drop', 'refund')),
      amount     INTEGER NOT NULL CHECK (amount > 0),
      reason     TEXT NOT NULL,
      at         TEXT NOT NULL,
      staff_id   TEXT NOT NULL REFERENCES staff (id)
    ) STRICT;
    CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id);

    CREATE TABLE day_closes (
      business_date TEXT PRIMARY KEY,
      closed_at     TEXT NOT NULL,
      closed_by     TEXT NOT NULL REFERENCES staff (id),
      content_hash  TEXT NOT NULL,
      audit_head    TEXT NOT NULL
    ) STRICT;
  `,
};
