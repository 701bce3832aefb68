import type { Migration } from '@shared/node/sqlite/migrate';

/** Daraja's STK callbacks, kept for the kiosk that pushed to fetch (it has no public address). */
export const mpesaCallbacks: Migration = {
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
