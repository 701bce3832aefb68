import type pg from 'pg';

export interface PostgresMigration {
  version: number;
  name: string;
  up: string;
}

/** Held while migrating, so two hubs starting at once do not both apply a step. */
const MIGRATION_LOCK = 4_846_822_001;

/**
 * Brings the schema to the newest version, one transaction per step with its row in
 * schema_migrations, so a failed step leaves the database exactly as it was. A database
 * migrated by a newer hub is refused: this code does not know its tables.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly PostgresMigration[]): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const current = (await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations')).rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(`database schema ${current} is newer than this program knows (${migrations.length})`);
    }
    for (const migration of migrations.slice(current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.up);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
    return migrations.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
