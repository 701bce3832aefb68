import type { PostgresMigration } from '../migrate-postgres';

/**
 * The replica tables the hub sends every kiosk, as shared/sync/replica-tables.ts defines them
 * for SQLite: the same columns in the same order (a kiosk receives rows by column name), the
 * same keys and checks. SQLite's INTEGER is 64-bit, hence bigint; dates stay ISO text, as the
 * kiosk stores them. Kiswahili offence names (the kiosk's later step) are here from the start.
 */
export const replicaTables: PostgresMigration = {
  version: 1,
  name: 'replica tables',
  up: `
    CREATE TABLE citizens (
      id              bigint PRIMARY KEY,
      id_number       text NOT NULL UNIQUE,
      id_serial       text,
      passport_number text UNIQUE,
      kra_pin         text UNIQUE,
      first_name      text NOT NULL,
      middle_name     text,
      last_name       text NOT NULL,
      date_of_birth   text NOT NULL,
      sex             text NOT NULL CHECK (sex IN ('M', 'F')),
      phone           text,
      email           text,
      updated_at      text NOT NULL
    );
    CREATE INDEX citizens_by_phone ON citizens (phone);

    CREATE TABLE accounts (
      id            bigint PRIMARY KEY,
      citizen_id    bigint NOT NULL REFERENCES citizens (id),
      account_type  text NOT NULL CHECK (account_type IN ('citizen', 'resident', 'diplomat', 'visitor', 'business')),
      business_name text,
      kra_pin       text UNIQUE,
      status        text NOT NULL CHECK (status IN ('active', 'locked', 'suspended', 'closed')),
      created_at    text NOT NULL,
      updated_at    text NOT NULL
    );
    CREATE INDEX accounts_by_citizen ON accounts (citizen_id);

    CREATE TABLE driving_licences (
      id             bigint PRIMARY KEY,
      citizen_id     bigint NOT NULL REFERENCES citizens (id),
      licence_number text NOT NULL UNIQUE,
      classes        text NOT NULL,
      issued_on      text NOT NULL,
      expires_on     text NOT NULL,
      status         text NOT NULL CHECK (status IN ('valid', 'expired', 'suspended', 'revoked')),
      updated_at     text NOT NULL
    );
    CREATE INDEX driving_licences_by_citizen ON driving_licences (citizen_id);

    CREATE TABLE vehicles (
      id                    bigint PRIMARY KEY,
      plate                 text NOT NULL UNIQUE,
      owner_citizen_id      bigint NOT NULL REFERENCES citizens (id),
      make                  text NOT NULL,
      model                 text NOT NULL,
      year                  bigint NOT NULL,
      insurance_expires_on  text,
      inspection_expires_on text,
      updated_at            text NOT NULL
    );
    CREATE INDEX vehicles_by_owner ON vehicles (owner_citizen_id);

    CREATE TABLE fines (
      id          bigint PRIMARY KEY,
      reference   text NOT NULL UNIQUE,
      citizen_id  bigint NOT NULL REFERENCES citizens (id),
      vehicle_id  bigint REFERENCES vehicles (id),
      offence     text NOT NULL,
      amount      bigint NOT NULL CHECK (amount > 0),
      issued_on   text NOT NULL,
      status      text NOT NULL CHECK (status IN ('unpaid', 'paid', 'cancelled')),
      updated_at  text NOT NULL,
      offence_sw  text
    );
    CREATE INDEX fines_by_citizen ON fines (citizen_id, status);

    CREATE TABLE fees (
      code            text PRIMARY KEY,
      service         text NOT NULL,
      name_en         text NOT NULL,
      name_sw         text NOT NULL,
      amount          bigint NOT NULL CHECK (amount >= 0),
      convenience_fee bigint NOT NULL DEFAULT 0 CHECK (convenience_fee >= 0),
      active          bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      updated_at      text NOT NULL
    );
  `,
};
