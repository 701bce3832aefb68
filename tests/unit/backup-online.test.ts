import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/core/backup/backup-files';
import { checkDatabaseFile } from '../../electron/core/backup/integrity';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { manualClock } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/demo/generate';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('data at rest', () => {
  let dir: string;
  let previousUmask: number;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-backup-'));
    // A permissive umask, as on many desktops: the kiosk must not rely on it.
    previousUmask = process.umask(0o002);
  });
  afterEach(() => {
    process.umask(previousUmask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database and its WAL files readable only by the kiosk user', () => {
    const file = path.join(dir, 'kiosk.sqlite');
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    db.close();
  });

  it('tightens a database file that was left readable by others', () => {
    const file = path.join(dir, 'kiosk.sqlite');
    openDatabase(file).close();
    chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(mode(file)).toBe(0o600);
  });
});

describe('online backup', () => {
  let dir: string;
  let db: Db;
  const clock = manualClock('2026-11-22T23:30:00Z');
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-backup-'));
    db = openDatabase(path.join(dir, 'kiosk.sqlite'));
    seedDemoData(db, { citizens: 2_000, seed: 3 });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the live database into a checked, owner-only file while writes go on', async () => {
    const backups = path.join(dir, 'backups');
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    let written = 0;
    // Writes keep landing between the backup's steps: the copy must still be consistent.
    const writer = setInterval(() => insert.run(`during-${written++}`, 'x'), 0);
    const result = await backupDatabase(db, { dir: backups, keep: 7, clock });
    clearInterval(writer);

    expect(path.basename(result.file)).toBe('kiosk-20261122T233000Z.sqlite');
    expect(mode(result.file)).toBe(0o600);
    expect(mode(backups)).toBe(0o700);
    expect(checkDatabaseFile(result.file)).toMatchObject({ ok: true });
    const copy = new Database(result.file, { readonly: true });
    const tables = (d: Database.Database) => d.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    // The kiosk's own records, whole; not the replica, which is the back office's and reloads from it.
    expect(tables(copy)).toEqual(tables(db));
    expect(tables(copy)).not.toContain('citizens');
    const settings = (d: Database.Database) => (d.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'during-%'").get() as { n: number }).n;
    expect(settings(copy)).toBeGreaterThan(0);
    expect(settings(copy)).toBeLessThanOrEqual(settings(db));
    copy.close();
  });

  it('tells its progress as the bytes of the copy written, ending at the whole', async () => {
    const seen: Array<[number, number]> = [];
    await backupDatabase(db, { dir: path.join(dir, 'backups'), keep: 1, clock, onProgress: (done, total) => seen.push([done, total]) });
    const total = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    expect(seen.at(-1)).toEqual([total, total]);
    for (const [done, ofTotal] of seen) expect(done >= 0 && done <= ofTotal && ofTotal === total).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('keeps only the newest backups', async () => {
    const backups = path.join(dir, 'backups');
    const made: string[] = [];
    for (let night = 0; night < 5; night++) {
      const result = await backupDatabase(db, { dir: backups, keep: 3, clock });
      made.push(result.file);
      clock.advance(24 * 60 * 60 * 1000);
    }
    expect(listBackups(backups)).toEqual(made.slice(2).reverse());
  });

  it('refuses a rotation that would keep nothing', async () => {
    await expect(backupDatabase(db, { dir: path.join(dir, 'b'), keep: 0, clock })).rejects.toThrow(/keep/);
  });
});
