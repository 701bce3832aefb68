import type { PostgresMigration } from '../migrate-postgres';

/**
 * Daraja's STK callbacks, kept for the kiosk that pushed to fetch (it has no public address).
 * Every body posted for a push is kept (a forged early failure must not hide the genuine
 * receipt), once per distinct body, with the attempt reference the callback's address carried
 * and the facts the back office reconciles by. Each push and attempt belongs to the first
 * kiosk that asks for it.
 */
export const mpesaCallbacks: PostgresMigration = {
  version: 3,
  name: 'mpesa callbacks, owned by their kiosk',
  up: `
    CREATE TABLE mpesa_callbacks (
      id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      checkout_request_id text NOT NULL,
      attempt_reference   text,
      body                json NOT NULL,
      body_hash           text NOT NULL,
      result_code         bigint NOT NULL,
      receipt_number      text,
      amount              bigint,
      received_at         text NOT NULL,
      UNIQUE (checkout_request_id, body_hash)
    );
    CREATE INDEX mpesa_callbacks_by_reference ON mpesa_callbacks (attempt_reference) WHERE attempt_reference IS NOT NULL;
    CREATE INDEX mpesa_callbacks_unclaimed ON mpesa_callbacks (receipt_number) WHERE receipt_number IS NOT NULL;

    -- 'checkout:<CheckoutRequestID>' or 'attempt:<reference>' → the kiosk that asked first.
    CREATE TABLE mpesa_push_owners (
      push_key text PRIMARY KEY,
      kiosk_id text NOT NULL REFERENCES kiosks (id)
    );
  `,
};
