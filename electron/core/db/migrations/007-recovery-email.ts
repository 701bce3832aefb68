import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Account recovery: the optional new email, proven by a code like the new phone. Like the
 * phone it lives only while the request is pending (approval hands it to the outbox).
 */
export const recoveryEmail: Migration = {
  version: 7,
  name: 'recovery new email',
  up: `
    ALTER TABLE recovery_requests ADD COLUMN new_email TEXT CHECK (new_email IS NULL OR status = 'pending');
  `,
};
