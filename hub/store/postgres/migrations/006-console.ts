import type { PostgresMigration } from '../migrate-postgres';

/**
 * The back office's console: admins (scrypt hashes, never a password), their sessions (the
 * cookie's hash, never the cookie), every sign-in; where each kiosk's replica stands; and indexes for the day's views, which
 * read the kiosks' uploaded events by type and time, bills by id and refunds by payment.
 */
export const consoleTables: PostgresMigration = {
  version: 6,
  name: 'console admins, sessions, sign-ins; event indexes for the day',
  up: `
    CREATE TABLE console_admins (
      name            text PRIMARY KEY,
      password_hash   text NOT NULL,
      created_at      text NOT NULL,
      failed_sign_ins integer NOT NULL DEFAULT 0,
      locked_until    text
    );

    CREATE TABLE console_sessions (
      token_hash   text PRIMARY KEY,
      admin_name   text NOT NULL REFERENCES console_admins (name),
      created_at   text NOT NULL,
      last_seen_at text NOT NULL
    );

    CREATE TABLE console_sign_ins (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      admin_name text NOT NULL,
      outcome    text NOT NULL,
      at         text NOT NULL
    );

    -- Where each kiosk's replica stood when it last asked for changes, and the hub's head then.
    CREATE TABLE kiosk_replica_positions (
      kiosk_id text PRIMARY KEY REFERENCES kiosks (id),
      position bigint NOT NULL,
      head     bigint NOT NULL,
      at       text NOT NULL
    );

    CREATE INDEX kiosk_events_by_type ON kiosk_events (type, created_at) WHERE rejected_reason IS NULL;
    CREATE INDEX kiosk_events_received ON kiosk_events (received_at);
    CREATE INDEX kiosk_events_bills ON kiosk_events (kiosk_id, (payload->>'billId')) WHERE type = 'bill.created';
    CREATE INDEX kiosk_events_refunds ON kiosk_events (kiosk_id, (payload->>'paymentId')) WHERE type = 'payment.refund-due';
  `,
};
