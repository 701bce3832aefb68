import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { liveReplicaFile, loadingReplicaFile } from '../../electron/core/db/replica-files';
import { Random } from '../../electron/demo/random';
import { Outbox } from '../../electron/core/outbox';
import { resetHistory } from '../../hub/admin-commands';
import { decodeCursor } from '../../hub/history-cursor';
import { hubReplicaRows, kioskReplicaRows } from '../support/replica-compare';
import { startTestHub, type TestHub } from '../support/test-hub';

const KIOSK_ID = 'kiosk-crash';
const KILLS = 50;
const childScript = path.resolve(import.meta.dirname, '../support/sync-child.ts');

interface KillOutcome {
  uploading: boolean;
  downloading: boolean;
}

describe('sync killed with SIGKILL at random points', () => {
  let hub: TestHub;
  let token: string;
  let dir: string;
  let databaseFile: string;
  let nextCitizenId = 1_000_001;

  beforeAll(async () => {
    hub = await startTestHub({ seedCitizens: 1500 });
    token = await hub.addKiosk(KIOSK_ID);
    dir = mkdtempSync(path.join(os.tmpdir(), 'sync-crash-'));
    databaseFile = path.join(dir, 'kiosk.sqlite');
    enqueue(900);
  });

  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function enqueue(count: number): void {
    const db = openDatabase(databaseFile);
    const outbox = new Outbox(db, systemClock);
    db.transaction(() => {
      for (let n = 0; n < count; n++) outbox.enqueue('test.counted', { n });
    })();
    db.close();
  }

  /** Hub changes between runs only add rows, so "the rows up to the cursor" stays exact. */
  async function changeHubAndResetHistory(): Promise<void> {
    const id = nextCitizenId++;
    await hub.store.writeReplica([
      {
        table: 'citizens',
        upserts: [{ id, id_number: String(id), first_name: 'Neema', last_name: 'Achieng', date_of_birth: '1991-02-03', sex: 'F', updated_at: '2026-11-22T06:00:00Z' }],
      },
    ]);
    await resetHistory(hub.store);
  }

  async function runChild(until: (child: ReturnType<typeof spawn>) => Promise<void>): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, databaseFile, hub.url, token], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`sync child exited early (${code})`)));
      createInterface({ input: child.stdout }).on('line', (line) => line === 'ready' && resolve());
    });
    await until(child);
    child.kill('SIGKILL');
    await exited;
  }

  /** The invariants that must hold whenever the kiosk stops, however abruptly. */
  function checkKiosk(): KillOutcome {
    const db: Db = new Database(databaseFile);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

      const hubEvents = hub.store.db.prepare('SELECT seq, id FROM kiosk_events WHERE kiosk_id = ? ORDER BY seq').all(KIOSK_ID) as Array<{ seq: number; id: string }>;
      const appliedThrough = hubEvents.length;
      expect(hubEvents.at(-1)?.seq ?? 0).toBe(appliedThrough);
      expect(db.prepare('SELECT seq, id FROM outbox WHERE seq <= ? ORDER BY seq').all(appliedThrough)).toEqual(hubEvents);
      const { acked } = db.prepare("SELECT coalesce(max(seq), 0) AS acked FROM outbox WHERE state = 'acked'").get() as { acked: number };
      expect(acked).toBeLessThanOrEqual(appliedThrough);

      const positionOf = (cursor: string | null) => (cursor === null || cursor === '' ? 0 : (decodeCursor(cursor)?.position ?? -1));
      const head = (hub.store.db.prepare('SELECT max(position) AS head FROM change_log').get() as { head: number }).head;
      // Each replica file holds exactly the hub's rows up to its own cursor: never half a page, never a cursor ahead.
      // (These 50-row pages commit whole; a load's page over LOAD_SLICE_ROWS may leave its first slices past the
      // cursor, written over when the page comes again: replica-load-slices.test.ts.)
      const live = checkReplicaFile(liveReplicaFile(databaseFile), positionOf);
      const loading = loadingReplicaFile(databaseFile);
      if (loading) checkReplicaFile(loading, positionOf);

      const { pending } = db.prepare("SELECT count(*) AS pending FROM outbox WHERE state = 'pending'").get() as { pending: number };
      return { uploading: pending > 0, downloading: loading !== undefined || live < head };
    } finally {
      db.close();
    }
  }

  /** The file is sound and holds the hub's rows up to its cursor; returns that position. */
  function checkReplicaFile(file: string, positionOf: (cursor: string | null) => number): number {
    const replica = new Database(file, { readonly: true });
    try {
      expect(replica.pragma('integrity_check', { simple: true })).toBe('ok');
      const { cursor } = replica.prepare('SELECT cursor FROM replica_state').get() as { cursor: string | null };
      const position = positionOf(cursor);
      if (cursor !== null) expect(kioskReplicaRows(replica)).toEqual(hubReplicaRows(hub.store.db, position));
      return position;
    } finally {
      replica.close();
    }
  }

  it(`loses and duplicates nothing across ${KILLS} kills during upload and download`, { timeout: 300_000 }, async () => {
    const random = new Random(20261122);
    const kills = { upload: 0, download: 0 };
    for (let kill = 0; kill < KILLS; kill++) {
      if (kill % 4 === 3) await changeHubAndResetHistory();
      if (kill % 6 === 5) enqueue(25);
      await runChild(() => new Promise((resolve) => setTimeout(resolve, random.int(0, 250))));
      const outcome = checkKiosk();
      if (outcome.uploading) kills.upload++;
      if (outcome.downloading) kills.download++;
    }
    expect(kills.upload).toBeGreaterThanOrEqual(10);
    expect(kills.download).toBeGreaterThanOrEqual(10);

    // Left alone, the kiosk finishes: every event at the hub once, in order, the replica whole.
    await runChild(async () => {
      for (;;) {
        const db = new Database(databaseFile, { readonly: true });
        const { pending } = db.prepare("SELECT count(*) AS pending FROM outbox WHERE state = 'pending'").get() as { pending: number };
        db.close();
        const replica = new Database(liveReplicaFile(databaseFile), { readonly: true });
        const done = pending === 0 && JSON.stringify(kioskReplicaRows(replica)) === JSON.stringify(hubReplicaRows(hub.store.db));
        replica.close();
        if (done) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    const outcome = checkKiosk();
    expect(outcome).toEqual({ uploading: false, downloading: false });
    const hubEvents = hub.store.db.prepare('SELECT payload FROM kiosk_events WHERE kiosk_id = ? ORDER BY seq').all(KIOSK_ID) as Array<{ payload: string }>;
    expect(hubEvents).toHaveLength(900 + 25 * Math.floor((KILLS + 1) / 6));
    console.info(`sync crash test: ${kills.upload} kills with uploads pending, ${kills.download} with the replica behind`);
  });
});
