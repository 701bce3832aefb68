import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Service centres, their kiosks and their staff. Kiosks registered before this step have no
 * centre (NULL): they keep the staff made on them with `npm run staff` until an
 * administrator places them in one (see hub/README.md). The index serves the centre-wide
 * PIN lockout, which reads the sign-in outcomes the centre's kiosks uploaded.
 */
export const centresAndStaff: Migration = {
  version: 7,
  name: 'centres and staff',
  up: `
    CREATE TABLE centres (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      badge_key  TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    ALTER TABLE kiosks ADD COLUMN centre_id TEXT REFERENCES centres (id);
    CREATE INDEX kiosks_by_centre ON kiosks (centre_id);

    -- A staff number is one person at one centre; the PIN only as the kiosk's scrypt hash.
    CREATE TABLE centre_staff (
      staff_id    TEXT PRIMARY KEY,
      centre_id   TEXT NOT NULL REFERENCES centres (id),
      name        TEXT NOT NULL,
      role        TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
      pin_hash    TEXT NOT NULL,
      badge_hash  TEXT UNIQUE,
      disabled_at TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX centre_staff_by_centre ON centre_staff (centre_id, staff_id);

    CREATE INDEX kiosk_events_staff_sign_ins ON kiosk_events (kiosk_id, received_at)
      WHERE type IN ('staff.pin-failed', 'staff.signed-in');
  `,
};
