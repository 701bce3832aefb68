import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, HOW_TO_GET_POSTGRES, startThrowawayCluster } from './postgres-cluster';

/** Where the PostgreSQL tests create their databases, or why there is none (each such test then fails saying so). */
export type HubPostgres = { url: string } | { problem: string };

declare module 'vitest' {
  export interface ProvidedContext {
    hubPostgres: HubPostgres;
  }
}

async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs once per vitest run that includes a PostgreSQL test: HUB_TEST_DATABASE_URL if given,
 * else a throwaway cluster from the installed server binaries, stopped when the run ends.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.HUB_TEST_DATABASE_URL;
  if (given) {
    const problem = await reachable(given);
    project.provide('hubPostgres', problem === undefined ? { url: given } : { problem: `HUB_TEST_DATABASE_URL cannot be reached (${problem}). ${HOW_TO_GET_POSTGRES}` });
    return undefined;
  }
  const bin = findPostgresBinaries();
  if (!bin) {
    project.provide('hubPostgres', { problem: `No PostgreSQL server found. ${HOW_TO_GET_POSTGRES}` });
    return undefined;
  }
  try {
    const cluster = await startThrowawayCluster(bin);
    project.provide('hubPostgres', { url: cluster.url });
    return () => cluster.stop();
  } catch (error) {
    project.provide('hubPostgres', { problem: `${error instanceof Error ? error.message : String(error)}. ${HOW_TO_GET_POSTGRES}` });
    return undefined;
  }
}
