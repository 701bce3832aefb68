import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubStore, JudgedEvent, NewMpesaCallback } from '../../hub/store/hub-store';
import type { TableChanges } from '../../shared/sync/protocol';
import { REPLICA_TABLES_DDL } from '../../shared/sync/replica-tables';
import { HUB_STORES, type OpenedStore } from '../support/hub-stores';

/** The HubStore contract (hub/store/hub-store.ts), the same assertions against every store. */

const AT = '2025-03-01T08:00:00.000Z';
const LATER = '2025-03-01T09:00:00.000Z';

const citizen = (id: number, name = `Citizen ${id}`) => ({
  id,
  id_number: String(10_000_000 + id),
  first_name: name,
  last_name: 'Kamau',
  date_of_birth: '1988-04-15',
  sex: 'F',
  updated_at: AT,
});
const account = (id: number, citizenId: number) => ({ id, citizen_id: citizenId, account_type: 'citizen', status: 'active', created_at: AT, updated_at: AT });
const fee = (code: string, amount = 550) => ({ code, service: 'ntsa', name_en: code, name_sw: code, amount, updated_at: AT });

const accepted = (seq: number, id = `event-${seq}`, payload: unknown = { n: seq }): JudgedEvent => ({
  seq,
  verdict: 'accepted',
  event: { seq, id, type: 'visit.started', payload, createdAt: AT },
});
const rejected = (seq: number, reason: string): JudgedEvent => ({ seq, verdict: 'rejected', id: `event-${seq}`, type: 'nonsense', reason });

const callback = (checkoutRequestId: string, overrides: Partial<NewMpesaCallback> = {}): NewMpesaCallback => ({
  checkoutRequestId,
  attemptReference: null,
  body: { Body: { stkCallback: { CheckoutRequestID: checkoutRequestId, ResultCode: 0 } } },
  resultCode: 0,
  receiptNumber: `R-${checkoutRequestId}`,
  amount: 1_050,
  receivedAt: AT,
  ...overrides,
});

/** The changes of one table in a slice, rows as objects by column name. */
function rowsOf(changes: TableChanges[], table: string): Array<Record<string, unknown>> {
  const entry = changes.find((c) => c.table === table);
  return (entry?.upserts ?? []).map((cells) => Object.fromEntries(entry?.columns.map((column, i) => [column, cells[i]]) ?? []));
}
const deletesOf = (changes: TableChanges[], table: string) => changes.find((c) => c.table === table)?.deletes ?? [];

/** Reads the whole history from a position in pages of `limit`, as a kiosk does. */
async function readAll(store: HubStore, after: number, limit: number): Promise<TableChanges[][]> {
  const pages: TableChanges[][] = [];
  let position = after;
  for (;;) {
    const slice = await store.readChanges(position, limit);
    pages.push(slice.changes);
    position = slice.through;
    if (!slice.hasMore) return pages;
  }
}

