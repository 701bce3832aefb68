import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../electron/core/db/open';
import { attachedReplicaFile } from '../../electron/core/db/replica-attachment';
import { loadingReplicaFile, replicaFolder } from '../../electron/core/db/replica-files';
import { resetHistory } from '../../hub/admin-commands';
import { hubReplicaRows, kioskReplicaRows } from '../support/replica-compare';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';
import { startTestHub, type TestHub } from '../support/test-hub';
import { fastSyncSettings } from '../support/fast-sync-settings';

/**
 * The kiosk database's schema and its attached replica's: each table's columns, and its indexes
 * by what they hold (columns, unique or not). Not their names: a column's UNIQUE makes an index
 * SQLite names itself, and a loaded replica builds the same index by name after its rows.
 */
const schemaOf = (db: Db) =>
  ['main', 'replica'].map((schema) =>
    (db.prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(({ name }) => ({
      table: name,
      columns: db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM ${schema}.pragma_table_info(?)`).all(name),
      indexes: (db.prepare(`SELECT name, "unique" FROM ${schema}.pragma_index_list(?)`).all(name) as { name: string; unique: number }[])
        .map((index) => ({
          unique: index.unique,
          columns: (db.prepare(`SELECT name FROM ${schema}.pragma_index_info(?) ORDER BY seqno`).all(index.name) as { name: string }[]).map((c) => c.name).join(','),
        }))
        .sort((a, b) => a.columns.localeCompare(b.columns)),
    })),
  );

describe('downloading the replica from the hub', () => {
  let hub: TestHub;
  let kiosk: TempKiosk;

  const caughtUp = () =>
    vi.waitFor(() => expect(kioskReplicaRows(kiosk.core.context.db)).toEqual(hubReplicaRows(hub.store.db)), { timeout: 20_000, interval: 50 });
  const citizen = (id: number) =>
    kiosk.core.context.db.prepare('SELECT first_name, passport_number FROM citizens WHERE id = ?').get(id) as { first_name: string; passport_number: string | null };

  beforeEach(async () => {
    hub = await startTestHub({ seedCitizens: 2000 });
    kiosk = tempKiosk({ settings: fastSyncSettings(hub.url, await hub.addKiosk('kiosk-replica'), { downloadPageRows: 100 }) });
    await caughtUp();
  });

  afterEach(async () => {
    await kiosk.dispose();
    await hub.close();
  });

  it('loads the whole replica with the schema a fresh kiosk has, then follows changes, deletions and moved unique values', async () => {
    const fresh = tempKiosk();
    expect(schemaOf(kiosk.core.context.db)).toEqual(schemaOf(fresh.core.context.db));
    await fresh.dispose();

    const passport = citizen(1).passport_number ?? 'A1234567';
    const fine = hub.store.db.prepare('SELECT id FROM fines LIMIT 1').get() as { id: number };
    await hub.store.writeReplica([
      // The passport moves from citizen 1 to citizen 2 while both change.
      { table: 'citizens', upserts: [{ id: 1, passport_number: null, first_name: 'Wanjiru' }] },
      { table: 'citizens', upserts: [{ id: 2, passport_number: passport }] },
      { table: 'citizens', upserts: [{ id: 1, first_name: 'Wanjiku' }] },
      { table: 'fines', deletes: [fine.id] },
      {
        table: 'citizens',
        upserts: [{ id: 900_001, id_number: '99000001', first_name: 'Baraka', last_name: 'Otieno', date_of_birth: '1990-01-01', sex: 'M', updated_at: '2026-11-22T06:00:00Z' }],
      },
    ]);
    await caughtUp();
    expect(citizen(1)).toEqual({ first_name: 'Wanjiku', passport_number: null });
    expect(citizen(2).passport_number).toBe(passport);
    expect(citizen(900_001).first_name).toBe('Baraka');
  });

  it('rebuilds on mustRefetch beside the live replica, which answers lookups until the swap', async () => {
    const { db } = kiosk.core.context;
    const before = citizen(7).first_name;
    await hub.store.writeReplica([{ table: 'citizens', upserts: [{ id: 7, first_name: 'Renamed' }] }]);
    await resetHistory(hub.store);

    const rebuilding = () => loadingReplicaFile(kiosk.databaseFile) !== undefined;
    let lookupsDuringRebuild = 0;
    await vi.waitFor(() => expect(rebuilding()).toBe(true), { timeout: 10_000, interval: 1 });
    while (rebuilding()) {
      // Until the swap the old replica answers, whole and unchanged.
      expect(citizen(7).first_name).toBe(before);
      expect((db.prepare('SELECT count(*) AS n FROM citizens').get() as { n: number }).n).toBe(2000);
      lookupsDuringRebuild++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(lookupsDuringRebuild).toBeGreaterThan(5);
    // The loader renamed its file into place; the core attaches it when it hears so.
    await vi.waitFor(() => expect(citizen(7).first_name).toBe('Renamed'), { timeout: 5_000, interval: 5 });
    // The old generation goes once the new one is attached.
    await vi.waitFor(() => expect(readdirSync(replicaFolder(kiosk.databaseFile)).filter((name) => name.endsWith('.sqlite'))).toEqual([path.basename(attachedReplicaFile(db))]));
    await caughtUp();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
