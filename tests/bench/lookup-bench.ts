import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import type { LookupQuery } from '../../shared/contract/lookup';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { silentLogger } from '../../shared/node/logging/logger';
import { LookupService } from '../../electron/core/lookup/lookup-service';
import { startHost } from '../../electron/host/host-server';
import { BENCH_KEY, cachedBenchDatabase, cachedSealedBenchDatabase, copyBenchDatabase } from './bench-database';
import type { BenchRow } from './bench-row';
import { round } from './median';

type Kind = LookupQuery['kind'];

/** Keys drawn per kind; each is looked up once per pass, service and raw interleaved. */
const KEYS_PER_KIND = 3_000;
const PASSES = 5;
const INVOKE_SAMPLES = 1000;
const BROWSER_SAMPLES = 80;
const root = path.resolve(import.meta.dirname, '../..');
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** Limits out of the way: the bench measures speed, not the abuse limits. */
const benchSettings = { lookup: { lookupsPerVisit: 100, kioskLookupsPerWindow: 100_000 } };

/**
 * The raw prepared point query for the same facts the service reads: the citizen by the
 * key's index with their accounts by theirs, in one statement (a correlated subquery: the
 * LEFT JOIN form of it measured two to three times slower here). The plain one-table query
 * is measured too, for the note.
 */
const KEY_COLUMN: Record<Kind, string> = { idNumber: 'id_number', phone: 'phone', passport: 'passport_number', kraPin: 'kra_pin' };
const rawSql = (kind: Kind) =>
  `SELECT c.*, (SELECT json_group_array(json_array(a.id, a.account_type, a.status, a.business_name)) FROM accounts a WHERE a.citizen_id = c.id) AS accounts
   FROM citizens c WHERE c.${KEY_COLUMN[kind]} = ?`;
const citizensOnlySql = (kind: Kind) => `SELECT * FROM citizens WHERE ${KEY_COLUMN[kind]} = ?`;

/**
 * Lookup speed on the big replica. (1) Each key through the core's LookupService (prepared
 * statements, accounts, masking) beside the raw better-sqlite3 point query on the same
 * database, interleaved key by key in the same run: p50 and p99. (2) The whole call
 * through the dispatcher (validation, audit row and outbox event committed, the WAL synced before the answer).
 * (3) In Chromium through the browser host: from the tap on Search to the masked answer
 * painted, p95. (4) The service on a sealed (encrypted) copy beside the plain one. Runs on a
 * copy, since searching writes audit rows.
 */
