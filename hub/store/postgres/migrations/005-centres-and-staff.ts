import type { PostgresMigration } from '../migrate-postgres';

/**
 * Service centres, their kiosks and their staff, as on SQLite (its step 7). Kiosks
 * registered before this step have no centre (NULL) and keep their own staff until placed in one.
 */
export const centresAndStaff: PostgresMigration = {
  version: 5,
  name: 'centres and staff',
  up: `
    CREATE TABLE centres (
      id         text PRIMARY KEY,
      name       text NOT NULL,
      badge_key  text NOT NULL,
      created_at text NOT NULL
    );

    ALTER TABLE kiosks ADD COLUMN centre_id text REFERENCES centres (id);
    CREATE INDEX kiosks_by_centre ON kiosks (centre_id);

    CREATE TABLE centre_staff (
      staff_id    text PRIMARY KEY,
      centre_id   text NOT NULL REFERENCES centres (id),
      name        text NOT NULL,
      role        text NOT NULL CHECK (role IN ('clerk', 'supervisor')),
      pin_hash    text NOT NULL,
      badge_hash  text UNIQUE,
      disabled_at text,
      created_at  text NOT NULL,
      updated_at  text NOT NULL
    );
    CREATE INDEX centre_staff_by_centre ON centre_staff (centre_id, staff_id);

    CREATE INDEX kiosk_events_staff_sign_ins ON kiosk_events (kiosk_id, received_at)
      WHERE type IN ('staff.pin-failed', 'staff.signed-in');
  `,
};
