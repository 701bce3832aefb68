import { openSqlite, type Db } from '@shared/node/sqlite/open-sqlite';
import { hubMigrations } from './migrations';

/** Opens (or creates) the hub database with its schema up to date. */
export function openHubDatabase(file: string): Db {
  return openSqlite(file, hubMigrations);
}