export async function runLookupBench(options: { citizens: number; databaseFile?: string; rendererDir?: string }): Promise<BenchRow[]> {
  const source = options.databaseFile ?? cachedBenchDatabase(options.citizens);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lookup-bench-'));
  try {
    const databaseFile = path.join(dir, 'kiosk.sqlite');
    copyBenchDatabase(source, databaseFile);
    const n = options.citizens.toLocaleString('en-KE');
    const db = openDatabase(databaseFile);
    let rows: BenchRow[];
    try {
      rows = serviceAgainstRaw(db, n);
    } finally {
      db.close();
    }
    const sealedFile = copiedSealed(options.citizens, dir);
    rows.push(...sealedAgainstPlain(databaseFile, sealedFile, n));
    rows.push(...(await throughDispatcher(databaseFile, sealedFile)));
    rows.push(await tapToPaint(databaseFile, options.rendererDir ?? builtRenderer(), n));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function serviceAgainstRaw(db: Db, n: string): BenchRow[] {
  const service = new LookupService(db);
  const rows: BenchRow[] = [];
  for (const kind of ['idNumber', 'phone', 'passport', 'kraPin'] as const) {
    const keys = sampleKeys(db, kind, KEYS_PER_KIND);
    const raw = db.prepare(rawSql(kind));
    const citizensOnly = db.prepare(citizensOnlySql(kind));
    const serviceTimes: number[] = [];
    const rawTimes: number[] = [];
    const citizensOnlyTimes: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      // The one-table query in a loop of its own, so it never warms pages for the other two.
      for (const key of keys) citizensOnlyTimes.push(time(() => citizensOnly.get(key)));
      // Service and raw query key by key, taking turns to go first (and find the pages cold).
      for (const [i, key] of keys.entries()) {
        const lookUp = () => serviceTimes.push(time(() => service.find({ kind, value: key } as LookupQuery)));
        const query = () => rawTimes.push(time(() => raw.all(key)));
        if ((i + pass) % 2 === 0) {
          lookUp();
          query();
        } else {
          query();
          lookUp();
        }
      }
    }
    const found = keys.filter((key) => service.find({ kind, value: key } as LookupQuery).outcome !== 'not-found').length;
    if (found !== keys.length) throw new Error(`${kind}: only ${found} of ${keys.length} sampled keys found`);
    for (const p of [50, 99] as const) {
      const note = `${keys.length.toLocaleString('en-KE')} random keys × ${PASSES}, interleaved; baseline: raw prepared query of the citizen by ${KEY_COLUMN[kind]} with their accounts (the citizens row alone: ${round(percentile(citizensOnlyTimes, p), 1)} µs)`;
      rows.push({ name: `lookup by ${kind} through the core service, p${p} (${n} citizens)`, value: round(percentile(serviceTimes, p), 1), unit: 'µs', baseline: round(percentile(rawTimes, p), 1), note });
    }
  }
  return rows;
}

/** A copy of the sealed bench database in `dir`. */
function copiedSealed(citizens: number, dir: string): string {
  const file = path.join(dir, 'sealed.sqlite');
  copyBenchDatabase(cachedSealedBenchDatabase(citizens), file);
  return file;
}

/**
 * The same lookups through the core's service on the sealed copy and on the plain one, key by
 * key, taking turns to go first: what encryption at rest costs a search. Each connection has
 * its own page cache, so every page a lookup misses there is read (and, sealed, decrypted) anew.
 */
export function sealedAgainstPlain(plainFile: string, sealedFile: string, n: string): BenchRow[] {
  const plain = openDatabase(plainFile);
  const sealed = openDatabase(sealedFile, BENCH_KEY);
  try {
    const rows: BenchRow[] = [];
    for (const kind of ['idNumber', 'phone'] as const) {
      const keys = sampleKeys(plain, kind, KEYS_PER_KIND);
      const services = { plain: new LookupService(plain), sealed: new LookupService(sealed) };
      const times = { plain: [] as number[], sealed: [] as number[] };
      for (let pass = 0; pass < PASSES; pass++) {
        for (const [i, key] of keys.entries()) {
          const order = (i + pass) % 2 === 0 ? (['plain', 'sealed'] as const) : (['sealed', 'plain'] as const);
          for (const side of order) times[side].push(time(() => services[side].find({ kind, value: key } as LookupQuery)));
        }
      }
      const found = keys.filter((key) => services.sealed.find({ kind, value: key } as LookupQuery).outcome !== 'not-found').length;
      if (found !== keys.length) throw new Error(`sealed ${kind}: only ${found} of ${keys.length} sampled keys found`);
      const note = `${keys.length.toLocaleString('en-KE')} random keys × ${PASSES}, interleaved; baseline: the same lookups on the plain (unencrypted) copy; p50 ${round(percentile(times.sealed, 50), 1)} µs sealed, ${round(percentile(times.plain, 50), 1)} µs plain; target ≤ 1.25×`;
      rows.push({ name: `lookup by ${kind} through the core service, p99, encrypted vs plain (${n} citizens)`, value: round(percentile(times.sealed, 99), 1), unit: 'µs', baseline: round(percentile(times.plain, 99), 1), note });
    }
    return rows;
  } finally {
    sealed.close();
    plain.close();
  }
}

/**
 * The whole `lookup.search` call as a shell makes it: contract validation, the search, the
 * audit row and outbox event (synced before the answer). On the plain database and on the sealed copy, key by key,
 * taking turns to go first: what encryption at rest costs a citizen's search.
 */
async function throughDispatcher(plainFile: string, sealedFile: string): Promise<BenchRow[]> {
  const cores = { plain: createKioskCore({ databaseFile: plainFile, settings: benchSettings, version: 'bench' }), sealed: createKioskCore({ databaseFile: sealedFile, databaseKey: BENCH_KEY, settings: benchSettings, version: 'bench' }) };
  try {
    const keys = sampleKeys(cores.plain.context.db, 'idNumber', INVOKE_SAMPLES);
    const times = { plain: [] as number[], sealed: [] as number[] };
    for (let i = 0; i < keys.length; i++) {
      for (const side of i % 2 === 0 ? (['plain', 'sealed'] as const) : (['sealed', 'plain'] as const)) {
        // A new visit every 90 searches keeps within the per-visit limit.
        if (i % 90 === 0) await cores[side].invoke('visit.start', { locale: 'en' });
        const started = performance.now();
        const result = await cores[side].invoke('lookup.search', { kind: 'idNumber', value: keys[i] });
        times[side].push((performance.now() - started) * 1000);
        if (!result.ok) throw new Error(`lookup.search refused (${side}): ${result.error.code}`);
      }
    }
    const note = `${keys.length} searches by ID number; validation, audit row and outbox event in one transaction, its WAL synced (fdatasync, off the answering thread) before the answer`;
    const rows: BenchRow[] = [50, 99].map((p) => ({ name: `lookup.search through the dispatcher, p${p}`, value: round(percentile(times.plain, p), 1), unit: 'µs', note }));
    for (const p of [50, 99]) {
      rows.push({
        name: `lookup.search through the dispatcher, p${p}, encrypted vs plain`,
        value: round(percentile(times.sealed, p), 1),
        unit: 'µs',
        baseline: round(percentile(times.plain, p), 1),
        note: `${note}; the same searches, interleaved, on the sealed copy and the plain one; target ≤ 1.25×`,
      });
    }
    return rows;
  } finally {
    cores.sealed.close();
    cores.plain.close();
  }
}

async function tapToPaint(databaseFile: string, rendererDir: string, n: string): Promise<BenchRow> {
  const core = createKioskCore({ databaseFile, settings: benchSettings, version: 'bench' });
  const host = await startHost({ core, rendererDir, log: silentLogger });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const keys = sampleKeys(core.context.db, 'idNumber', BROWSER_SAMPLES + 5);
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(host.newLaunchUrl());
    await page.getByTestId('touch-to-start').tap();
    await page.getByTestId('language-en').tap();
    await page.getByTestId('service-find').tap();
    await watchTapToPaint(page);
    const times: number[] = [];
    for (const [i, key] of keys.entries()) {
      await page.getByTestId('lookup-by-idNumber').tap();
      await page.getByTestId('lookup-value').fill(key);
      await page.getByTestId('lookup-search').tap();
      await page.getByTestId('lookup-masked-name').waitFor();
      const ms = await page.waitForFunction(() => (window as unknown as { lastTapToPaint?: number }).lastTapToPaint).then((handle) => handle.jsonValue());
      await page.evaluate(() => delete (window as unknown as { lastTapToPaint?: number }).lastTapToPaint);
      // The first few warm the page's code paths and the host's connection.
      if (i >= 5) times.push(ms as number);
      await page.getByTestId('lookup-again').tap();
    }
    await context.close();
    return {
      name: `tap Search → masked answer painted, p95 (${n} citizens)`,
      value: round(percentile(times, 95), 1),
      unit: 'ms',
      note: `Chromium through the browser host, ${times.length} searches by ID number; median ${round(percentile(times, 50), 1)} ms; target under 100 ms`,
    };
  } finally {
    await browser.close();
    await host.close();
    await core.close();
  }
}

