import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syncSettingsSchema } from '../../electron/core/settings/sync-settings';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import type { BenchRow } from './bench-row';
import type { FleetClientJob, FleetClientReport } from './fleet-client';
import { machineCpuMs, processCpuMs } from './fleet-cpu';
import { prepareFleetDatabase, type FleetDatabase } from './fleet-databases';
import { cursorAtHead, loadReplicaAtOnce } from './fleet-initial-load';
import type { FleetSchedule, KioskSamples } from './fleet-kiosk';
import { startReplicaWriter } from './fleet-writer';
import { median, percentile, round } from './median';

const kioskDefaults = syncSettingsSchema.parse({});

/** The run's shape; each can be set from the environment (FLEET_*), e.g. FLEET_SECONDS=10 FLEET_KIOSKS=20 while developing. */
export interface FleetOptions {
  stores: Array<'sqlite' | 'postgres'>;
  fleetSizes: number[];
  /** Steady load measured per (store, size), after `warmupSeconds` of unmeasured ramp-up. */
  seconds: number;
  warmupSeconds: number;
  citizens: number;
  /** Kiosks that make their first load at the same time. */
  loadKiosks: number;
  /** Client processes for a fleet above 100 kiosks (one below). */
  clientProcesses: number;
  writerRowsPerSecond: number;
}

export function fleetOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FleetOptions {
  const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
  const number = (name: string, fallback: number) => (env[name] === undefined ? fallback : Number(env[name]));
  return {
    stores: list(env.FLEET_STORES ?? 'sqlite,postgres') as FleetOptions['stores'],
    fleetSizes: list(env.FLEET_KIOSKS ?? '50,500').map(Number),
    seconds: number('FLEET_SECONDS', 40),
    warmupSeconds: number('FLEET_WARMUP_SECONDS', 5),
    citizens: number('FLEET_CITIZENS', 100_000),
    loadKiosks: number('FLEET_LOAD_KIOSKS', 5),
    clientProcesses: number('FLEET_CLIENT_PROCESSES', 2),
    writerRowsPerSecond: number('FLEET_WRITER_ROWS_PER_SECOND', 3),
  };
}

/** The target the issue sets: 500 kiosks at one event a second each, p99 acknowledgement under 250 ms on PostgreSQL. */
const TARGET = { kiosks: 500, store: 'PostgreSQL', p99AckMs: 250 };
const RAW_INSERTS = 1000;
const RAW_SLICE_REPEATS = 200;

/**
 * Many kiosks against one hub (`npm run bench -- fleet`): the hub in its own process on
 * SQLite, then on PostgreSQL, each fresh; a fleet of simulated kiosks in client processes
 * beside it uploading an event a second each, heartbeating and polling deltas at the kiosk's
 * own intervals while a back-office writer edits the replica; and the first load served to
 * several kiosks at once. Every row beside the same work done raw on the same database.
 */
export async function runFleetBench(options: FleetOptions = fleetOptionsFromEnv()): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const kind of options.stores) rows.push(...(await benchOneStore(kind, options)));
  return rows;
}

