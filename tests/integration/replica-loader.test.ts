import { readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { attachedReplicaFile, isReplicaReady } from '../../electron/core/db/replica-attachment';
import { liveReplicaFile } from '../../electron/core/db/replica-files';
import { onHeavyJobRun, type HeavyJobRun } from '../../electron/core/heavy-job-runner';
import { migrate } from '../../shared/node/sqlite/migrate';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { fastSyncSettings } from '../support/fast-sync-settings';
import { FaultProxy } from '../support/fault-proxy';
import { accepted, refusalCode, seededKiosk, tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';

let hub: TestHub | undefined;
let proxy: FaultProxy | undefined;
let kiosk: TempKiosk | undefined;
afterEach(async () => {
  await kiosk?.dispose();
  await proxy?.close();
  await hub?.close();
  kiosk = proxy = hub = undefined;
});

describe('the replica loader', () => {
  it('downloads on a thread of its own, and until the first load is complete a search says the kiosk is getting ready, spending nothing', { timeout: 60_000 }, async () => {
    hub = await startTestHub({ seedCitizens: 1500 });
    const token = await hub.addKiosk('kiosk-loader');
    proxy = new FaultProxy(hub.url);
    const url = await proxy.listen();
    // The hub fails the first downloads: the kiosk has no replica yet while the test searches.
    proxy.inject(SYNC_PATHS.download, ...Array<'500'>(10).fill('500'));
    const runs: HeavyJobRun[] = [];
    const stopListening = onHeavyJobRun((run) => runs.push(run));
    kiosk = tempKiosk({ settings: fastSyncSettings(url, token) });
    const { db } = kiosk.core.context;
    const idNumber = (hub.store.db.prepare('SELECT c.id_number FROM citizens c JOIN accounts a ON a.citizen_id = c.id LIMIT 1').get() as { id_number: string }).id_number;

    await accepted(kiosk, 'visit.start', { locale: 'sw' });
    for (let i = 0; i < 5; i++) expect(await refusalCode(kiosk, 'lookup.search', { kind: 'idNumber', value: idNumber })).toBe('lookup.replicaLoading');
    expect(await refusalCode(kiosk, 'recovery.start', { path: 'reset', idNumber })).toBe('lookup.replicaLoading');
    expect(proxy.pending(SYNC_PATHS.download)).toBeGreaterThan(0);
    expect(isReplicaReady(db)).toBe(false);

    await vi.waitFor(() => expect(isReplicaReady(db)).toBe(true), { timeout: 30_000, interval: 20 });
    // The refusals spent none of the visit's searches.
    const found = await accepted(kiosk, 'lookup.search', { kind: 'idNumber', value: idNumber });
    expect(found).toMatchObject({ outcome: 'found', lookupsLeft: 2 });
    expect(attachedReplicaFile(db)).toBe(liveReplicaFile(kiosk.databaseFile));

    // Structural: every download round ran on the loader's thread, never on the one that answers.
    stopListening();
    const rounds = runs.filter((run) => run.job === 'replicaDownload');
    expect(rounds.length).toBeGreaterThan(0);
    for (const round of rounds) {
      expect(round.callerThreadId).toBe(threadId);
      expect(round.threadId).not.toBe(threadId);
    }
  });

  it("once closed, no thread of the kiosk's holds any of its files: its folder can be moved or removed at once", { timeout: 60_000 }, async () => {
    hub = await startTestHub({ seedCitizens: 300 });
    kiosk = tempKiosk({ settings: fastSyncSettings(hub.url, await hub.addKiosk('kiosk-closing')) });
    const { db } = kiosk.core.context;
    await vi.waitFor(() => expect(isReplicaReady(db)).toBe(true), { timeout: 30_000, interval: 20 });
    // The loader's and the checkpointer's threads have the kiosk's files open while it runs.
    expect(openFilesUnder(kiosk.dir).length).toBeGreaterThan(0);
    await kiosk.core.close();
    expect(openFilesUnder(kiosk.dir)).toEqual([]);
  });

  it("never holds up a citizen's search, even while a replica write holds the replica's lock", async () => {
    kiosk = seededKiosk();
    const idNumber = (kiosk.core.context.db.prepare('SELECT c.id_number FROM citizens c JOIN accounts a ON a.citizen_id = c.id LIMIT 1').get() as { id_number: string }).id_number;
    const loader = new Database(liveReplicaFile(kiosk.databaseFile));
    try {
      // As the loader mid-page: the replica file's write lock taken and held.
      loader.exec('BEGIN IMMEDIATE');
      loader.prepare("UPDATE replica_state SET rows_loaded = rows_loaded + 1").run();
      await accepted(kiosk, 'visit.start', { locale: 'en' });
      const started = performance.now();
      const found = await accepted(kiosk, 'lookup.search', { kind: 'idNumber', value: idNumber });
      // Its audit row and outbox event commit to the kiosk's own database: no wait for the
      // replica's lock (the busy timeout would have made it 5 s, then an error).
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(found.outcome).toBe('found');
      expect(kiosk.core.context.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'lookup.search'").get()).toEqual({ n: 1 });
    } finally {
      loader.exec('ROLLBACK');
      loader.close();
    }
  });

  it('moves the replica of a kiosk from before migration 12 into its own file, cursor and all', () => {
    kiosk = tempKiosk({
      prepare: (file) => {
        const old = new Database(file);
        migrate(old, migrations.slice(0, 11));
        old.exec(`
          INSERT INTO fees (code, service, name_en, name_sw, amount, updated_at) VALUES ('DL-RENEW', 'dl', 'Renewal', 'Kufanya upya', 650, '2026-11-22T06:00:00Z');
          INSERT INTO citizens (id, id_number, first_name, last_name, date_of_birth, sex, updated_at) VALUES (1, '12345678', 'Achieng', 'Otieno', '1990-01-01', 'F', '2026-11-22T06:00:00Z');
          INSERT INTO accounts (id, citizen_id, account_type, status, created_at, updated_at) VALUES (1, 1, 'citizen', 'active', '2020-01-01', '2026-11-22T06:00:00Z');
          INSERT INTO fines (id, reference, citizen_id, offence, offence_sw, amount, issued_on, status, updated_at) VALUES (1, 'F-1', 1, 'Speeding', 'Mwendo kasi', 3000, '2026-11-01', 'unpaid', '2026-11-22T06:00:00Z');
          INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES ('replica', 'cursor-at-42', '2026-11-22T06:00:00Z');
        `);
        old.close();
      },
    });
    const { db } = kiosk.core.context;
    expect(db.prepare("SELECT name FROM main.sqlite_schema WHERE name IN ('citizens', 'fines', 'fees')").all()).toEqual([]);
    expect(db.prepare('SELECT stream FROM sync_cursors').all()).toEqual([]);
    expect(isReplicaReady(db)).toBe(true);
    expect(path.dirname(attachedReplicaFile(db))).toBe(`${kiosk.databaseFile}-replica`);
    const replica = new Database(attachedReplicaFile(db), { readonly: true });
    try {
      expect(replica.prepare('SELECT cursor, rows_loaded FROM replica_state').get()).toEqual({ cursor: 'cursor-at-42', rows_loaded: 4 });
      expect(replica.prepare('SELECT offence, offence_sw FROM fines').get()).toEqual({ offence: 'Speeding', offence_sw: 'Mwendo kasi' });
    } finally {
      replica.close();
    }
    // Opened again, it moves nothing twice.
    openDatabase(kiosk.databaseFile).close();
    expect(db.prepare('SELECT count(*) AS n FROM citizens').get()).toEqual({ n: 1 });
  });
});

/** Files under a folder that this process (any of its threads) has open. */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // closed while listed
      }
    })
    .filter((file) => file.startsWith(dir + path.sep));
}
