import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { FaultProxy } from '../support/fault-proxy';
import { hubReplicaRows, kioskReplicaRows } from '../support/replica-compare';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';

const KIOSK_ID = 'kiosk-faults';
const EVENTS = 90;

describe('sync over a network that fails in every way', () => {
  let hub: TestHub;
  let proxy: FaultProxy;
  let kiosk: TempKiosk;

  beforeAll(async () => {
    hub = await startTestHub({ seedCitizens: 300 });
    const token = await hub.addKiosk(KIOSK_ID);
    proxy = new FaultProxy(hub.url);
    const hubUrl = await proxy.listen();
    proxy.inject(SYNC_PATHS.upload, '500', 'hang', 'reset', 'lost-answer', 'duplicate', '429', 'lost-answer', '500', 'duplicate', 'reset', 'lost-answer');
    proxy.inject(SYNC_PATHS.download, 'reset', '500', 'lost-answer', 'hang', 'duplicate', '429');
    kiosk = tempKiosk({ settings: fastSyncSettings(hubUrl, token, { uploadIntervalSeconds: 2, downloadIntervalSeconds: 2, uploadBatchEvents: 7, downloadPageRows: 150 }) });
  });

  afterAll(async () => {
    await kiosk.dispose();
    await proxy.close();
    await hub.close();
  });

  it('delivers every event exactly once, in order, and drains by itself', async () => {
    const { db, outbox } = kiosk.core.context;
    const enqueue = (from: number, to: number) =>
      db.transaction(() => {
        for (let n = from; n < to; n++) outbox.enqueue('test.counted', { n });
      })();

    enqueue(0, 30);
    await vi.waitFor(() => expect(proxy.pending(SYNC_PATHS.upload)).toBeLessThan(6), { timeout: 15_000, interval: 20 });
    proxy.goDown(1500);
    enqueue(30, 60);
    await new Promise((resolve) => setTimeout(resolve, 800));
    enqueue(60, EVENTS);
    // No write after this one: the queue must empty on its own timers.

    await vi.waitFor(
      () => {
        expect(kiosk.core.context.db.prepare("SELECT count(*) AS n FROM outbox WHERE state != 'acked'").get()).toEqual({ n: 0 });
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(proxy.pending(SYNC_PATHS.upload)).toBe(0);

    const kioskEvents = db.prepare('SELECT seq, id, payload FROM outbox ORDER BY seq').all();
    const hubEvents = hub.store.db
      .prepare('SELECT seq, id, payload, rejected_reason FROM kiosk_events WHERE kiosk_id = ? ORDER BY seq')
      .all(KIOSK_ID) as Array<{ seq: number; id: string; payload: string; rejected_reason: string | null }>;
    expect(hubEvents.map(({ seq, id, payload }) => ({ seq, id, payload }))).toEqual(kioskEvents);
    expect(hubEvents.map((e) => (JSON.parse(e.payload) as { n: number }).n)).toEqual([...Array(EVENTS).keys()]);
    expect(hubEvents.every((e) => e.rejected_reason === null)).toBe(true);
  });

  it('brings the replica to the hub’s state through the same faults', async () => {
    await vi.waitFor(() => expect(kioskReplicaRows(kiosk.core.context.db)).toEqual(hubReplicaRows(hub.store.db)), { timeout: 30_000, interval: 100 });
    expect(proxy.pending(SYNC_PATHS.download)).toBe(0);
    const status = await kiosk.core.invoke('sync.status', {});
    expect(status).toMatchObject({ ok: true, value: { enabled: true, eventsWaiting: 0, rejectedCount: 0 } });
  });
});
