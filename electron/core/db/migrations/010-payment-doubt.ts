import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Payments whose request may have reached the provider without its answer being recorded
 * are `in_doubt`: their bill stays blocked until the doubt is resolved. Each attempt gets a
 * short reference of its own, sent to the provider and recorded before the request leaves
 * (M-Pesa keeps 12 characters of AccountReference: a bill reference would be cut), and the
 * time the request left, from which its deadlines count across restarts.
 *
 * SQLite cannot widen a CHECK constraint in place, so the table is rebuilt with its rows.
 */
export const paymentDoubt: Migration = {
  version: 10,
  name: 'payments in doubt',
  up: `
    CREATE TABLE payments_next (
      id                  TEXT PRIMARY KEY,
      bill_id             TEXT NOT NULL REFERENCES bills (id),
      idempotency_key     TEXT NOT NULL UNIQUE,
      method              TEXT NOT NULL CHECK (method IN ('mpesa', 'card', 'cash')),
      amount              INTEGER NOT NULL CHECK (amount > 0),
      state               TEXT NOT NULL CHECK (state IN ('created', 'prompted', 'in_doubt', 'paid', 'failed', 'cancelled', 'expired', 'refund_due')),
      visit_id            TEXT,
      phone_hash          TEXT,
      checkout_request_id TEXT UNIQUE,
      confirmed_at        TEXT,
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
      -- The attempt's own reference at the provider (M-Pesa AccountReference, card terminal reference).
      attempt_reference   TEXT UNIQUE,
      -- When the request left for the provider: deadlines count from here, not from the last start.
      sent_at             TEXT,
      CHECK (state NOT IN ('paid', 'refund_due') OR provider_reference IS NOT NULL),
      CHECK (method <> 'cash' OR state <> 'paid' OR (staff_id IS NOT NULL AND tendered >= amount AND change_given = tendered - amount))
    ) STRICT;
    INSERT INTO payments_next (id, bill_id, idempotency_key, method, amount, state, visit_id, phone_hash, checkout_request_id, confirmed_at,
                               provider_reference, result_code, reason, card_masked_pan, staff_id, shift_id, tendered, change_given,
                               receipt_number, created_at, updated_at, settled_at, sent_at)
      SELECT id, bill_id, idempotency_key, method, amount, state, visit_id, phone_hash, checkout_request_id, confirmed_at,
             provider_reference, result_code, reason, card_masked_pan, staff_id, shift_id, tendered, change_given,
             receipt_number, created_at, updated_at, settled_at, created_at
        FROM payments;
    DROP TABLE payments;
    ALTER TABLE payments_next RENAME TO payments;
    CREATE UNIQUE INDEX payments_one_paid_per_bill ON payments (bill_id) WHERE state = 'paid';
    CREATE UNIQUE INDEX payments_one_in_flight_per_bill ON payments (bill_id) WHERE state IN ('created', 'prompted', 'in_doubt');
    CREATE UNIQUE INDEX payments_provider_reference_once ON payments (method, provider_reference)
      WHERE method IN ('mpesa', 'card') AND provider_reference IS NOT NULL;
    CREATE INDEX payments_unsettled ON payments (state) WHERE state IN ('created', 'prompted', 'in_doubt');
  `,
};
