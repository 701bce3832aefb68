import type { ConsoleStore } from './console-store';
import type { HubStore } from './hub-store';
import { isPostgresUrl } from './postgres/postgres-connection';
import { PostgresHubStore } from './postgres/postgres-hub-store';
import { SqliteHubStore } from './sqlite/sqlite-hub-store';

/** The hub's store for where its data lives: a postgres:// (or postgresql://) URL, else a SQLite file. */
export async function openHubStore(location: string): Promise<HubStore & ConsoleStore> {
  return isPostgresUrl(location) ? PostgresHubStore.open(location) : new SqliteHubStore(location);
}