async function benchOneStore(kind: 'sqlite' | 'postgres', options: FleetOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-'));
  const fleets = options.fleetSizes.map((size) => ({ size, ids: Array.from({ length: size }, (_, i) => `fleet${size}-${String(i + 1).padStart(3, '0')}`) }));
  const loadIds = Array.from({ length: options.loadKiosks }, (_, i) => `first-load-${i + 1}`);
  console.log(`  ${kind}: importing ${options.citizens.toLocaleString('en-KE')} citizens, registering ${fleets.reduce((n, f) => n + f.size, 0) + loadIds.length} kiosks…`);
  const { database, tokens } = await prepareFleetDatabase(kind, dir, { citizens: options.citizens, kioskIds: [...loadIds, ...fleets.flatMap((f) => f.ids)] });
  const token = (id: string) => tokens.get(id) ?? '';
  const adminToken = randomBytes(32).toString('base64url');
  let hub: HubProcess | undefined;
  try {
    // Logging to a file, as deployed (`--log`), not to a pipe this process would have to read.
    // FLEET_HUB_NODE_OPTIONS reaches the hub alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/hub-profile` to see where its time goes.
    const hubNodeOptions = process.env.FLEET_HUB_NODE_OPTIONS ? { NODE_OPTIONS: process.env.FLEET_HUB_NODE_OPTIONS } : {};
    hub = await startHubProcess(database.hubArgs.file, [...database.hubArgs.args, '--log', path.join(dir, 'hub.log')], { ...process.env, ...hubNodeOptions, HUB_ADMIN_TOKEN: adminToken });
    const rows: BenchRow[] = [];
    const store = database.name;

    const load = await loadReplicaAtOnce(hub.url, loadIds.map(token), kioskDefaults.downloadPageRows);
    const raw = await database.rawReadAll();
    const loadRows = load.loads[0]?.rows ?? 0;
    const perKiosk = median(load.loads.map((l) => l.rows / (l.ms / 1000)));
    const rawRate = raw.rows / (raw.ms / 1000);
    rows.push(
      {
        name: `fleet ${store}: first load served to ${options.loadKiosks} kiosks at once (${options.citizens.toLocaleString('en-KE')} citizens, ${loadRows.toLocaleString('en-KE')} rows)`,
        value: round(load.ms / 1000, 1),
        unit: 's',
        note: `hub process → HTTP → ${options.loadKiosks} kiosks' HubClients in this process, pages of ${kioskDefaults.downloadPageRows.toLocaleString('en-KE')} rows parsed, not written (the sync rows time the kiosk's writing); each kiosk ${load.loads.map((l) => round(l.ms / 1000, 1)).join(' / ')} s`,
      },
      {
        name: `fleet ${store}: first load rate per kiosk, ${options.loadKiosks} at once`,
        value: Math.round(perKiosk),
        unit: 'rows/s',
        baseline: Math.round(rawRate),
        note: `median of the ${options.loadKiosks} kiosks; baseline: one client's bare SELECT * of every replica table from the same database (${round(raw.ms / 1000, 2)} s for ${raw.rows.toLocaleString('en-KE')} rows)`,
      },
    );

    let cursor = load.loads[0]?.cursor ?? '';
    const fleetResults: Array<{ size: number; result: FleetResult }> = [];
    for (const fleet of fleets) {
      cursor = await cursorAtHead(hub.url, token(loadIds[0] ?? ''), cursor);
      console.log(`  ${kind}: ${fleet.size} kiosks for ${options.warmupSeconds} + ${options.seconds} s…`);
      const result = await runFleet(hub, database, adminToken, fleet.ids.map((id) => ({ id, token: token(id), cursor })), `fleet${fleet.size}-`, options);
      fleetResults.push({ size: fleet.size, result });
    }

    // The raw baselines last, with the hub idle: the same engine, the same database, one client, no HTTP.
    const rawInsert = await database.rawInsertLatencies(RAW_INSERTS);
    const head = await database.headPosition();
    for (const { size, result } of fleetResults) {
      const sliceRows = Math.max(1, Math.round(median(result.downloadRows.length ? result.downloadRows : [1])));
      const rawSlice = await database.rawSliceLatencies(head - sliceRows, head, RAW_SLICE_REPEATS);
      rows.push(...fleetRows(store, size, result, rawInsert, rawSlice, sliceRows, options));
    }
    return rows;
  } finally {
    await hub?.stop();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface FleetResult {
  offeredPerSecond: number;
  acceptedPerSecond: number;
  generated: number;
  acknowledged: number;
  storedTotal: number;
  rejected: number;
  ackMs: number[];
  downloadMs: number[];
  downloadRows: number[];
  heartbeatMs: number[];
  errors: string[];
  writerEdits: number;
  cpu: { hub: number; server: number; clients: number; machineBusy: number; cores: number };
  clientLoopDelayP99Ms: number;
  processes: number;
}

/** One fleet against the running hub: client processes started, the window measured, the store checked after. */
async function runFleet(hub: HubProcess, database: FleetDatabase, adminToken: string, kiosks: FleetClientJob['kiosks'], prefix: string, options: FleetOptions): Promise<FleetResult> {
  const processes = kiosks.length > 100 ? Math.max(1, options.clientProcesses) : 1;
  // Time for the client processes to start (tsx compiles them) before the first kiosk's first event.
  const startAt = Date.now() + 4000;
  const schedule: FleetSchedule = {
    hubUrl: hub.url,
    startAt,
    warmupMs: options.warmupSeconds * 1000,
    durationMs: options.seconds * 1000,
    eventIntervalMs: 1000,
    heartbeatIntervalMs: kioskDefaults.heartbeatIntervalSeconds * 1000,
    downloadIntervalMs: kioskDefaults.downloadIntervalSeconds * 1000,
    downloadPageRows: kioskDefaults.downloadPageRows,
    requestTimeoutMs: kioskDefaults.requestTimeoutSeconds * 1000,
  };
  const windowStart = startAt + schedule.warmupMs;
  const windowEnd = windowStart + schedule.durationMs;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-clients-'));
  const writer = startReplicaWriter(hub.url, adminToken, await database.citizenIds(1000), options.writerRowsPerSecond);
  try {
    const children = Array.from({ length: processes }, (_, p) => {
      const job: FleetClientJob = { schedule, kiosks: kiosks.filter((_, i) => i % processes === p) };
      const jobFile = path.join(dir, `job-${p}.json`);
      const reportFile = path.join(dir, `report-${p}.json`);
      writeFileSync(jobFile, JSON.stringify(job));
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fleet-client.ts'), jobFile, reportFile], { stdio: ['ignore', 'inherit', 'inherit'] });
      const done = new Promise<FleetClientReport>((resolve, reject) =>
        child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(reportFile, 'utf8')) as FleetClientReport) : reject(new Error(`a fleet client exited with ${code}`)))),
      );
      return { pid: child.pid ?? 0, done };
    });

    // CPU of the hub, the database server and the clients over the measured window alone.
    const sampleCpu = async () => {
      const serverPids = await database.serverPids();
      return {
        hub: processCpuMs(hub.pid),
        server: new Map(serverPids.map((pid) => [pid, processCpuMs(pid)])),
        machine: machineCpuMs(),
      };
    };
    await sleepUntil(windowStart);
    const before = await sampleCpu();
    await sleepUntil(windowEnd);
    const after = await sampleCpu();
    const reports = await Promise.all(children.map((c) => c.done));
    const written = await writer.stop();

    const windowSeconds = schedule.durationMs / 1000;
    const perCore = (ms: number) => round((ms / (windowSeconds * 1000)) * 100, 0);
    const serverMs = [...after.server].reduce((sum, [pid, ms]) => sum + ms - (before.server.get(pid) ?? 0), 0);
    const kioskSamples: KioskSamples[] = reports.flatMap((r) => r.kiosks);
    const all = <K extends 'ackMs' | 'downloadMs' | 'downloadRows' | 'heartbeatMs' | 'errors'>(key: K) => kioskSamples.flatMap<KioskSamples[K][number]>((k) => k[key]);
    const inWindow = await database.countEvents(prefix, new Date(windowStart).toISOString(), new Date(windowEnd).toISOString());
    const total = await database.countEvents(prefix);
    return {
      offeredPerSecond: kioskSamples.reduce((n, k) => n + k.generatedInWindow, 0) / windowSeconds,
      acceptedPerSecond: (inWindow.stored - inWindow.rejected) / windowSeconds,
      generated: kioskSamples.reduce((n, k) => n + k.generated, 0),
      acknowledged: kioskSamples.reduce((n, k) => n + k.acknowledged, 0),
      storedTotal: total.stored,
      rejected: total.rejected,
      ackMs: all('ackMs'),
      downloadMs: all('downloadMs'),
      downloadRows: all('downloadRows'),
      heartbeatMs: all('heartbeatMs'),
      errors: [...all('errors'), ...written.errors],
      writerEdits: written.edits,
      cpu: {
        hub: perCore(after.hub - before.hub),
        server: perCore(serverMs),
        clients: perCore(reports.reduce((sum, r) => sum + r.windowCpuMs, 0)),
        machineBusy: round(((after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total)) * 100, 0),
        cores: os.cpus().length,
      },
      clientLoopDelayP99Ms: Math.max(...reports.map((r) => r.loopDelayP99Ms)),
      processes,
    };
  } finally {
    await writer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function fleetRows(store: string, size: number, r: FleetResult, rawInsert: number[], rawSlice: number[], sliceRows: number, options: FleetOptions): BenchRow[] {
  const name = (what: string) => `fleet ${store}, ${size} kiosks: ${what}`;
  const ms = (value: number) => round(value, 1);
  const lost = r.acknowledged - (r.storedTotal - r.rejected);
  const errors = r.errors.length === 0 ? '0 errors' : `${r.errors.length} ERRORS (first: ${[...new Set(r.errors)].slice(0, 2).join('; ')})`;
  const cpu = `in the window the hub process used ${r.cpu.hub}% of a core${store === 'PostgreSQL' ? `, PostgreSQL ${r.cpu.server}%` : ''}, the ${r.processes} client process${r.processes > 1 ? 'es' : ''} ${r.cpu.clients}% (same machine), the machine ${r.cpu.machineBusy}% of its ${r.cpu.cores} cores; client event-loop delay p99 ${ms(r.clientLoopDelayP99Ms)} ms`;
  const target = store === TARGET.store && size === TARGET.kiosks ? `; target < ${TARGET.p99AckMs} ms: ${percentile(r.ackMs, 99) < TARGET.p99AckMs ? 'met' : 'NOT met'}` : '';
  const rawNote = `baseline: one client's bare INSERT of one event row in its own transaction into the same database, hub idle (${RAW_INSERTS} inserts)`;
  return [
    {
      name: name('sustained accepted events/s'),
      value: round(r.acceptedPerSecond, 1),
      unit: 'events/s',
      baseline: round(r.offeredPerSecond, 1),
      note: `hub-side count of events received in the ${options.seconds} s window (after ${options.warmupSeconds} s ramp-up); baseline: events the kiosks made in it (1 a second each). ${r.generated.toLocaleString('en-KE')} events made, ${r.acknowledged.toLocaleString('en-KE')} acknowledged, ${r.storedTotal.toLocaleString('en-KE')} in the store (${r.rejected} rejected, ${lost === 0 ? 'none lost' : `${lost} LOST`}); ${errors}; ${cpu}`,
    },
    { name: name('upload acknowledgement p50'), value: ms(percentile(r.ackMs, 50)), unit: 'ms', baseline: ms(percentile(rawInsert, 50)), note: `${r.ackMs.length.toLocaleString('en-KE')} uploads (request sent → 200), each with its audit head; ${rawNote}` },
    { name: name('upload acknowledgement p99'), value: ms(percentile(r.ackMs, 99)), unit: 'ms', baseline: ms(percentile(rawInsert, 99)), note: `${rawNote}${target}` },
    {
      name: name('delta download p50'),
      value: ms(percentile(r.downloadMs, 50)),
      unit: 'ms',
      baseline: ms(percentile(rawSlice, 50)),
      note: `${r.downloadMs.length} polls (every ${kioskDefaults.downloadIntervalSeconds} s a kiosk, first at a random point), median ${sliceRows} rows each, while the back office edited ${options.writerRowsPerSecond} rows/s (${r.writerEdits} edits); baseline: the bare SELECT of a slice of ${sliceRows} changed citizens as the hub joins it, same database`,
    },
    { name: name('delta download p99'), value: ms(percentile(r.downloadMs, 99)), unit: 'ms', baseline: ms(percentile(rawSlice, 99)), note: `longest of ${r.downloadMs.length}: ${ms(Math.max(...r.downloadMs, 0))} ms` },
    { name: name('heartbeat p99'), value: ms(percentile(r.heartbeatMs, 99)), unit: 'ms', note: `${r.heartbeatMs.length} heartbeats (every ${kioskDefaults.heartbeatIntervalSeconds} s a kiosk); p50 ${ms(percentile(r.heartbeatMs, 50))} ms` },
  ];
}

const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
