import type { Migration } from '@shared/node/sqlite/migrate';

/**
 * Account recovery: requests waiting for a clerk, and failed checks counted per ID number
 * per day. Nothing of the scanned document is kept but a keyed hash of its MRZ; the new
 * contact details live only while a request is pending (approval hands them to the outbox).
 * citizen_id names a replica row without a foreign key, because the replica is rebuilt
 * beside the live one and swapped in.
 */
export const recoveryTables: Migration = {
  version: 6,
  name: 'account recovery',
  up: `
    CREATE TABLE recovery_requests (
      id              TEXT PRIMARY KEY,
      reference       TEXT NOT NULL UNIQUE,
      citizen_id      INTEGER NOT NULL,
      id_hash         TEXT NOT NULL,
      visit_id        TEXT NOT NULL,
      document_format TEXT NOT NULL CHECK (document_format IN ('TD1', 'TD3')),
      mrz_hash        TEXT NOT NULL,
      new_phone       TEXT,
      status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
      created_at      TEXT NOT NULL,
      expires_at      TEXT NOT NULL,
      decided_at      TEXT,
      decided_by      TEXT,
      decision_reason TEXT,
      CHECK ((status = 'pending') = (new_phone IS NOT NULL)),
      CHECK ((status = 'pending') = (decided_at IS NULL))
    ) STRICT;
    CREATE INDEX recovery_requests_by_status ON recovery_requests (status, expires_at);

    CREATE TABLE recovery_failures (
      id      INTEGER PRIMARY KEY,
      id_hash TEXT NOT NULL,
      day     TEXT NOT NULL,
      at      TEXT NOT NULL,
      kind    TEXT NOT NULL CHECK (kind IN ('document', 'knowledge'))
    ) STRICT;
    CREATE INDEX recovery_failures_by_id_day ON recovery_failures (id_hash, day);
  `,
};