/** In the page: time from the pointerdown on Search to the frame after the masked name appears. */
async function watchTapToPaint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { tapAt?: number; lastTapToPaint?: number };
    document.addEventListener(
      'pointerdown',
      (event) => {
        if ((event.target as Element).closest('[data-testid="lookup-search"]')) state.tapAt = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const tapAt = state.tapAt;
      if (tapAt === undefined || !document.querySelector('[data-testid="lookup-masked-name"]')) return;
      state.tapAt = undefined;
      // The rAF callback runs before the frame is painted; the task after it runs once it has been.
      requestAnimationFrame(() => setTimeout(() => (state.lastTapToPaint = performance.now() - tapAt)));
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * Random existing keys of one kind, spread over the whole table (phones in E.164, as the
 * contract hands them over, and unshared, so the service answers one account as the raw
 * query does). At most a quarter of the keys that exist, so drawing stays quick.
 */
function sampleKeys(db: Db, kind: Kind, wanted: number): string[] {
  const column = KEY_COLUMN[kind];
  const existing = (db.prepare(`SELECT count(${column}) AS n FROM citizens`).get() as { n: number }).n;
  const count = Math.min(wanted, Math.floor(existing / 4));
  const maxId = (db.prepare('SELECT max(id) AS n FROM citizens').get() as { n: number }).n;
  const pick = db.prepare<[number], { key: string | null }>(`SELECT ${column} AS key FROM citizens WHERE id >= ? AND ${column} IS NOT NULL LIMIT 1`);
  const shared = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM citizens WHERE phone = ?');
  const keys = new Set<string>();
  while (keys.size < count) {
    const key = pick.get(randomInt(1, maxId + 1))?.key;
    if (key && (kind !== 'phone' || shared.get(key)?.n === 1)) keys.add(key);
  }
  return [...keys];
}

function time(work: () => unknown): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1000;
}

/** Nearest-rank percentile. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * The renderer in a folder of the bench's own (other builds replace out/ while this runs):
 * the one `npm run bench` has just built, else built here.
 */
function builtRenderer(outDir = path.join(root, '.cache/bench/out'), fresh = false): string {
  const rendererDir = path.join(outDir, 'renderer');
  if (fresh || !existsSync(path.join(rendererDir, 'index.html'))) execFileSync('npx', ['electron-vite', 'build', '--outDir', outDir], { cwd: root, stdio: 'ignore' });
  return rendererDir;
}

// `npx tsx tests/bench/lookup-bench.ts [citizens]` builds the renderer afresh and prints this benchmark's rows alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const citizens = Number(process.argv[2] ?? '1000000');
  const rendererDir = builtRenderer(path.join(root, '.cache/bench/lookup-out'), true);
  console.table(await runLookupBench({ citizens, rendererDir }));
}
