import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import { isPlaintextSqliteFile } from '@shared/node/sqlite/plaintext';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { manualClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/open';
import { liveReplicaFile, replicaFolder } from '../../electron/core/db/replica-files';
import { newDatabaseKey, type DatabaseKey } from '../../electron/core/secrets/database-key';
import { rekeyBackups, rekeyDatabase } from '../../electron/core/secrets/rekey';

/** What `file` holds under `key`: its settings' marker, or the error's SQLite code. */
function markerWith(file: string, key: DatabaseKey | undefined): string {
  const db = openSqliteFile(file, { key, readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'marker'").get()?.value ?? 'no marker';
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    db.close();
  }
}

function replicaStateWith(file: string, key: DatabaseKey): string {
  const db = openSqliteFile(file, { key, readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) AS n FROM replica_state').get() ? 'ok' : 'empty';
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    db.close();
  }
}

describe('rekey', () => {
  let dir: string;
  let file: string;
  const oldKey = newDatabaseKey();
  const newKey = newDatabaseKey();
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-rekey-'));
    file = path.join(dir, 'kiosk.sqlite');
    const db = openDatabase(file, oldKey);
    db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'sealed')").run();
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('re-seals the database and every replica file; the old key then opens none of them', () => {
    const replica = liveReplicaFile(file);
    // A load under way is a replica file too.
    const loading = path.join(replicaFolder(file), '000002.sqlite-loading');
    copyFileSync(replica, loading);

    expect(rekeyDatabase(file, oldKey, newKey)).toEqual([file, replica, loading]);

    expect(markerWith(file, newKey)).toBe('sealed');
    expect(markerWith(file, oldKey)).toBe('SQLITE_NOTADB');
    for (const f of [replica, loading]) {
      expect(replicaStateWith(f, newKey)).toBe('ok');
      expect(replicaStateWith(f, oldKey)).toBe('SQLITE_NOTADB');
      expect(isPlaintextSqliteFile(f)).toBe(false);
    }
    // Back in WAL mode, as the kiosk runs it.
    const db = openDatabase(file, newKey);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('finishes an interrupted rotation when run again, and refuses a file neither key opens', () => {
    rekeyDatabase(file, oldKey, newKey);
    expect(rekeyDatabase(file, oldKey, newKey)).toEqual([]);
    expect(markerWith(file, newKey)).toBe('sealed');
    expect(() => rekeyDatabase(file, newDatabaseKey(), newDatabaseKey())).toThrow(/neither the old key nor the new one/);
  });

  it('re-seals the backups in a folder', async () => {
    const backups = path.join(dir, 'backups');
    const db = openDatabase(file, oldKey);
    const clock = manualClock('2026-11-22T23:30:00Z');
    const made = [(await backupDatabase(db, { dir: backups, keep: 3, clock })).file];
    clock.advance(24 * 60 * 60 * 1000);
    made.push((await backupDatabase(db, { dir: backups, keep: 3, clock })).file);
    db.close();

    expect(rekeyBackups(backups, oldKey, newKey).sort()).toEqual(made.sort());
    for (const backup of made) {
      expect(markerWith(backup, newKey)).toBe('sealed');
      expect(markerWith(backup, oldKey)).toBe('SQLITE_NOTADB');
    }
    // Standalone files still: no WAL left beside them.
    expect(readdirSync(backups).sort()).toEqual(made.map((f) => path.basename(f)).sort());
  });
});

describe('isPlaintextSqliteFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-plaintext-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells a demo (plaintext) database from a sealed one, and is false for what is not a database', () => {
    const plain = path.join(dir, 'demo.sqlite');
    const sealed = path.join(dir, 'kiosk.sqlite');
    openDatabase(plain).close();
    openDatabase(sealed, newDatabaseKey()).close();
    expect(isPlaintextSqliteFile(plain)).toBe(true);
    expect(isPlaintextSqliteFile(sealed)).toBe(false);
    expect(isPlaintextSqliteFile(path.join(dir, 'missing.sqlite'))).toBe(false);
    const empty = path.join(dir, 'empty.sqlite');
    openSqliteFile(empty).close();
    expect(isPlaintextSqliteFile(empty)).toBe(false);
  });
});