describe.each(HUB_STORES)('the hub store on $name', ({ open }) => {
  let opened: OpenedStore;
  let store: HubStore;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => opened.discard());

  describe('kiosks', () => {
    it('adds a kiosk once, finds it by its token, and refuses the same id again', async () => {
      expect(await store.addKiosk('kiosk-1', 'hash-1', AT)).toBe(true);
      expect(await store.addKiosk('kiosk-1', 'hash-2', AT)).toBe(false);
      expect(await store.kioskForToken('hash-1')).toBe('kiosk-1');
      expect(await store.kioskForToken('hash-2')).toBeUndefined();
    });

    it('replaces a token: the old one stops working; an unknown kiosk is false', async () => {
      await store.addKiosk('kiosk-1', 'hash-1', AT);
      expect(await store.replaceKioskToken('kiosk-1', 'hash-new')).toBe(true);
      expect(await store.kioskForToken('hash-1')).toBeUndefined();
      expect(await store.kioskForToken('hash-new')).toBe('kiosk-1');
      expect(await store.replaceKioskToken('nobody', 'hash-x')).toBe(false);
    });

    it('disables a kiosk: its token stops working at once; an unknown kiosk is false', async () => {
      await store.addKiosk('kiosk-1', 'hash-1', AT);
      expect(await store.disableKiosk('kiosk-1', AT)).toBe(true);
      expect(await store.kioskForToken('hash-1')).toBeUndefined();
      expect(await store.disableKiosk('kiosk-1', LATER)).toBe(true);
      expect(await store.disableKiosk('nobody', AT)).toBe(false);
    });

    it('lists kiosks by id with their centre, progress, rejections and last heartbeat', async () => {
      await store.addCentre({ id: 'nyeri', name: 'Huduma Centre Nyeri', badgeKey: 'k'.repeat(64), createdAt: AT });
      await store.addKiosk('kiosk-b', 'hash-b', LATER, 'nyeri');
      await store.addKiosk('kiosk-a', 'hash-a', AT);
      await store.applyEvents('kiosk-a', [accepted(1), rejected(2, 'unknown-type'), accepted(3)], AT);
      const heartbeat = { version: '1.2.0', eventsWaiting: 4, oldestWaitingAgeSeconds: 30, rejectedCount: 1, lastSyncAt: AT };
      await store.recordHeartbeat('kiosk-a', heartbeat, LATER);
      await store.recordHeartbeat('kiosk-a', { ...heartbeat, eventsWaiting: 0 }, LATER);
      expect(await store.listKiosks()).toEqual([
        { id: 'kiosk-a', createdAt: AT, centreId: null, appliedThrough: 3, rejectedCount: 1, heartbeat: { ...heartbeat, eventsWaiting: 0, receivedAt: LATER } },
        { id: 'kiosk-b', createdAt: LATER, centreId: 'nyeri', appliedThrough: 0, rejectedCount: 0, heartbeat: null },
      ]);
    });
  });

  describe('events', () => {
    beforeEach(async () => {
      await store.addKiosk('kiosk-1', 'hash-1', AT);
    });

    it('stores a batch in order and lists it back as sent, payloads whole', async () => {
      // A NUL inside a payload's text too: PostgreSQL's json keeps its escape (its text and jsonb would not).
      const payload = { amount: 1_050, nested: { list: [1, 'two', null] }, text: 'Jambo — ü', nul: 'a\u0000b' };
      const outcome = await store.applyEvents('kiosk-1', [accepted(1, 'a', payload), rejected(2, 'unknown-type'), accepted(3, 'c')], LATER);
      expect(outcome).toEqual({ kind: 'applied', appliedThrough: 3, rejected: [{ seq: 2, reason: 'unknown-type' }] });
      expect(await store.listEvents('kiosk-1', 0, 10)).toEqual([
        { seq: 1, id: 'a', type: 'visit.started', payload, createdAt: AT, receivedAt: LATER, rejectedReason: null },
        { seq: 2, id: 'event-2', type: 'nonsense', payload: null, createdAt: null, receivedAt: LATER, rejectedReason: 'unknown-type' },
        { seq: 3, id: 'c', type: 'visit.started', payload: { n: 3 }, createdAt: AT, receivedAt: LATER, rejectedReason: null },
      ]);
    });

    it('skips what it already has: a resent batch changes nothing and reports its rejections again', async () => {
      await store.applyEvents('kiosk-1', [accepted(1), rejected(2, 'too-large')], AT);
      const again = await store.applyEvents('kiosk-1', [accepted(1), rejected(2, 'too-large'), accepted(3)], LATER);
      expect(again).toEqual({ kind: 'applied', appliedThrough: 3, rejected: [{ seq: 2, reason: 'too-large' }] });
      const events = await store.listEvents('kiosk-1', 0, 10);
      expect(events.map((e) => [e.seq, e.receivedAt])).toEqual([[1, AT], [2, AT], [3, LATER]]);
    });

    it('refuses a gap, after the last applied event or inside the batch, storing nothing', async () => {
      await store.applyEvents('kiosk-1', [accepted(1)], AT);
      expect(await store.applyEvents('kiosk-1', [accepted(3)], AT)).toEqual({ kind: 'conflict', error: 'gap', appliedThrough: 1 });
      expect(await store.applyEvents('kiosk-1', [accepted(2), accepted(4)], AT)).toEqual({ kind: 'conflict', error: 'gap', appliedThrough: 1 });
      expect((await store.listEvents('kiosk-1', 0, 10)).map((e) => e.seq)).toEqual([1]);
    });

    it('refuses other events under numbers it holds (history mismatch), all or nothing', async () => {
      await store.applyEvents('kiosk-1', [accepted(1, 'first'), accepted(2, 'second')], AT);
      const outcome = await store.applyEvents('kiosk-1', [accepted(2, 'another'), accepted(3, 'third')], LATER);
      expect(outcome).toEqual({ kind: 'conflict', error: 'history-mismatch', appliedThrough: 2 });
      expect((await store.listEvents('kiosk-1', 0, 10)).map((e) => e.id)).toEqual(['first', 'second']);
      expect((await store.listKiosks())[0]?.appliedThrough).toBe(2);
    });

    it('an empty batch applies nothing and says where the kiosk stands', async () => {
      await store.applyEvents('kiosk-1', [accepted(1)], AT);
      expect(await store.applyEvents('kiosk-1', [], AT)).toEqual({ kind: 'applied', appliedThrough: 1, rejected: [] });
    });

    it('refuses events of an unknown kiosk', async () => {
      await expect(store.applyEvents('nobody', [accepted(1)], AT)).rejects.toThrow(/unknown kiosk/);
    });

    it('lists events after a number, a page at a time, each kiosk its own', async () => {
      await store.addKiosk('kiosk-2', 'hash-2', AT);
      await store.applyEvents('kiosk-1', Array.from({ length: 7 }, (_, i) => accepted(i + 1)), AT);
      await store.applyEvents('kiosk-2', [accepted(1, 'other')], AT);
      expect((await store.listEvents('kiosk-1', 0, 3)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.listEvents('kiosk-1', 3, 3)).map((e) => e.seq)).toEqual([4, 5, 6]);
      expect((await store.listEvents('kiosk-1', 6, 3)).map((e) => e.seq)).toEqual([7]);
      expect(await store.listEvents('kiosk-1', 7, 3)).toEqual([]);
      expect((await store.listEvents('kiosk-2', 0, 10)).map((e) => e.id)).toEqual(['other']);
    });
  });

  describe('replica history', () => {
    it('starts empty, in an epoch of its own', async () => {
      const slice = await store.readChanges(0, 100);
      expect(slice).toMatchObject({ head: 0, through: 0, changes: [], hasMore: false, totalRows: 0 });
      expect(slice.epoch).toMatch(/\S/);
    });

    it('gives each written row once, with every column in table order, parents before children', async () => {
      await store.writeReplica([{ table: 'citizens', upserts: [citizen(1), citizen(2)] }, { table: 'accounts', upserts: [account(10, 1)] }]);
      const slice = await store.readChanges(0, 100);
      expect(slice).toMatchObject({ head: 3, through: 3, hasMore: false, totalRows: 3 });
      expect(slice.changes.map((c) => c.table)).toEqual(['citizens', 'accounts']);
      expect(slice.changes[0]?.columns).toEqual([
        'id', 'id_number', 'id_serial', 'passport_number', 'kra_pin', 'first_name', 'middle_name', 'last_name', 'date_of_birth', 'sex', 'phone', 'email', 'updated_at',
      ]);
      expect(rowsOf(slice.changes, 'citizens')).toEqual([
        { ...citizen(1), id_serial: null, passport_number: null, kra_pin: null, middle_name: null, phone: null, email: null },
        { ...citizen(2), id_serial: null, passport_number: null, kra_pin: null, middle_name: null, phone: null, email: null },
      ]);
      expect(rowsOf(slice.changes, 'accounts')).toEqual([{ ...account(10, 1), business_name: null, kra_pin: null }]);
    });

    it('updates only the columns an edit names, and moves the row to a new position', async () => {
      await store.writeReplica([{ table: 'citizens', upserts: [citizen(1), citizen(2)] }, { table: 'fees', upserts: [fee('DL-1Y')] }]);
      const before = await store.readChanges(0, 100);
      await store.writeReplica([{ table: 'citizens', upserts: [{ id: 1, first_name: 'Wanjiru' }] }]);
      const after = await store.readChanges(before.head, 100);
      expect(after.head).toBeGreaterThan(before.head);
      expect(rowsOf(after.changes, 'citizens')).toMatchObject([{ id: 1, first_name: 'Wanjiru', last_name: 'Kamau', id_number: '10000001' }]);
      expect(after.changes.map((c) => c.table)).toEqual(['citizens']);
      // One entry per row: the whole history still holds three.
      expect((await store.readChanges(0, 100)).totalRows).toBe(3);
      expect(rowsOf((await store.readChanges(0, 100)).changes, 'fees')).toMatchObject([{ code: 'DL-1Y', convenience_fee: 0, active: 1 }]);
    });

    it('pages by position: hasMore until the head, each page ending where the next starts', async () => {
      await store.writeReplica([{ table: 'citizens', upserts: [1, 2, 3, 4, 5].map((id) => citizen(id)) }]);
      const first = await store.readChanges(0, 2);
      expect(first).toMatchObject({ head: 5, hasMore: true, totalRows: 5 });
      expect(rowsOf(first.changes, 'citizens').map((r) => r.id)).toEqual([1, 2]);
      const pages = await readAll(store, 0, 2);
      expect(pages.map((changes) => rowsOf(changes, 'citizens').map((r) => r.id))).toEqual([[1, 2], [3, 4], [5]]);
      expect(await store.readChanges(5, 2)).toMatchObject({ through: 5, changes: [], hasMore: false });
    });

    it('keeps a deletion as a tombstone, keyed as the table keys rows, until reset-history', async () => {
      await store.writeReplica([{ table: 'citizens', upserts: [citizen(1), citizen(2)] }, { table: 'fees', upserts: [fee('DL-1Y'), fee('SEARCH')] }]);
      const { head, epoch } = await store.readChanges(0, 100);
      await store.writeReplica([{ table: 'citizens', deletes: [2] }, { table: 'fees', deletes: ['SEARCH'] }]);
      const delta = await store.readChanges(head, 100);
      expect(deletesOf(delta.changes, 'citizens')).toEqual([2]);
      expect(deletesOf(delta.changes, 'fees')).toEqual(['SEARCH']);
      expect(delta.totalRows).toBe(4);
      // From nothing, the deleted rows are tombstones only.
      const all = await store.readChanges(0, 100);
      expect(rowsOf(all.changes, 'citizens').map((r) => r.id)).toEqual([1]);
      expect(deletesOf(all.changes, 'citizens')).toEqual([2]);

      await store.resetHistory('epoch-2');
      const reset = await store.readChanges(0, 100);
      expect(reset.epoch).toBe('epoch-2');
      expect(reset.epoch).not.toBe(epoch);
      expect(reset.totalRows).toBe(2);
      expect(deletesOf(reset.changes, 'citizens')).toEqual([]);
      expect(deletesOf(reset.changes, 'fees')).toEqual([]);
      expect(rowsOf(reset.changes, 'fees').map((r) => r.code)).toEqual(['DL-1Y']);
    });

    it('writes a row again after deleting it: the tombstone becomes the row', async () => {
      await store.writeReplica([{ table: 'fees', upserts: [fee('DL-1Y')] }]);
      await store.writeReplica([{ table: 'fees', deletes: ['DL-1Y'] }]);
      await store.writeReplica([{ table: 'fees', upserts: [fee('DL-1Y', 650)] }]);
      const all = await store.readChanges(0, 100);
      expect(all.totalRows).toBe(1);
      expect(deletesOf(all.changes, 'fees')).toEqual([]);
      expect(rowsOf(all.changes, 'fees')).toMatchObject([{ code: 'DL-1Y', amount: 650 }]);
    });

    it('refuses an edit batch as a whole: unknown table or column, a row without its key, an orphaning delete', async () => {
      await store.writeReplica([{ table: 'citizens', upserts: [citizen(1)] }, { table: 'accounts', upserts: [account(10, 1)] }]);
      const before = await store.readChanges(0, 100);
      const refused = [
        [{ table: 'fees', upserts: [fee('NEW')] }, { table: 'nowhere', upserts: [{ id: 1 }] }],
        [{ table: 'fees', upserts: [fee('NEW')] }, { table: 'citizens', upserts: [{ id: 1, favourite_colour: 'blue' }] }],
        [{ table: 'fees', upserts: [fee('NEW')] }, { table: 'citizens', upserts: [{ first_name: 'Nobody' }] }],
        [{ table: 'fees', upserts: [fee('NEW')] }, { table: 'citizens', deletes: [1] }],
        [{ table: 'fees', upserts: [fee('NEW')] }, { table: 'accounts', upserts: [account(11, 99)] }],
      ];
      for (const edits of refused) {
        await expect(store.writeReplica(edits as Parameters<HubStore['writeReplica']>[0])).rejects.toThrow();
      }
      const after = await store.readChanges(0, 100);
      expect(after.head).toBeLessThanOrEqual(before.head + refused.length * 2);
      expect(after.totalRows).toBe(before.totalRows);
      expect(rowsOf(after.changes, 'fees')).toEqual([]);
      expect(rowsOf(after.changes, 'citizens').map((r) => r.id)).toEqual([1]);
    });

    it('reads one snapshot: a slice never names a row past its own head', async () => {
      await store.writeReplica([{ table: 'citizens', upserts: [citizen(1)] }]);
      const [slice] = await Promise.all([store.readChanges(0, 100), store.writeReplica([{ table: 'citizens', upserts: [citizen(2)] }])]);
      const ids = rowsOf(slice.changes, 'citizens').map((r) => r.id);
      expect(ids).toEqual(slice.head === 1 ? [1] : [1, 2]);
      expect(slice.totalRows).toBe(slice.head);
    });
  });

  describe('importing a replica file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'hub-import-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    /** A back-office export: the replica tables as the kiosk's first migration made them (no offence_sw), and a table the hub does not replicate. */
    function exportFile(citizens: number): string {
      const file = path.join(dir, 'export.sqlite');
      const db = new Database(file);
      db.exec(REPLICA_TABLES_DDL);
      db.exec('CREATE TABLE back_office_notes (id INTEGER PRIMARY KEY, note TEXT)');
      const insert = db.prepare('INSERT INTO citizens (id, id_number, first_name, last_name, date_of_birth, sex, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (let id = 1; id <= citizens; id++) insert.run(id, String(20_000_000 + id), `Name ${id}`, 'Otieno', '1979-11-02', 'M', AT);
      })();
      db.prepare("INSERT INTO fines (id, reference, citizen_id, offence, amount, issued_on, status, updated_at) VALUES (1, 'NTSA-F-1', 2, 'Speeding', 3000, '2025-01-01', 'unpaid', ?)").run(AT);
      db.prepare("INSERT INTO fees (code, service, name_en, name_sw, amount, updated_at) VALUES ('DL-1Y', 'ntsa', 'Licence', 'Leseni', 600, ?)").run(AT);
      db.close();
      return file;
    }

    it('fills an empty hub, every row logged as a change in table and key order', async () => {
      const summary = await store.importReplica(exportFile(12_345));
      expect(summary.rows).toBe(12_347);
      expect(summary.ms).toBeGreaterThanOrEqual(0);
      const first = await store.readChanges(0, 3);
      expect(first).toMatchObject({ head: 12_347, hasMore: true, totalRows: 12_347 });
      expect(rowsOf(first.changes, 'citizens').map((r) => r.id)).toEqual([1, 2, 3]);
      const tail = await store.readChanges(12_345, 100);
      expect(tail.changes.map((c) => c.table)).toEqual(['fines', 'fees']);
      expect(rowsOf(tail.changes, 'fines')).toEqual([
        { id: 1, reference: 'NTSA-F-1', citizen_id: 2, vehicle_id: null, offence: 'Speeding', amount: 3000, issued_on: '2025-01-01', status: 'unpaid', updated_at: AT, offence_sw: null },
      ]);
      expect(rowsOf(tail.changes, 'fees')).toMatchObject([{ code: 'DL-1Y', convenience_fee: 0, active: 1 }]);
    });

    it('refuses a hub that already has citizens, and a file without the replica tables', async () => {
      const file = exportFile(3);
      await store.importReplica(file);
      await expect(store.importReplica(file)).rejects.toThrow(/already has 3 citizens/);

      await opened.discard();
      opened = await open();
      const other = opened.store;
      const empty = path.join(dir, 'empty.sqlite');
      new Database(empty).close();
      await expect(other.importReplica(empty)).rejects.toThrow(/has no citizens table/);
      expect((await other.readChanges(0, 10)).head).toBe(0);
    });
  });

  describe('audit heads', () => {
    beforeEach(async () => {
      await store.addKiosk('kiosk-1', 'hash-1', AT);
      await store.addKiosk('kiosk-2', 'hash-2', AT);
    });
    const hash = (c: string) => c.repeat(64);

    /** An upload of no events, carrying only the kiosk's audit head. */
    const headOnly = (kioskId: string, head: { id: number; hash: string }, at = AT) => store.applyEvents(kioskId, [], at, head);
    const stored = { kind: 'applied', appliedThrough: 0, rejected: [] };

    it('keeps heads that move forward, and the latest again as a repeat', async () => {
      expect(await headOnly('kiosk-1', { id: 5, hash: hash('a') })).toEqual(stored);
      expect(await headOnly('kiosk-1', { id: 5, hash: hash('a') }, LATER)).toEqual(stored);
      expect(await headOnly('kiosk-1', { id: 9, hash: hash('b') }, LATER)).toEqual(stored);
      expect(await store.listAuditHeads('kiosk-1', 0, 10)).toEqual([
        { id: 5, hash: hash('a'), receivedAt: AT },
        { id: 9, hash: hash('b'), receivedAt: LATER },
      ]);
    });

    it('refuses a head behind the latest, or another hash at the latest row, naming the latest', async () => {
      await headOnly('kiosk-1', { id: 9, hash: hash('b') });
      expect(await headOnly('kiosk-1', { id: 5, hash: hash('a') })).toEqual({ kind: 'audit-head-conflict', latest: { id: 9, hash: hash('b') } });
      expect(await headOnly('kiosk-1', { id: 9, hash: hash('c') })).toEqual({ kind: 'audit-head-conflict', latest: { id: 9, hash: hash('b') } });
      expect(await store.listAuditHeads('kiosk-1', 0, 10)).toHaveLength(1);
    });

    it('stores an upload with its head in one piece: a refused head stores none of its events, a kept one all of them', async () => {
      await headOnly('kiosk-1', { id: 9, hash: hash('b') });
      expect(await store.applyEvents('kiosk-1', [accepted(1), accepted(2)], AT, { id: 5, hash: hash('a') })).toEqual({
        kind: 'audit-head-conflict',
        latest: { id: 9, hash: hash('b') },
      });
      expect(await store.listEvents('kiosk-1', 0, 10)).toEqual([]);
      expect(await store.applyEvents('kiosk-1', [accepted(1), accepted(2)], LATER, { id: 12, hash: hash('c') })).toEqual({ kind: 'applied', appliedThrough: 2, rejected: [] });
      expect((await store.listEvents('kiosk-1', 0, 10)).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.listAuditHeads('kiosk-1', 0, 10)).map((h) => h.id)).toEqual([9, 12]);
    });

    it('applies one kiosk\'s uploads one after the other: a burst of the same and of following batches stores each event once, without a gap', async () => {
      const batches = Array.from({ length: 12 }, (_, i) => {
        const first = (i % 4) * 2 + 1;
        return store.applyEvents('kiosk-1', [accepted(first), accepted(first + 1)], AT, { id: first + 1, hash: hash(String(first + 1).slice(-1)) });
      });
      const outcomes = await Promise.all(batches);
      // Only batches that follow on from what had committed can apply; the others are gaps, or heads behind, never half-stored.
      for (const outcome of outcomes) expect(['applied', 'conflict', 'audit-head-conflict']).toContain(outcome.kind);
      const seqs = (await store.listEvents('kiosk-1', 0, 100)).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect((await store.listKiosks())[0]?.appliedThrough).toBe(seqs.length);
      const heads = (await store.listAuditHeads('kiosk-1', 0, 100)).map((h) => h.id);
      expect(heads).toEqual([...heads].sort((a, b) => a - b));
      expect(new Set(heads).size).toBe(heads.length);
    });

    it("lists a kiosk's own heads after a row, a page at a time", async () => {
      for (const id of [1, 2, 3, 4]) await headOnly('kiosk-1', { id, hash: hash(String(id)) });
      await headOnly('kiosk-2', { id: 1, hash: hash('z') });
      expect((await store.listAuditHeads('kiosk-1', 1, 2)).map((h) => h.id)).toEqual([2, 3]);
      expect((await store.listAuditHeads('kiosk-2', 0, 10)).map((h) => h.hash)).toEqual([hash('z')]);
    });
  });

  describe('M-Pesa callbacks', () => {
    beforeEach(async () => {
      await store.addKiosk('kiosk-1', 'hash-1', AT);
      await store.addKiosk('kiosk-2', 'hash-2', AT);
    });

    it('keeps each distinct body once per push and attempt tag', async () => {
      expect(await store.keepMpesaCallback(callback('ws_CO_1'))).toBe(true);
      expect(await store.keepMpesaCallback(callback('ws_CO_1'))).toBe(false);
      expect(await store.keepMpesaCallback(callback('ws_CO_1', { body: { forged: true }, resultCode: 1032, receiptNumber: null }))).toBe(true);
      expect(await store.keepMpesaCallback(callback('ws_CO_1', { attemptReference: 'ATT-1' }))).toBe(true);
      const found = await store.findMpesaCallbacks('kiosk-1', { checkoutRequestIds: ['ws_CO_1'], attemptReferences: [] });
      expect(found).toEqual([
        { attemptReference: null, body: callback('ws_CO_1').body },
        { attemptReference: null, body: { forged: true } },
        { attemptReference: 'ATT-1', body: callback('ws_CO_1').body },
      ]);
    });

    it('gives a push or attempt to the first kiosk that asks; another kiosk asking reads nothing', async () => {
      await store.keepMpesaCallback(callback('ws_CO_1'));
      await store.keepMpesaCallback(callback('ws_CO_2', { attemptReference: 'ATT-2' }));
      // Asked before any callback came: the push is still this kiosk's.
      expect(await store.findMpesaCallbacks('kiosk-1', { checkoutRequestIds: ['ws_CO_1', 'ws_CO_3'], attemptReferences: [] })).toHaveLength(1);
      expect(await store.findMpesaCallbacks('kiosk-2', { checkoutRequestIds: ['ws_CO_1'], attemptReferences: [] })).toEqual([]);
      await store.keepMpesaCallback(callback('ws_CO_3'));
      expect(await store.findMpesaCallbacks('kiosk-2', { checkoutRequestIds: ['ws_CO_3'], attemptReferences: [] })).toEqual([]);
      expect((await store.findMpesaCallbacks('kiosk-1', { checkoutRequestIds: ['ws_CO_3'], attemptReferences: [] })).map((c) => c.body)).toEqual([callback('ws_CO_3').body]);
      expect(await store.findMpesaCallbacks('kiosk-2', { checkoutRequestIds: [], attemptReferences: ['ATT-2'] })).toEqual([{ attemptReference: 'ATT-2', body: callback('ws_CO_2').body }]);
      expect(await store.findMpesaCallbacks('kiosk-1', { checkoutRequestIds: [], attemptReferences: ['ATT-2'] })).toEqual([]);
    });

    it('lists successful money no uploaded payment claims, once per receipt, with the kiosk that asked', async () => {
      await store.keepMpesaCallback(callback('ws_CO_1', { receivedAt: '2025-03-01T07:00:00.000Z' }));
      await store.keepMpesaCallback(callback('ws_CO_1', { attemptReference: 'ATT-1', receivedAt: '2025-03-01T07:01:00.000Z' }));
      await store.keepMpesaCallback(callback('ws_CO_2', { receivedAt: '2025-03-01T07:30:00.000Z' }));
      await store.keepMpesaCallback(callback('ws_CO_3', { resultCode: 1032, receiptNumber: null }));
      await store.keepMpesaCallback(callback('ws_CO_4', { receivedAt: LATER }));
      await store.findMpesaCallbacks('kiosk-2', { checkoutRequestIds: ['ws_CO_2'], attemptReferences: [] });
      await store.applyEvents(
        'kiosk-1',
        [
          { seq: 1, verdict: 'accepted', event: { seq: 1, id: 'paid-1', type: 'payment.paid', payload: { providerReference: 'R-ws_CO_1' }, createdAt: AT } },
          { seq: 2, verdict: 'rejected', id: 'paid-2', type: 'payment.paid', reason: 'schema' },
        ],
        AT,
      );
      expect(await store.unclaimedMpesaPayments(AT)).toEqual([
        { receiptNumber: 'R-ws_CO_2', amount: 1_050, checkoutRequestId: 'ws_CO_2', attemptReference: null, kioskId: 'kiosk-2', receivedAt: '2025-03-01T07:30:00.000Z' },
      ]);
      expect((await store.unclaimedMpesaPayments(LATER)).map((p) => p.receiptNumber)).toEqual(['R-ws_CO_2', 'R-ws_CO_4']);
    });
  });
});
