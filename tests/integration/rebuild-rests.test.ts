import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadStep, type LoadProgress } from '../../electron/core/sync/downloader';
import { HubClient } from '../../electron/core/sync/hub-client';
import { ReplicaStore } from '../../electron/core/sync/replica-store';
import { resetHistory } from '../../hub/admin-commands';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('a rebuild beside the live replica rests between pages; a first load and deltas do not', () => {
  let hub: TestHub;
  let dir: string;
  let store: ReplicaStore;
  beforeEach(async () => {
    hub = await startTestHub({ seedCitizens: 300 });
    dir = mkdtempSync(path.join(os.tmpdir(), 'rebuild-rests-'));
    store = new ReplicaStore(path.join(dir, 'kiosk.sqlite'), () => undefined);
  });
  afterEach(async () => {
    store.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rests after every page of a rebuild but its last, as long as the page took to write', async () => {
    const rests: number[] = [];
    const pages: LoadProgress[] = [];
    const client = new HubClient({ hubUrl: hub.url, kioskToken: await hub.addKiosk('kiosk-rests'), timeoutMs: 5_000 });
    const step = downloadStep(store, client, 100, (progress) => pages.push(progress), async (ms) => {
      rests.push(ms);
    });
    const signal = new AbortController().signal;
    const roundsUntilDone = async () => {
      for (let rounds = 1; rounds <= 5; rounds++) if ((await step(signal)) === 'done') return;
      throw new Error('the download did not finish');
    };

    // The first load: nobody is served until it is done, so it never rests.
    await roundsUntilDone();
    expect(pages.length).toBeGreaterThan(5);
    expect(rests).toEqual([]);

    // The back office restores: every kiosk must refetch, beside the replica it has.
    pages.length = 0;
    await resetHistory(hub.store);
    await roundsUntilDone();
    expect(pages.length).toBeGreaterThan(5);
    expect(rests).toHaveLength(pages.length - 1);
    expect(rests.every((ms) => ms > 0)).toBe(true);

    // A live replica's deltas are small and never wait.
    rests.length = 0;
    await hub.store.writeReplica([{ table: 'citizens', upserts: [{ id: 3, first_name: 'Achieng' }] }]);
    await roundsUntilDone();
    expect(rests).toEqual([]);
  });

  it("a rest ends with the round's abort, and the page before it stays committed", async () => {
    const client = new HubClient({ hubUrl: hub.url, kioskToken: await hub.addKiosk('kiosk-abort'), timeoutMs: 5_000 });
    const signal = new AbortController().signal;
    while ((await downloadStep(store, client, 100)(signal)) !== 'done');
    await resetHistory(hub.store);
    const round = new AbortController();
    let rested = 0;
    const step = downloadStep(store, client, 100, undefined, (ms, restSignal) => {
      rested++;
      round.abort();
      return new Promise((resolve, reject) => {
        if (restSignal.aborted) reject(restSignal.reason);
        restSignal.addEventListener('abort', () => reject(restSignal.reason), { once: true });
      });
    });
    expect(await step(round.signal)).toBe('more');
    await expect(step(round.signal)).rejects.toThrow();
    expect(rested).toBe(1);
    expect(store.position()).toMatchObject({ target: 'next' });
    expect(typeof store.position()?.cursor).toBe('string');
  });
});
