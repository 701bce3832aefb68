import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * What admins did in the console, refusals too: who, what, to which centre, staff number or
 * kiosk, when and how it ended. Never a PIN: the record is written from the route's action
 * and target, not from the request body.
 */
export const consoleActions: Migration = {
  version: 10,
  name: 'console actions',
  up: `
    CREATE TABLE console_actions (
      id         INTEGER PRIMARY KEY,
      admin_name TEXT NOT NULL,
      action     TEXT NOT NULL,
      target     TEXT NOT NULL,
      centre_id  TEXT,
      outcome    TEXT NOT NULL,
      at         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX console_actions_by_centre ON console_actions (centre_id, id);
  `,
};
