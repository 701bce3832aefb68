import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../hub/store/postgres/migrate-postgres';
import { postgresMigrations } from '../../hub/store/postgres/migrations';
import { PostgresHubStore } from '../../hub/store/postgres/postgres-hub-store';
import { createTestDatabase, type TestDatabase } from '../support/hub-test-database';

describe("the PostgreSQL hub's migrations", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeEach(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url });
  });
  afterEach(async () => {
    await pool.end();
    await database.drop();
  });

  const applied = async () => (await pool.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;

  it('are numbered 1, 2, 3… and each is recorded once it ran; opening again changes nothing', async () => {
    expect(postgresMigrations.map((m) => m.version)).toEqual(postgresMigrations.map((_, i) => i + 1));
    await (await PostgresHubStore.open(database.url)).close();
    expect(await applied()).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
    const epoch = (await pool.query("SELECT value FROM hub_meta WHERE key = 'history.epoch'")).rows;
    await (await PostgresHubStore.open(database.url)).close();
    expect(await applied()).toHaveLength(postgresMigrations.length);
    expect((await pool.query("SELECT value FROM hub_meta WHERE key = 'history.epoch'")).rows).toEqual(epoch);
  });

  it('leave the database as it was when one fails', async () => {
    const good = { version: 1, name: 'good', up: 'CREATE TABLE a (x integer);' };
    const bad = { version: 2, name: 'bad', up: 'CREATE TABLE b (x integer); INSERT INTO nowhere VALUES (1);' };
    await expect(migratePostgres(pool, [good, bad])).rejects.toThrow(/migration 2 \(bad\) failed: .*nowhere/);
    expect(await applied()).toEqual([{ version: 1, name: 'good' }]);
    expect((await pool.query("SELECT to_regclass('b') AS b")).rows).toEqual([{ b: null }]);
  });

  it('refuse a database newer than the code, and a gap in the numbering', async () => {
    await migratePostgres(pool, postgresMigrations);
    await pool.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')");
    await expect(PostgresHubStore.open(database.url)).rejects.toThrow(/schema 99 is newer than this program knows/);
    await expect(migratePostgres(pool, [{ version: 2, name: 'skipped one', up: '' }])).rejects.toThrow(/expected 1/);
  });

  it('run once when two hubs start at the same time', async () => {
    const stores = await Promise.all([PostgresHubStore.open(database.url), PostgresHubStore.open(database.url)]);
    await Promise.all(stores.map((store) => store.close()));
    expect(await applied()).toHaveLength(postgresMigrations.length);
  });
});

describe('opening the PostgreSQL hub', () => {
  it('says plainly when the server cannot be reached, without the password', async () => {
    const nowhere = 'postgres://hub:s3cret@127.0.0.1:1/hub';
    const failure = PostgresHubStore.open(nowhere);
    await expect(failure).rejects.toThrow(/^cannot connect to PostgreSQL at postgres:\/\/hub:\*\*\*@127\.0\.0\.1:1\/hub: .*Is the server running/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
