/**
 * The tables the hub replicates to every kiosk (see migrations/001-replica.ts), parents
 * before children, each with the column that identifies a row in change logs and deletions.
 */
export const REPLICA_TABLES = [
  { name: 'citizens', key: 'id' },
  { name: 'accounts', key: 'id' },
  { name: 'driving_licences', key: 'id' },
  { name: 'vehicles', key: 'id' },
  { name: 'fines', key: 'id' },
  { name: 'fees', key: 'code' },
] as const;

export type ReplicaTable = (typeof REPLICA_TABLES)[number];
export type ReplicaTableName = ReplicaTable['name'];

const byName = new Map<string, ReplicaTable>(REPLICA_TABLES.map((table) => [table.name, table]));

/** The table of that name, or undefined: names from the wire never reach SQL unchecked. */
export function replicaTable(name: string): ReplicaTable | undefined {
  return byName.get(name);
}

/**
 * The replica tables as the back office defines them, for the kiosk's and the hub's first
 * migrations alike. Released schema: changes come as new, additive steps below, never here.
 */
export const REPLICA_TABLES_DDL = `
    CREATE TABLE citizens (
      id              INTEGER PRIMARY KEY,
      id_number       TEXT NOT NULL UNIQUE,
      id_serial       TEXT,
      passport_number TEXT UNIQUE,
      kra_pin         TEXT UNIQUE,
      first_name      TEXT NOT NULL,
      middle_name     TEXT,
      last_name       TEXT NOT NULL,
      date_of_birth   TEXT NOT NULL,
      sex             TEXT NOT NULL CHECK (sex IN ('M', 'F')),
      phone           TEXT,
      email           TEXT,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX citizens_by_phone ON citizens (phone);

    CREATE TABLE accounts (
      id           INTEGER PRIMARY KEY,
      citizen_id   INTEGER NOT NULL REFERENCES citizens (id),
      account_type TEXT NOT NULL
        CHECK (account_type IN ('citizen', 'resident', 'diplomat', 'visitor', 'business')),
      business_name TEXT,
      kra_pin      TEXT UNIQUE,
      status       TEXT NOT NULL CHECK (status IN ('active', 'locked', 'suspended', 'closed')),
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX accounts_by_citizen ON accounts (citizen_id);

    CREATE TABLE driving_licences (
      id             INTEGER PRIMARY KEY,
      citizen_id     INTEGER NOT NULL REFERENCES citizens (id),
      licence_number TEXT NOT NULL UNIQUE,
      classes        TEXT NOT NULL,
      issued_on      TEXT NOT NULL,
      expires_on     TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('valid', 'expired', 'suspended', 'revoked')),
      updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX driving_licences_by_citizen ON driving_licences (citizen_id);

    CREATE TABLE vehicles (
      id                    INTEGER PRIMARY KEY,
      plate                 TEXT NOT NULL UNIQUE,
      owner_citizen_id      INTEGER NOT NULL REFERENCES citizens (id),
      make                  TEXT NOT NULL,
      model                 TEXT NOT NULL,
      year                  INTEGER NOT NULL,
      insurance_expires_on  TEXT,
      inspection_expires_on TEXT,
      updated_at            TEXT NOT NULL
    ) STRICT;
    CREATE INDEX vehicles_by_owner ON vehicles (owner_citizen_id);

    CREATE TABLE fines (
      id          INTEGER PRIMARY KEY,
      reference   TEXT NOT NULL UNIQUE,
      citizen_id  INTEGER NOT NULL REFERENCES citizens (id),
      vehicle_id  INTEGER REFERENCES vehicles (id),
      offence     TEXT NOT NULL,
      amount      INTEGER NOT NULL CHECK (amount > 0),
      issued_on   TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'cancelled')),
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX fines_by_citizen ON fines (citizen_id, status);

    CREATE TABLE fees (
      code            TEXT PRIMARY KEY,
      service         TEXT NOT NULL,
      name_en         TEXT NOT NULL,
      name_sw         TEXT NOT NULL,
      amount          INTEGER NOT NULL CHECK (amount >= 0),
      convenience_fee INTEGER NOT NULL DEFAULT 0 CHECK (convenience_fee >= 0),
      active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      updated_at      TEXT NOT NULL
    ) STRICT;
`;

/** The Kiswahili name of each fine's offence (fees already carry `name_sw`); NULL where none was sent. */
export const REPLICA_OFFENCE_SW_DDL = `
    ALTER TABLE fines ADD COLUMN offence_sw TEXT;
`;
