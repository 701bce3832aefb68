import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { HubClient } from '../../electron/core/sync/hub-client';
import type { SyncStatus } from '../../shared/contract/sync';
import { SYNC_PATHS, type ChangePage, type DownloadResponse } from '../../shared/sync/protocol';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { FaultProxy } from '../support/fault-proxy';
import { accepted, tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';

const page = (response: DownloadResponse): ChangePage => {
  if ('mustRefetch' in response) throw new Error('unexpected mustRefetch');
  return response;
};

describe('the progress of a first load', () => {
  let hub: TestHub;
  let kiosk: TempKiosk | undefined;
  let proxy: FaultProxy | undefined;

  afterEach(async () => {
    await kiosk?.dispose();
    kiosk = undefined;
    await proxy?.close();
    proxy = undefined;
    await hub.close();
  });

  it('the hub sends the total of the snapshot on every page: the change log, counted once per history position', async () => {
    hub = await startTestHub({ seedCitizens: 300 });
    const logged = () => (hub.store.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const client = new HubClient({ hubUrl: hub.url, kioskToken: await hub.addKiosk('kiosk-total'), timeoutMs: 5000 });
    const signal = new AbortController().signal;

    const first = page(await client.download(undefined, 100, signal));
    expect(first.totalRows).toBe(logged());
    expect(first.totalRows).toBeGreaterThan(300);
    const second = page(await client.download(first.cursor, 100, signal));
    expect(second.totalRows).toBe(first.totalRows);

    // A changed row moves in the log (same total); a new row and a deletion's tombstone each add one.
    const fine = hub.store.db.prepare('SELECT id FROM fines LIMIT 1').get() as { id: number };
    await hub.store.writeReplica([{ table: 'citizens', upserts: [{ id: 1, first_name: 'Wanjiru' }] }]);
    expect(page(await client.download(second.cursor, 100, signal)).totalRows).toBe(first.totalRows);
    await hub.store.writeReplica([
      { table: 'citizens', upserts: [{ id: 900_001, id_number: '99000001', first_name: 'Baraka', last_name: 'Otieno', date_of_birth: '1990-01-01', sex: 'M', updated_at: '2026-11-22T06:00:00Z' }] },
      { table: 'fines', deletes: [fine.id] },
    ]);
    const after = page(await client.download(second.cursor, 100, signal));
    expect(after.totalRows).toBe(logged());
    expect(after.totalRows).toBe((first.totalRows ?? 0) + 1);
  });

  it("the kiosk's sync status carries rows loaded, the hub's total, rate and time left, then ready", async () => {
    hub = await startTestHub({ seedCitizens: 2000 });
    const total = (hub.store.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    // A slow link: the load lasts seconds, long enough to be measured and published more than once.
    proxy = new FaultProxy(hub.url);
    const proxyUrl = await proxy.listen();
    proxy.slow(SYNC_PATHS.download, 25);
    const statuses: SyncStatus[] = [];
    kiosk = tempKiosk({
      // The rate is measured on the real clock.
      clock: systemClock,
      settings: fastSyncSettings(proxyUrl, await hub.addKiosk('kiosk-progress'), { downloadPageRows: 50 }),
    });
    kiosk.core.subscribe((name, payload) => {
      if (name === 'sync.status') statuses.push(payload as SyncStatus);
    });
    expect((await accepted(kiosk, 'sync.status', {})).replica.ready).toBe(false);

    await vi.waitFor(() => expect(statuses.at(-1)?.replica.ready).toBe(true), { timeout: 30_000, interval: 50 });
    // Statuses before the first page (an upload, a heartbeat) have no load yet.
    const loads = statuses.filter((s) => !s.replica.ready).flatMap((s) => (s.replica.load ? [s.replica.load] : []));
    expect(loads.length).toBeGreaterThan(1);
    for (const load of loads) {
      expect(load.totalRows).toBe(total);
      expect(load.rowsLoaded).toBeLessThanOrEqual(total);
    }
    const rows = loads.map((load) => load.rowsLoaded);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const measured = loads.find((load) => load.rowsPerSecond);
    expect(measured?.secondsLeft).toBeTypeOf('number');
    expect(statuses.at(-1)?.replica.load).toBeNull();
    expect((await accepted(kiosk, 'sync.status', {})).replica).toEqual({ ready: true, load: null });
  });
});
