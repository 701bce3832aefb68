import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { addKiosk } from '../../hub/admin-commands';
import { createHubServer } from '../../hub/hub-server';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { importDemoReplica } from './demo-replica';

export const TEST_ADMIN_TOKEN = 'test-admin-token';

export interface TestHub {
  url: string;
  store: SqliteHubStore;
  /** A kiosk registered at this hub: its id and bearer token. */
  addKiosk(kioskId: string): Promise<string>;
  close(): Promise<void>;
}

/** The reference hub on a loopback port with a fresh database in a temporary folder. */
export async function startTestHub(options: { seedCitizens?: number; maxPayloadBytes?: number; callbacksPerMinute?: number; unclaimedAfterMinutes?: number; releasesDir?: string } = {}): Promise<TestHub> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
  const store = new SqliteHubStore(path.join(dir, 'hub.sqlite'));
  if (options.seedCitizens) await importDemoReplica(store, { citizens: options.seedCitizens, seed: 7 });
  const app = createHubServer({ store, adminToken: TEST_ADMIN_TOKEN, maxPayloadBytes: options.maxPayloadBytes, callbacksPerMinute: options.callbacksPerMinute, unclaimedAfterMinutes: options.unclaimedAfterMinutes, releasesDir: options.releasesDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    addKiosk: (kioskId) => addKiosk(store, kioskId),
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
