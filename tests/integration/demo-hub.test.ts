import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startDemoHub, type DemoHub } from '../../electron/demo/demo-hub';
import { MPESA_CALLBACK_PATH } from '../../shared/sync/protocol';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

let hub: DemoHub | undefined;
let kiosk: TempKiosk | undefined;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'demo-hub-'));

afterEach(async () => {
  await kiosk?.dispose();
  hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('`npm run demo` starts a seeded hub beside the kiosk, and the replica fills from it over the sync protocol', async () => {
  hub = await startDemoHub(dataDir, 300);
  expect(statSync(path.join(dataDir, 'hub', 'kiosk-token')).mode & 0o777).toBe(0o600);
  kiosk = tempKiosk({ settings: hub.settingsFor({ sync: { downloadIntervalSeconds: 1 } }) });
  const citizens = kiosk.core.context.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM citizens');
  await expect.poll(() => citizens.get()?.n, { timeout: 20_000, interval: 200 }).toBe(300);
  const status = await kiosk.core.invoke('sync.status', {});
  expect(status).toMatchObject({ ok: true, value: { enabled: true, online: true } });
  // Daraja's callbacks go to the hub, which keeps them for the kiosk.
  const { callbackUrl } = kiosk.core.context.settings.mpesa;
  expect(callbackUrl).toBe(`${hub.url}${MPESA_CALLBACK_PATH}`);
  const callback = { Body: { stkCallback: { MerchantRequestID: 'm-1', CheckoutRequestID: 'ws_CO_demo', ResultCode: 1032, ResultDesc: 'Request cancelled by user' } } };
  const answer = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(callback) });
  expect(await answer.json()).toEqual({ ResultCode: 0, ResultDesc: 'Accepted' });
}, 60_000);
