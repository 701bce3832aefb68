import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubClient } from '../../electron/core/sync/hub-client';
import { rotateKioskToken } from '../../hub/admin-commands';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';

interface OutboxRow {
  seq: number;
  id: string;
  state: string;
  error: string | null;
}

describe('uploading the outbox to the hub', () => {
  let hub: TestHub;
  const kiosks: TempKiosk[] = [];

  const startKiosk = async (kioskId: string, token?: string) => {
    const kiosk = tempKiosk({ settings: fastSyncSettings(hub.url, token ?? (await hub.addKiosk(kioskId))) });
    kiosks.push(kiosk);
    return kiosk;
  };
  const outboxRows = (kiosk: TempKiosk) => kiosk.core.context.db.prepare('SELECT seq, id, state, error FROM outbox ORDER BY seq').all() as OutboxRow[];
  const hubEvents = (kioskId: string) =>
    hub.store.db.prepare('SELECT seq, id, rejected_reason AS reason FROM kiosk_events WHERE kiosk_id = ? ORDER BY seq').all(kioskId) as Array<{
      seq: number;
      id: string;
      reason: string | null;
    }>;
  const drained = (kiosk: TempKiosk) =>
    vi.waitFor(() => expect(outboxRows(kiosk).filter((r) => r.state === 'pending')).toEqual([]), { timeout: 10_000, interval: 20 });

  beforeEach(async () => {
    hub = await startTestHub({ maxPayloadBytes: 1000 });
  });

  afterEach(async () => {
    for (const kiosk of kiosks.splice(0)) await kiosk.dispose();
    await hub.close();
  });

  it('records a rejected event with its reason and keeps the events after it flowing', async () => {
    const kiosk = await startKiosk('kiosk-rejects');
    const { outbox } = kiosk.core.context;
    outbox.enqueue('payment.settled', { amount: 600 });
    outbox.enqueue('payment.settled', { note: 'x'.repeat(5000) });
    outbox.enqueue('Not A Type', { amount: 1 });
    outbox.enqueue('audit.recorded', { action: 'lookup' });
    await drained(kiosk);

    const rows = outboxRows(kiosk);
    expect(rows.map((r) => r.state)).toEqual(['acked', 'rejected', 'rejected', 'acked']);
    expect(rows[1]?.error).toMatch(/exceeds the hub's limit of 1000/);
    expect(rows[2]?.error).toMatch(/unknown event type format/);
    expect(hubEvents('kiosk-rejects').map((e) => e.reason)).toEqual([null, rows[1]?.error, rows[2]?.error, null]);
    expect(await kiosk.core.invoke('sync.status', {})).toMatchObject({ ok: true, value: { eventsWaiting: 0, rejectedCount: 2, lastError: null, online: true } });
  });

  it('resends from the hub’s last event when the hub lost some (a restored backup)', async () => {
    const kiosk = await startKiosk('kiosk-restored');
    const { outbox } = kiosk.core.context;
    for (let n = 0; n < 10; n++) outbox.enqueue('test.counted', { n });
    await drained(kiosk);
    hub.store.db.prepare("DELETE FROM kiosk_events WHERE kiosk_id = 'kiosk-restored' AND seq > 5").run();
    hub.store.db.prepare("UPDATE kiosks SET applied_through = 5 WHERE id = 'kiosk-restored'").run();

    outbox.enqueue('test.counted', { n: 10 });
    await vi.waitFor(() => expect(hubEvents('kiosk-restored')).toHaveLength(11), { timeout: 10_000, interval: 20 });
    await drained(kiosk);
    expect(hubEvents('kiosk-restored').map(({ seq, id }) => ({ seq, id }))).toEqual(outboxRows(kiosk).map(({ seq, id }) => ({ seq, id })));
  });

  it('refuses events that differ from what the hub holds under the same numbers, visibly', async () => {
    const token = await hub.addKiosk('kiosk-replaced');
    const original = await startKiosk('kiosk-replaced', token);
    original.core.context.outbox.enqueue('test.counted', { n: 1 });
    await drained(original);
    await original.dispose();
    kiosks.splice(kiosks.indexOf(original), 1);

    // The same kiosk with a fresh database numbers its events from 1 again.
    const replacement = await startKiosk('kiosk-replaced', token);
    replacement.core.context.outbox.enqueue('test.counted', { n: 2 });
    await vi.waitFor(
      async () => expect(await replacement.core.invoke('sync.status', {})).toMatchObject({ value: { lastError: expect.stringMatching(/different events/), online: true } }),
      { timeout: 10_000, interval: 20 },
    );
    expect(outboxRows(replacement).map((r) => r.state)).toEqual(['pending']);
    expect(hubEvents('kiosk-replaced')).toHaveLength(1);
  });

  it('keeps each kiosk to its own events and shows every kiosk’s heartbeat to the supervisor', async () => {
    const a = await startKiosk('kiosk-a');
    const b = await startKiosk('kiosk-b');
    a.core.context.outbox.enqueue('test.counted', { n: 1 });
    a.core.context.outbox.enqueue('test.counted', { n: 2 });
    b.core.context.outbox.enqueue('test.counted', { n: 1 });
    await Promise.all([drained(a), drained(b)]);
    expect(hubEvents('kiosk-a').map((e) => e.id)).toEqual(outboxRows(a).map((r) => r.id));
    expect(hubEvents('kiosk-b').map((e) => e.id)).toEqual(outboxRows(b).map((r) => r.id));

    const intruder = new HubClient({ hubUrl: hub.url, kioskToken: 'not-a-token', timeoutMs: 1000 });
    await expect(intruder.upload({ events: [{ seq: 1, id: 'x', type: 'test.x', payload: {}, createdAt: new Date().toISOString() }] }, new AbortController().signal)).rejects.toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/401/),
    });
    const tokenC = await hub.addKiosk('kiosk-c');
    const asKiosk = await fetch(`${hub.url}/admin/v1/kiosks/kiosk-a/events`, { headers: { authorization: `Bearer ${tokenC}` } });
    expect(asKiosk.status).toBe(401);
    const asAdmin = await fetch(`${hub.url}/admin/v1/kiosks/kiosk-a/events`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(((await asAdmin.json()) as { events: Array<{ id: string }> }).events.map((e) => e.id)).toEqual(outboxRows(a).map((r) => r.id));

    await rotateKioskToken(hub.store, 'kiosk-c');
    const withOldToken = new HubClient({ hubUrl: hub.url, kioskToken: tokenC, timeoutMs: 1000 });
    await expect(withOldToken.download(undefined, 10, new AbortController().signal)).rejects.toMatchObject({ kind: 'refused' });

    await vi.waitFor(
      async () => {
        const answer = await fetch(`${hub.url}/admin/v1/kiosks`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
        const { kiosks: listed } = (await answer.json()) as { kiosks: Array<{ id: string; appliedThrough: number; heartbeat: { version: string } | null }> };
        expect(listed.filter((k) => k.id !== 'kiosk-c')).toEqual([
          expect.objectContaining({ id: 'kiosk-a', appliedThrough: 2, heartbeat: expect.objectContaining({ version: 'test', eventsWaiting: expect.any(Number) }) }),
          expect.objectContaining({ id: 'kiosk-b', appliedThrough: 1, heartbeat: expect.objectContaining({ version: 'test' }) }),
        ]);
      },
      { timeout: 10_000, interval: 50 },
    );
  });
});
