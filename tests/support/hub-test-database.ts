import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { HubPostgres } from './postgres-global-setup';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The server the run's global setup found, or a failure saying how to give the tests one: never a skip. */
function serverUrl(): string {
  const found: HubPostgres = inject('hubPostgres');
  if ('problem' in found) throw new Error(found.problem);
  return found.url;
}

/** A database of its own for one test (workers run in parallel on one server), dropped after it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
