import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { addKiosk } from '../../hub/admin-commands';
import { addAdmin } from '../../hub/console-server/admin-accounts';
import { createHubServer } from '../../hub/hub-server';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { CONSOLE_API, CONSOLE_REQUEST_HEADER } from '../../shared/console/console-api';

export const ADMIN = { name: 'amina.odhiambo', password: 'correct horse battery' };

export interface ConsoleHub {
  url: string;
  store: SqliteHubStore;
  /** The hub's clock: tests move it to expire sessions and silence kiosks. */
  clock: { now: Date };
  addKiosk(kioskId: string): Promise<string>;
  /** Signs in through the API and returns the session cookie (`name=value`). */
  signIn(name?: string, password?: string): Promise<string>;
  /** A GET of the console API with this cookie. */
  get(pathAndQuery: string, cookie: string): Promise<Response>;
  close(): Promise<void>;
}

/** The hub on a loopback port with one console admin and a clock the test holds. */
export async function startConsoleHub(options: { now?: string; consoleAssets?: string; signInsPerMinute?: number } = {}): Promise<ConsoleHub> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-console-'));
  const store = new SqliteHubStore(path.join(dir, 'hub.sqlite'));
  const clock = { now: new Date(options.now ?? '2026-03-10T09:00:00.000Z') };
  await addAdmin(store, ADMIN.name, ADMIN.password, clock.now);
  const app = createHubServer({
    store,
    now: () => clock.now,
    ...(options.consoleAssets && { consoleAssets: options.consoleAssets }),
    consoleSignInsPerMinute: options.signInsPerMinute ?? 1_000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    clock,
    addKiosk: (kioskId) => addKiosk(store, kioskId, clock.now),
    async signIn(name = ADMIN.name, password = ADMIN.password) {
      const answer = await fetch(`${url}${CONSOLE_API}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CONSOLE_REQUEST_HEADER]: '1' },
        body: JSON.stringify({ name, password }),
      });
      if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}`);
      return (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    get: (pathAndQuery, cookie) => fetch(`${url}${CONSOLE_API}${pathAndQuery}`, { headers: { cookie } }),
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
