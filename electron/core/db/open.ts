import { openSqlite, type Db } from '@shared/node/sqlite/open-sqlite';
import { migrations } from './migrations';

export type { Db };

/** Opens (or creates) the kiosk database with its schema up to date. */
export function openDatabase(file: string): Db {
  return openSqlite(file, migrations);
}
