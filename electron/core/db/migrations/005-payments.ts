import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Bills and payments, kiosk-local. The indexes carry the money rules, so that no bug above
 * them can break them: one paid payment per bill, one attempt in flight per bill, an
 * M-Pesa receipt number accepted once, and nothing `paid` without who vouches for it.
 */
export const paymentTables: Migration = {
  version: 5,
  name: 'payments',
  up: `
    CREATE TABLE bills (
      id          TEXT PRIMARY KEY,
      reference   TEXT NOT NULL UNIQUE,
      kind        TEXT NOT NULL CHECK (kind IN ('fine', 'licence_renewal', 'vehicle_search')),
      -- The replica's fine, or driving licence for a renewal (row ids, not identifiers).
      fine_id     INTEGER UNIQUE,
      licence_id  INTEGER,
      total       INTEGER NOT NULL CHECK (total > 0),
      status      TEXT NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'paid')),
      created_at  TEXT NOT NULL,
      paid_at     TEXT
    ) STRICT;

    CREATE TABLE bill_lines (
      bill_id         TEXT NOT NULL REFERENCES bills (id),
      position        INTEGER NOT NULL,
      fee_code        TEXT,
      description_en  TEXT NOT NULL,
      description_sw  TEXT NOT NULL,
      amount          INTEGER NOT NULL CHECK (amount > 0),
      PRIMARY KEY (bill_id, position)
    ) STRICT;

    CREATE TABLE payments (
      id                  TEXT PRIMARY KEY,
      bill_id             TEXT NOT NULL REFERENCES bills (id),
      idempotency_key     TEXT NOT NULL UNIQUE,
      method              TEXT NOT NULL CHECK (method IN ('mpesa', 'card', 'cash')),
      amount              INTEGER NOT NULL CHECK (amount > 0),
      state               TEXT NOT NULL CHECK (state IN ('created', 'prompted', 'paid', 'failed', 'cancelled', 'expired', 'refund_due')),
      visit_id            TEXT,
      phone_hash          TEXT,
      checkout_request_id TEXT UNIQUE,
      -- M-Pesa said ResultCode 0 but its receipt number has not reached the kiosk yet.
      confirmed_at        TEXT,
      -- The M-Pesa receipt number, the card approval code, or the clerk's staff id for cash.
      provider_reference  TEXT,
      result_code         INTEGER,
      reason              TEXT,
      card_masked_pan     TEXT,
      staff_id            TEXT,
      shift_id            TEXT,
      tendered            INTEGER,
      change_given        INTEGER,
      receipt_number      TEXT UNIQUE,
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL,
      settled_at          TEXT,
      CHECK (state NOT IN ('paid', 'refund_due') OR provider_reference IS NOT NULL),
      CHECK (method <> 'cash' OR state <> 'paid' OR (staff_id IS NOT NULL AND tendered >= amount AND change_given = tendered - amount))
    ) STRICT;
    CREATE UNIQUE INDEX payments_one_paid_per_bill ON payments (bill_id) WHERE state = 'paid';
    CREATE UNIQUE INDEX payments_one_in_flight_per_bill ON payments (bill_id) WHERE state IN ('created', 'prompted');
    CREATE UNIQUE INDEX payments_provider_reference_once ON payments (method, provider_reference)
      WHERE method IN ('mpesa', 'card') AND provider_reference IS NOT NULL;
    CREATE INDEX payments_unsettled ON payments (state) WHERE state IN ('created', 'prompted');
  `,
};
