import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * The last audit head (row number and hash) the hub acknowledged keeping. `npm run audit --
 * verify` checks the log against it when the hub cannot be asked. One row.
 */
export const auditHeadAck: Migration = {
  version: 9,
  name: 'audit head acknowledged by the hub',
  up: `
    CREATE TABLE audit_head_ack (
      only_row    INTEGER PRIMARY KEY CHECK (only_row = 1),
      row_id      INTEGER NOT NULL,
      hash        TEXT NOT NULL,
      acked_at    TEXT NOT NULL
    ) STRICT;
  `,
};
