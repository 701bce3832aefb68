import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Every body posted for a push is kept (a forged early failure must not hide the genuine
 * receipt), once per distinct body; with the attempt reference the callback's address
 * carried, and the facts the back office reconciles by. Each push and attempt belongs to
 * the first kiosk that asks for it.
 */
export const mpesaCallbackClaims: Migration = {
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
