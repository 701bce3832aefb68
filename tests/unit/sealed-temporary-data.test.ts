import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteFile, type Db } from '@shared/node/sqlite/open-sqlite';
import { newDatabaseKey } from '../../electron/core/secrets/database-key';

const ROWS = 50_000;

/** The temporary files SQLite holds open in this process (it unlinks them at once, so only /proc sees them). */
function openTemporaryFiles(): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.includes('etilqs_'));
}

/**
 * Sorts more phone numbers than the connection's small cache holds, and reports which
 * temporary files were open while the sorted rows were read: where SQLite spilled the sort.
 */
function temporaryFilesOfALargeSort(db: Db): string[] {
  db.exec('CREATE TABLE citizens (id INTEGER PRIMARY KEY, phone TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO citizens (phone) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) insert.run(`+2547${String((i * 7919) % 100_000_000).padStart(8, '0')}`);
  })();
  db.pragma('cache_size = -64');
  let seen: string[] = [];
  let rows = 0;
  let previous = '';
  for (const phone of db.prepare<[], string>('SELECT phone FROM citizens ORDER BY phone').pluck().iterate()) {
    // The sort is done when its first row comes out: its spill files, if any, are open now.
    if (rows++ === 0) seen = openTemporaryFiles();
    expect(phone >= previous).toBe(true);
    previous = phone;
  }
  expect(rows).toBe(ROWS);
  return seen;
}

describe.runIf(process.platform === 'linux')('temporary data of a sealed database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sealed-temp-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // SQLite3MultipleCiphers encrypts the database and its journals, not SQLite's temporary
  // files (sorts, transient indexes, statement journals): those would hold citizens in the clear.
  it('is kept in memory: a sort larger than the cache spills to no temporary file', () => {
    const db = openSqliteFile(path.join(dir, 'sealed.sqlite'), { key: newDatabaseKey() });
    try {
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      expect(temporaryFilesOfALargeSort(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('while a plaintext (demo) database sorts through a temporary file, as SQLite does by default: the check above can fail', () => {
    const db = openSqliteFile(path.join(dir, 'plain.sqlite'));
    try {
      expect(temporaryFilesOfALargeSort(db).length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
