import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveReplicaFile, loadingReplicaFile } from '../../electron/core/db/replica-files';
import { HubClient } from '../../electron/core/sync/hub-client';
import { LOAD_SLICE_ROWS, ReplicaStore } from '../../electron/core/sync/replica-store';
import type { ChangePage } from '../../shared/sync/protocol';
import { startTestHub, type TestHub } from '../support/test-hub';

/** The unique indexes of `file`'s citizens table, by the columns they cover. */
function uniqueCitizenColumns(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const indexes = db.prepare<[], { name: string }>(`SELECT name FROM pragma_index_list('citizens') WHERE "unique" = 1`).all();
    return indexes.map(({ name }) => db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?)').all(name).map((c) => c.name).join(',')).sort();
  } finally {
    db.close();
  }
}

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('a load writes its pages in slices, into a file whose unique indexes come at the end', () => {
  let hub: TestHub;
  let dir: string;
  let databaseFile: string;
  let store: ReplicaStore;
  let page: ChangePage;

  beforeEach(async () => {
    hub = await startTestHub({ seedCitizens: LOAD_SLICE_ROWS * 2 + 100 });
    dir = mkdtempSync(path.join(os.tmpdir(), 'replica-slices-'));
    databaseFile = path.join(dir, 'kiosk.sqlite');
    store = new ReplicaStore(databaseFile, () => undefined);
    const client = new HubClient({ hubUrl: hub.url, kioskToken: await hub.addKiosk('kiosk-slices'), timeoutMs: 10_000 });
    const response = await client.download(undefined, LOAD_SLICE_ROWS * 3, new AbortController().signal);
    if ('mustRefetch' in response) throw new Error('a first download cannot be told to refetch');
    page = response;
    expect(page.changes[0]).toMatchObject({ table: 'citizens' });
    expect(page.changes[0]!.upserts.length).toBeGreaterThan(LOAD_SLICE_ROWS * 2);
  });
  afterEach(async () => {
    store.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a page that fails in its third slice keeps its first two, not its cursor; sent again, it is counted once', () => {
    store.beginRebuild();
    const loading = loadingReplicaFile(databaseFile)!;
    // While loading, the citizens' unique columns (ID number, passport, KRA PIN) have no index to keep in order.
    expect(uniqueCitizenColumns(loading)).toEqual([]);

    const citizens = page.changes[0]!;
    const broken = structuredClone(page);
    broken.changes[0]!.upserts[LOAD_SLICE_ROWS * 2 + 5] = citizens.upserts[0]!.slice(1);
    expect(() => store.apply(broken, 'next')).toThrow(/cells for/);
    // Two slices committed, the third rolled back; the cursor did not move past the page.
    expect(count(loading, 'SELECT count(*) AS n FROM citizens')).toBe(LOAD_SLICE_ROWS * 2);
    expect(store.position()).toEqual({ target: 'next', cursor: undefined });

    const rowsInPage = page.changes.reduce((n, c) => n + c.upserts.length + c.deletes.length, 0);
    expect(store.apply(page, 'next')).toBe(rowsInPage);
    expect(count(loading, 'SELECT count(*) AS n FROM citizens')).toBe(citizens.upserts.length);
    expect(store.position()).toEqual({ target: 'next', cursor: page.cursor });
  });

  const loadEveryPage = async (kioskId: string) => {
    const client = new HubClient({ hubUrl: hub.url, kioskToken: await hub.addKiosk(kioskId), timeoutMs: 10_000 });
    store.beginRebuild();
    for (let cursor: string | undefined; ; ) {
      const next = await client.download(cursor, LOAD_SLICE_ROWS * 3, new AbortController().signal);
      if ('mustRefetch' in next) throw new Error('unexpected mustRefetch');
      store.apply(next, 'next');
      if (!next.hasMore) break;
      cursor = next.cursor;
    }
  };

  it('a complete load has the unique indexes a fresh replica has, and they hold', async () => {
    const fresh = uniqueCitizenColumns(liveReplicaFile(databaseFile));
    expect(fresh).toEqual(['id_number', 'kra_pin', 'passport_number']);

    await loadEveryPage('kiosk-whole');
    store.finishRebuild();
    const live = liveReplicaFile(databaseFile);
    expect(uniqueCitizenColumns(live)).toEqual(fresh);
    expect(count(live, 'SELECT count(*) AS n FROM citizens')).toBe(LOAD_SLICE_ROWS * 2 + 100);

    // A second citizen with the first one's ID number replaces it, as on a fresh replica.
    const [first, second] = page.changes[0]!.upserts;
    const columns = page.changes[0]!.columns;
    const idNumber = first![columns.indexOf('id_number')]!;
    const moved = [...second!];
    moved[columns.indexOf('id_number')] = idNumber;
    store.apply({ changes: [{ table: 'citizens', columns, upserts: [moved], deletes: [] }], cursor: 'after', hasMore: false }, 'live');
    const db = new Database(live, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT id FROM citizens WHERE id_number = ?').all(idNumber)).toEqual([{ id: second![columns.indexOf('id')] }]);
    } finally {
      db.close();
    }
  });

  it('a load cut short while its indexes were being built finishes when the kiosk starts again', async () => {
    await loadEveryPage('kiosk-cut-short');
    const loading = loadingReplicaFile(databaseFile)!;
    // What the crashed build had done: one index of the schema's and one unique index.
    const partial = new Database(loading);
    partial.exec('CREATE INDEX citizens_by_phone ON citizens (phone); CREATE UNIQUE INDEX citizens_unique_id_number ON citizens (id_number)');
    partial.close();
    store.close();

    store = new ReplicaStore(databaseFile, () => undefined);
    expect(store.position()).toMatchObject({ target: 'next' });
    store.finishRebuild();
    const live = liveReplicaFile(databaseFile);
    expect(uniqueCitizenColumns(live)).toEqual(['id_number', 'kra_pin', 'passport_number']);
    expect(count(live, "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'index' AND name = 'citizens_by_phone'")).toBe(1);
    expect(count(live, 'SELECT count(*) AS n FROM citizens')).toBe(LOAD_SLICE_ROWS * 2 + 100);
  });
});
