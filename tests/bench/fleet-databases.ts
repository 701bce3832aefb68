import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { addKiosk } from '../../hub/admin-commands';
import type { HubStore } from '../../hub/store/hub-store';
import { openHubStore } from '../../hub/store/open-hub-store';
import { REPLICA_TABLES } from '../../shared/sync/replica-tables';
import { importDemoReplica } from '../support/demo-replica';
import { findPostgresBinaries, startThrowawayCluster, type ThrowawayCluster } from '../support/postgres-cluster';

/**
 * One of the hub's two databases for the fleet bench: where the hub process keeps its data,
 * and a direct connection to the same database for what the bench checks and for the raw
 * baselines (the same work as the hub's, with no HTTP, no hub, one client).
 */
export interface FleetDatabase {
  name: 'SQLite' | 'PostgreSQL';
  /** `hub/cli.ts serve` arguments: a file, or a postgres:// URL. */
  hubArgs: { file: string; args: string[] };
  /** Events the hub stored for these kiosks (received within [from, to) if given), and how many it rejected. */
  countEvents(kioskPrefix: string, from?: string, to?: string): Promise<{ stored: number; rejected: number }>;
  /** Citizen ids for the back-office writer to edit. */
  citizenIds(limit: number): Promise<number[]>;
  headPosition(): Promise<number>;
  /** The database server's own processes (none for SQLite: it runs inside the hub), for their CPU time. */
  serverPids(): Promise<number[]>;
  /** Each replica table read whole, one SELECT each: the floor of an initial load. */
  rawReadAll(): Promise<{ rows: number; ms: number }>;
  /** One event row INSERTed in its own transaction, `count` times, in a scratch copy of the events table: ms each. */
  rawInsertLatencies(count: number): Promise<number[]>;
  /** The citizens changed in positions (after, through], read as the hub reads a slice of one table: ms each. */
  rawSliceLatencies(after: number, through: number, repeats: number): Promise<number[]>;
  close(): Promise<void>;
}

/** A new hub database of either kind: the demo replica imported and the fleet's kiosks registered (tokens returned by id). */
export async function prepareFleetDatabase(
  kind: 'sqlite' | 'postgres',
  dir: string,
  options: { citizens: number; kioskIds: string[] },
): Promise<{ database: FleetDatabase; tokens: Map<string, string> }> {
  let cluster: ThrowawayCluster | undefined;
  let location: string;
  if (kind === 'postgres') {
    const bin = findPostgresBinaries();
    if (!bin) throw new Error('the fleet bench needs PostgreSQL binaries (/usr/lib/postgresql/<version>/bin or PG_BIN)');
    // Durable, as SQLite's hub is (synchronous=FULL): an acknowledgement means the commit is on disk.
    cluster = await startThrowawayCluster(bin, { durable: true });
    location = cluster.url;
  } else {
    location = path.join(dir, 'hub.sqlite');
  }
  const tokens = new Map<string, string>();
  let store: HubStore | undefined;
  try {
    store = await openHubStore(location);
    await importDemoReplica(store, { citizens: options.citizens, seed: 1 });
    for (const id of options.kioskIds) tokens.set(id, await addKiosk(store, id));
  } catch (error) {
    cluster?.stop();
    throw error;
  } finally {
    await store?.close();
  }
  const database = cluster ? await postgresDatabase(cluster) : sqliteDatabase(location);
  return { database, tokens };
}

