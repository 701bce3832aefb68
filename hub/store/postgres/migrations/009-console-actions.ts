import type { PostgresMigration } from '../migrate-postgres';

/**
 * What admins did in the console, refusals too: who, what, to which centre, staff number or
 * kiosk, when and how it ended. Never a PIN: the record is written from the route's action
 * and target, not from the request body.
 */
export const consoleActions: PostgresMigration = {
  version: 9,
  name: 'console actions',
  up: `
    CREATE TABLE console_actions (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      admin_name text NOT NULL,
      action     text NOT NULL,
      target     text NOT NULL,
      centre_id  text,
      outcome    text NOT NULL,
      at         text NOT NULL
    );
    CREATE INDEX console_actions_by_centre ON console_actions (centre_id, id);
  `,
};
