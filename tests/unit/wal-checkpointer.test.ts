import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/node/logging/logger';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { startWalCheckpointer } from '../../electron/core/db/wal-checkpointer';
import { accepted, seededKiosk, type TempKiosk } from '../support/temp-kiosk';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-checkpointer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settingsIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'row-%'").get() as { n: number }).n;
  } finally {
    db.close();
  }
};
/** The database file alone, as it would be read without its WAL: what a checkpoint has moved into it. */
function inDatabaseFileAlone(file: string): number {
  const copy = path.join(dir, 'alone.sqlite');
  copyFileSync(file, copy);
  return settingsIn(copy);
}
const addRows = (db: Db, from: number, count: number) => {
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (let n = from; n < from + count; n++) insert.run(`row-${n}`, 'x'.repeat(200));
};

describe('the WAL checkpointer', () => {
  it('moves the WAL into the database file on a thread of its own; the connection no longer checkpoints', async () => {
    const db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    const checkpointer = startWalCheckpointer(db, silentLogger, 200);
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const checkpointed = checkpointer.nextCheckpoint();
      addRows(db, 0, 40);
      const result = await checkpointed;
      expect(result.threadId).not.toBe(threadId);
      expect(result.walFrames).toBeGreaterThan(0);
      expect(result.checkpointedFrames).toBe(result.walFrames);
      expect(inDatabaseFileAlone(db.name)).toBe(40);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('without it, the same writes stay in the WAL: the file alone does not have them', () => {
    const db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('wal_autocheckpoint = 0');
      addRows(db, 0, 40);
      expect(inDatabaseFileAlone(db.name)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('stopped as it starts, again and again, ends by itself each time, never terminated', async () => {
    const db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    try {
      for (let round = 0; round < 8; round++) {
        const checkpointer = startWalCheckpointer(db, silentLogger, 200);
        // Even rounds stop it before its thread has loaded anything, odd ones a little after.
        if (round % 2) await new Promise((resolve) => setTimeout(resolve, round * 5));
        // It closed its connection and said so before it ended: not terminated.
        expect(await checkpointer.stop()).toBe(true);
      }
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      db.close();
    }
  }, 60_000);

  it('once stopped, the connection checkpoints for itself again', async () => {
    const db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    const checkpointer = startWalCheckpointer(db, silentLogger, 200);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });
});

describe('a kiosk core', () => {
  let kiosk: TempKiosk;
  beforeEach(() => {
    kiosk = seededKiosk();
  });
  afterEach(() => kiosk.dispose());

  it('leaves checkpoints to its checkpointer: the connection that answers the screen never checkpoints, searches included', async () => {
    const { db } = kiosk.core.context;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await accepted(kiosk, 'visit.start', { locale: 'en' });
    await accepted(kiosk, 'lookup.search', { kind: 'idNumber', value: '12345678' });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });
});