const RAW_EVENT = (i: number) => [
  'raw-kiosk',
  i,
  `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  'lookup.searched',
  JSON.stringify({ kioskId: 'raw-kiosk', visitId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, kind: 'idNumber', outcome: 'found', at: new Date().toISOString() }),
  new Date().toISOString(),
  new Date().toISOString(),
];

function sqliteDatabase(file: string): FleetDatabase {
  // A second connection beside the hub's process, with the pragmas the hub's own has.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const time = (work: () => void) => {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  };
  return {
    name: 'SQLite',
    hubArgs: { file, args: [] },
    async countEvents(prefix, from = '', to = '\uffff') {
      const row = db
        .prepare<[string, string, string], { stored: number; rejected: number }>(
          `SELECT count(*) AS stored, count(rejected_reason) AS rejected FROM kiosk_events WHERE kiosk_id LIKE ? || '%' AND received_at >= ? AND received_at < ?`,
        )
        .get(prefix, from, to);
      return { stored: row?.stored ?? 0, rejected: row?.rejected ?? 0 };
    },
    async citizenIds(limit) {
      return db.prepare<[number], { id: number }>('SELECT id FROM citizens ORDER BY random() LIMIT ?').all(limit).map((r) => r.id);
    },
    async headPosition() {
      return db.prepare<[], { head: number }>('SELECT coalesce(max(position), 0) AS head FROM change_log').get()?.head ?? 0;
    },
    async serverPids() {
      return [];
    },
    async rawReadAll() {
      let rows = 0;
      const ms = time(() => {
        for (const { name } of REPLICA_TABLES) rows += db.prepare(`SELECT * FROM "${name}"`).raw().all().length;
      });
      return { rows, ms };
    },
    async rawInsertLatencies(count) {
      const schema = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'kiosk_events'").get()?.sql ?? '';
      db.exec(schema.replace(/kiosk_events/, 'fleet_raw_events').replace(/REFERENCES kiosks \(id\)/, ''));
      const insert = db.prepare('INSERT INTO fleet_raw_events (kiosk_id, seq, id, type, payload, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const samples = Array.from({ length: count }, (_, i) => time(() => insert.run(...RAW_EVENT(i + 1))));
      db.exec('DROP TABLE fleet_raw_events');
      return samples;
    },
    async rawSliceLatencies(after, through, repeats) {
      const slice = db.prepare('SELECT t.* FROM change_log c JOIN citizens t ON t.id = c.row_key WHERE c.position > ? AND c.position <= ? AND c.table_name = ? AND NOT c.deleted ORDER BY c.position').raw();
      return Array.from({ length: repeats }, () => time(() => slice.all(after, through, 'citizens')));
    },
    async close() {
      db.close();
    },
  };
}

async function postgresDatabase(cluster: ThrowawayCluster): Promise<FleetDatabase> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  // The import's writes reach the data files now, not in a checkpoint inside the measured window.
  await client.query('CHECKPOINT');
  const time = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  return {
    name: 'PostgreSQL',
    hubArgs: { file: 'unused.sqlite', args: ['--database-url', cluster.url] },
    async countEvents(prefix, from = '', to = '\uffff') {
      const { rows } = await client.query<{ stored: string; rejected: string }>(
        `SELECT count(*) AS stored, count(rejected_reason) AS rejected FROM kiosk_events WHERE kiosk_id LIKE $1 || '%' AND received_at >= $2 AND received_at < $3`,
        [prefix, from, to],
      );
      return { stored: Number(rows[0]?.stored ?? 0), rejected: Number(rows[0]?.rejected ?? 0) };
    },
    async citizenIds(limit) {
      return (await client.query<{ id: string }>('SELECT id FROM citizens ORDER BY random() LIMIT $1', [limit])).rows.map((r) => Number(r.id));
    },
    async headPosition() {
      return Number((await client.query<{ head: string }>('SELECT coalesce(max(position), 0) AS head FROM change_log')).rows[0]?.head ?? 0);
    },
    async serverPids() {
      return (await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity')).rows.map((r) => r.pid);
    },
    async rawReadAll() {
      let rows = 0;
      const ms = await time(async () => {
        for (const { name } of REPLICA_TABLES) rows += (await client.query({ text: `SELECT * FROM "${name}"`, rowMode: 'array' })).rows.length;
      });
      return { rows, ms };
    },
    async rawInsertLatencies(count) {
      await client.query('CREATE TABLE fleet_raw_events (LIKE kiosk_events INCLUDING ALL)');
      const samples: number[] = [];
      const text = 'INSERT INTO fleet_raw_events (kiosk_id, seq, id, type, payload, created_at, received_at) VALUES ($1, $2, $3, $4, $5::json, $6, $7)';
      for (let i = 1; i <= count; i++) samples.push(await time(() => client.query({ name: 'fleet-raw-insert', text, values: RAW_EVENT(i) })));
      await client.query('DROP TABLE fleet_raw_events');
      return samples;
    },
    async rawSliceLatencies(after, through, repeats) {
      const text = `SELECT t.* FROM change_log c JOIN citizens t ON t.id = c.row_key::bigint
                     WHERE c.position > $1 AND c.position <= $2 AND c.table_name = $3 AND NOT c.deleted ORDER BY c.position`;
      const samples: number[] = [];
      for (let i = 0; i < repeats; i++) samples.push(await time(() => client.query({ name: 'fleet-raw-slice', text, values: [after, through, 'citizens'], rowMode: 'array' })));
      return samples;
    },
    async close() {
      await client.end();
      cluster.stop();
    },
  };
}
