import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { HubAcknowledgedHead } from '../../electron/core/audit/hub-acknowledged-head';
import { manualClock } from '../../electron/core/clock';
import { OffThreadSync } from '../../electron/core/db/off-thread-sync';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { newDatabaseKey, type DatabaseKey } from '../../electron/core/secrets/database-key';
import { reattachReplica } from '../../electron/core/db/replica-attachment';
import { Outbox } from '../../electron/core/outbox';
import { downloadStep } from '../../electron/core/sync/downloader';
import { HubClient } from '../../electron/core/sync/hub-client';
import { OutboxQueue } from '../../electron/core/sync/outbox-queue';
import { ReplicaStore } from '../../electron/core/sync/replica-store';
import { REPLICA_TABLES } from '../../shared/sync/replica-tables';
import { syncSettingsSchema } from '../../electron/core/settings/sync-settings';
import { uploadStep } from '../../electron/core/sync/uploader';
import { addKiosk } from '../../hub/admin-commands';
import { silentLogger } from '../../shared/node/logging/logger';
import { SqliteHubStore } from '../../hub/store/sqlite/sqlite-hub-store';
import { importDemoReplica } from '../support/demo-replica';
import { startHubProcess } from '../support/hub-process';
import type { BenchRow } from './bench-row';


const DRAIN_EVENTS = 20_000;
const RAW_INSERT_ROWS_PER_TRANSACTION = 50_000;
const defaults = syncSettingsSchema.parse({});

/**
 * Sync figures for `npm run bench`: the initial replica load through the hub (its own
 * process, over loopback HTTP) against a raw bulk copy of the same rows into an empty kiosk
 * database, the same load into a sealed (encrypted) kiosk beside it, and how fast the outbox
 * drains to the hub.
 */
export async function runSyncBench(options: { citizens: number }): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-bench-'));
  try {
    const hubFile = path.join(dir, 'hub.sqlite');
    const token = await prepareHub(hubFile, options.citizens);
    const hub = await startHubProcess(hubFile);
    try {
      const client = new HubClient({ hubUrl: hub.url, kioskToken: token, timeoutMs: 120_000 });
      // The raw insert first: it blocks the event loop for minutes at a million citizens, and
      // a pooled keep-alive socket the hub closes meanwhile would fail the next request.
      const raw = timeRawInsert(hubFile, path.join(dir, 'raw.sqlite'));
      const load = await timeInitialLoad(path.join(dir, 'load.sqlite'), client);
      // Plain, sealed, plain again: the hub's caches warm over the runs, so the sealed load is
      // set against the mean of a plain load before it and one after it.
      const sealedLoad = await timeInitialLoad(path.join(dir, 'sealed.sqlite'), client, newDatabaseKey());
      const plainAgain = await timeInitialLoad(path.join(dir, 'load-again.sqlite'), client);
      const plainMean = (load.seconds + plainAgain.seconds) / 2;
      const drain = await timeOutboxDrain(path.join(dir, 'drain.sqlite'), client);
      const loadRate = load.rows / load.seconds;
      const rawRate = raw.rows / raw.seconds;
      const n = options.citizens.toLocaleString('en-KE');
      return [
        { name: `sync initial load (${n} citizens, ${load.rows.toLocaleString('en-KE')} rows)`, value: round(load.seconds, 1), unit: 's', note: 'hub process → HTTP → kiosk replica, indexes built' },
        { name: 'sync initial load rate', value: Math.round(loadRate), unit: 'rows/s', baseline: Math.round(rawRate), note: 'baseline: raw bulk insert of the same rows into an empty kiosk database' },
        { name: 'sync initial load / raw bulk insert', value: round(loadRate / rawRate, 2), unit: 'ratio' },
        {
          name: `sync initial load, encrypted vs plain (${n} citizens)`,
          value: round(sealedLoad.seconds, 1),
          unit: 's',
          baseline: round(plainMean, 1),
          note: `the same load into a sealed kiosk database and replica, between two plain ones; baseline: their mean (${round(load.seconds, 1)} s, ${round(plainAgain.seconds, 1)} s); target ≤ 1.25×`,
        },
        { name: `outbox drain (${DRAIN_EVENTS.toLocaleString('en-KE')} events)`, value: Math.round(DRAIN_EVENTS / drain.seconds), unit: 'events/s', note: `batches of ${defaults.uploadBatchEvents}` },
      ];
    } finally {
      await hub.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function prepareHub(file: string, citizens: number): Promise<string> {
  const store = new SqliteHubStore(file);
  try {
    await importDemoReplica(store, { citizens, seed: 1 });
    return await addKiosk(store, 'bench-kiosk');
  } finally {
    await store.close();
  }
}

/** The loader's own work, on this thread: heavy-work-bench.ts measures it on the loader's thread beside a serving kiosk. */
async function timeInitialLoad(file: string, client: HubClient, key?: DatabaseKey): Promise<{ rows: number; seconds: number }> {
  const db = openDatabase(file, key);
  const replica = new ReplicaStore(file, (liveFile) => reattachReplica(db, liveFile), key);
  try {
    const started = performance.now();
    await downloadStep(replica, client, defaults.downloadPageRows)(new AbortController().signal);
    return { rows: countReplicaRows(db), seconds: (performance.now() - started) / 1000 };
  } finally {
    replica.close();
    db.close();
  }
}

/** The floor: the same rows read from the hub's file and inserted with prepared statements, big transactions. */
function timeRawInsert(hubFile: string, file: string): { rows: number; seconds: number } {
  const source = new Database(hubFile, { readonly: true });
  const db = openDatabase(file);
  try {
    const started = performance.now();
    let rows = 0;
    for (const { name } of REPLICA_TABLES) {
      const read = source.prepare(`SELECT * FROM "${name}"`).raw();
      const columns = read.columns().map((c) => `"${c.name}"`);
      const insert = db.prepare<unknown[]>(`INSERT OR REPLACE INTO "${name}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      const iterator = read.iterate() as IterableIterator<unknown[]>;
      let done = false;
      while (!done) {
        db.transaction(() => {
          for (let i = 0; i < RAW_INSERT_ROWS_PER_TRANSACTION; i++) {
            const next = iterator.next();
            if (next.done) {
              done = true;
              return;
            }
            insert.run(next.value);
            rows++;
          }
        })();
      }
    }
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
    source.close();
  }
}

async function timeOutboxDrain(file: string, client: HubClient): Promise<{ seconds: number }> {
  const db = openDatabase(file);
  const commits = new OffThreadSync(db, silentLogger);
  try {
    const clock = manualClock('2026-11-22T09:00:00+03:00');
    const outbox = new Outbox(db, clock);
    db.transaction(() => {
      for (let i = 0; i < DRAIN_EVENTS; i++) outbox.enqueue('bench.event', { n: i, amount: 1000, reference: `REF-${i}` });
    })();
    const step = uploadStep(
      new OutboxQueue(db, clock),
      client,
      { maxEvents: defaults.uploadBatchEvents, maxBytes: defaults.uploadBatchBytes },
      { db, acknowledged: new HubAcknowledgedHead(db, clock) },
      commits,
    );
    const signal = new AbortController().signal;
    const started = performance.now();
    while ((await step(signal)) !== 'idle');
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    await commits.close();
    db.close();
  }
}

function countReplicaRows(db: Db): number {
  return REPLICA_TABLES.reduce((sum, { name }) => sum + (db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()?.n ?? 0), 0);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
