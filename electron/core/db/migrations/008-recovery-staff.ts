import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Account recovery, four eyes: the staff members signed in while a request was made (from
 * its first step to its optional email). None of them may approve it; another staff member,
 * a supervisor if no other clerk is there, decides.
 */
export const recoveryStaff: Migration = {
  version: 8,
  name: 'recovery request staff',
  up: `
    CREATE TABLE recovery_request_staff (
      request_id TEXT NOT NULL REFERENCES recovery_requests (id),
      staff_id   TEXT NOT NULL,
      PRIMARY KEY (request_id, staff_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
