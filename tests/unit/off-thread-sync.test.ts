import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/clock';
import { createDispatcher } from '../../electron/core/dispatch';
import { OffThreadSync } from '../../electron/core/db/off-thread-sync';
import { openDatabase, type Db } from '../../electron/core/db/open';
import type { Handlers } from '../../electron/core/handlers';
import { HubAcknowledgedHead } from '../../electron/core/audit/hub-acknowledged-head';
import { HubClient } from '../../electron/core/sync/hub-client';
import { OutboxQueue } from '../../electron/core/sync/outbox-queue';
import { uploadStep } from '../../electron/core/sync/uploader';
import { Outbox } from '../../electron/core/outbox';
import { silentLogger } from '../../shared/node/logging/logger';
import { startTestHub } from '../support/test-hub';

const FULL = 2;
const NORMAL = 1;

/** A promise the test settles by hand: a sync held in flight. */
function gate() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** How many of this process's file descriptors are open on `file`. */
const handlesOn = (file: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;

describe('commits synced off the answering thread', () => {
  let dir: string;
  let db: Db;
  let sync: OffThreadSync;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'off-thread-sync-'));
    db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    sync = new OffThreadSync(db, silentLogger);
  });
  afterEach(async () => {
    await sync.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const synchronous = () => db.pragma('synchronous', { simple: true });
  const visitsCount = () => (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
  const insertVisit = (id: string) => db.prepare("INSERT INTO visits (id, started_at, locale) VALUES (?, '2026-12-03T09:00:00Z', 'en')").run(id);

  it('commits without SQLite’s own sync, syncs the WAL itself, and leaves the connection syncing every other commit', async () => {
    expect(synchronous()).toBe(FULL);
    let inside = 0;
    sync.commit(() => {
      inside = synchronous() as number;
      insertVisit('v1');
    });
    expect(inside).toBe(NORMAL);
    expect(synchronous()).toBe(FULL);
    // Committed at once (another connection sees it), synced by a handle of its own on the WAL.
    const other = openDatabase(db.name);
    expect((other.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n).toBe(1);
    other.close();
    await sync.synced();
    // SQLite's own, and the one it syncs through.
    expect(handlesOn(`${db.name}-wal`)).toBe(2);
  });

  it('commits the bookkeeping without a sync of its own: no new sync to wait for, and the next sync carries it', async () => {
    sync.commit(() => insertVisit('v1'));
    const first = sync.synced();
    let inside = 0;
    sync.commitWithoutSync(() => {
      inside = synchronous() as number;
      insertVisit('v2');
    });
    expect(inside).toBe(NORMAL);
    expect(synchronous()).toBe(FULL);
    expect(visitsCount()).toBe(2);
    // An answer made now waits for the sync it already had, not for one more.
    expect(sync.synced()).toBe(first);
    sync.commit(() => insertVisit('v3'));
    expect(sync.synced()).not.toBe(first);
    await sync.synced();
  });

  it('rolls back a write that fails, and the connection still syncs every other commit', () => {
    expect(() =>
      sync.commit(() => {
        insertVisit('v1');
        throw new Error('the write failed half way');
      }),
    ).toThrow('half way');
    expect(visitsCount()).toBe(0);
    expect(synchronous()).toBe(FULL);
  });

  it('inside a transaction leaves the commit (and its sync) to it', () => {
    db.transaction(() => {
      sync.commit(() => insertVisit('v1'));
      expect(synchronous()).toBe(FULL);
    })();
    expect(visitsCount()).toBe(1);
  });

  it('lets go of the WAL when closed', async () => {
    sync.commit(() => insertVisit('v1'));
    await sync.synced();
    expect(handlesOn(`${db.name}-wal`)).toBe(2);
    await sync.close();
    expect(handlesOn(`${db.name}-wal`)).toBe(1);
    expect(() => sync.commit(() => insertVisit('v2'))).not.toThrow();
    await expect(sync.synced()).rejects.toThrow(/closing/);
  });

  it('a commit whose sync was awaited, and one without a sync, survive the process killed at once (SIGKILL)', () => {
    const script = `
      import { openDatabase } from './electron/core/db/open';
      import { OffThreadSync } from './electron/core/db/off-thread-sync';
      import { silentLogger } from './shared/node/logging/logger';
      const db = openDatabase(${JSON.stringify(db.name)});
      const sync = new OffThreadSync(db, silentLogger);
      sync.commit(() => db.prepare("INSERT INTO visits (id, started_at, locale) VALUES ('killed', '2026-12-03T09:00:00Z', 'sw')").run());
      await sync.synced();
      // A process killed loses nothing the operating system was given, synced or not.
      sync.commitWithoutSync(() => db.prepare("INSERT INTO visits (id, started_at, locale) VALUES ('unsynced', '2026-12-03T09:00:01Z', 'en')").run());
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(db.prepare('SELECT locale FROM visits WHERE id = ?').get('killed')).toEqual({ locale: 'sw' });
    expect(db.prepare('SELECT locale FROM visits WHERE id = ?').get('unsynced')).toEqual({ locale: 'en' });
  });
});

describe('nothing leaves before its sync', () => {
  const handlers = { 'visit.keepAlive': () => ({ kept: true }) } as unknown as Handlers;

  it('the answer to the screen waits for the sync, and a failed sync answers an internal error, not the result', async () => {
    const held = gate();
    const dispatch = createDispatcher({ handlers, log: silentLogger, staffRole: () => undefined, synced: () => held.promise });
    let answered = false;
    const answer = dispatch('visit.keepAlive', {}).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    held.open();
    expect(await answer).toEqual({ ok: true, value: { kept: true } });

    const failing = gate();
    const refused = createDispatcher({ handlers, log: silentLogger, staffRole: () => undefined, synced: () => failing.promise })('visit.keepAlive', {});
    failing.fail(new Error('EIO'));
    expect(await refused).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('the hub is sent no event and no audit head before the sync', { timeout: 20_000 }, async () => {
    const hub = await startTestHub();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'off-thread-upload-'));
    const db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    try {
      const clock = manualClock('2026-12-03T09:00:00+03:00');
      new Outbox(db, clock).enqueue('lookup.searched', { kioskId: 'kiosk-held', outcome: 'found' });
      const held = gate();
      const client = new HubClient({ hubUrl: hub.url, kioskToken: await hub.addKiosk('kiosk-held'), timeoutMs: 5_000 });
      const commits = new OffThreadSync(db, silentLogger);
      const step = uploadStep(new OutboxQueue(db, clock), client, { maxEvents: 50, maxBytes: 100_000 }, { db, acknowledged: new HubAcknowledgedHead(db, clock) }, {
        commitWithoutSync: (write) => commits.commitWithoutSync(write),
        synced: () => held.promise,
      });
      const uploaded = step(new AbortController().signal);
      const hubEvents = () => (hub.store.db.prepare("SELECT count(*) AS n FROM kiosk_events WHERE kiosk_id = 'kiosk-held'").get() as { n: number }).n;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hubEvents()).toBe(0);
      held.open();
      expect(await uploaded).toBe('more');
      expect(hubEvents()).toBe(1);
    } finally {
      db.close();
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
