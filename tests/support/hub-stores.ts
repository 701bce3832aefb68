import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConsoleStore } from '../../hub/store/console-store';
import type { HubStore } from '../../hub/store/hub-store';
import { PostgresHubStore } from '../../hub/store/postgres/postgres-hub-store';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { afterEach, beforeEach } from 'vitest';
import { createTestDatabase } from './hub-test-database';

export interface OpenedStore {
  store: HubStore & ConsoleStore;
  /** Closes the store and throws its database away. */
  discard(): Promise<void>;
}

/** Every HubStore implementation, each opened on a new, empty database: what the contract suite runs against. */
export const HUB_STORES: Array<{ name: string; open(): Promise<OpenedStore> }> = [
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-store-'));
      const store = new SqliteHubStore(path.join(dir, 'hub.sqlite'));
      return {
        store,
        async discard() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await createTestDatabase();
      const store = await PostgresHubStore.open(database.url);
      return {
        store,
        async discard() {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];

/** Opens a new, empty store before each test of the calling describe block, hands it to `use`, and throws it away after. */
export function freshStoreEachTest(open: () => Promise<OpenedStore>, use: (store: HubStore & ConsoleStore) => void): void {
  let opened: OpenedStore;
  beforeEach(async () => {
    opened = await open();
    use(opened.store);
  });
  afterEach(async () => opened.discard());
}
