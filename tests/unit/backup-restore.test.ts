import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../electron/core/backup/integrity';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { restoreDatabase } from '../../electron/core/backup/restore';
import { manualClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/open';

const settingValue = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM settings WHERE key = 'marker'").get() as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
};

describe('restore', () => {
  let dir: string;
  let databaseFile: string;
  let backupFile: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-restore-'));
    databaseFile = path.join(dir, 'kiosk.sqlite');
    const db = openDatabase(databaseFile);
    db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'in the backup')").run();
    backupFile = (await backupDatabase(db, { dir: path.join(dir, 'backups'), keep: 3, clock: manualClock('2026-11-22T23:30:00Z') })).file;
    db.prepare("UPDATE settings SET value = 'after the backup' WHERE key = 'marker'").run();
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('puts a sound backup in place, owner-only, and keeps the database it replaced', () => {
    const result = restoreDatabase(backupFile, databaseFile);
    expect(result).toMatchObject({ ok: true, previous: `${databaseFile}.before-restore` });
    expect(settingValue(databaseFile)).toBe('in the backup');
    expect(settingValue(`${databaseFile}.before-restore`)).toBe('after the backup');
    expect(statSync(databaseFile).mode & 0o777).toBe(0o600);
    const reopened = openDatabase(databaseFile);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('refuses a damaged backup and changes nothing', () => {
    const damaged = path.join(dir, 'damaged.sqlite');
    const bytes = readFileSync(backupFile);
    // Scribble over the settings table's page: SQLite opens the file, the integrity check does not pass.
    const copy = new Database(backupFile, { readonly: true });
    const page = (copy.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'settings'").get() as { rootpage: number }).rootpage;
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    copy.close();
    bytes.fill(0x5a, pageSize * (page - 1), pageSize * page);
    writeFileSync(damaged, bytes);
    const before = readFileSync(databaseFile);

    const result = restoreDatabase(damaged, databaseFile);
    expect(result.ok).toBe(false);
    expect(readFileSync(databaseFile).equals(before)).toBe(true);
    expect(existsSync(`${databaseFile}.before-restore`)).toBe(false);
    expect(existsSync(`${databaseFile}.restoring`)).toBe(false);
  });

  it('refuses files that are not kiosk databases, or are from a newer kiosk', () => {
    const text = path.join(dir, 'notes.sqlite');
    writeFileSync(text, 'not a database at all');
    expect(restoreDatabase(text, databaseFile)).toMatchObject({ ok: false });
    expect(restoreDatabase(path.join(dir, 'missing.sqlite'), databaseFile)).toMatchObject({ ok: false });

    const newer = path.join(dir, 'newer.sqlite');
    copyFileSync(backupFile, newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    expect(checkDatabaseFile(newer)).toMatchObject({ ok: false, problem: expect.stringMatching(/newer/) });
    expect(restoreDatabase(newer, databaseFile).ok).toBe(false);
    expect(settingValue(databaseFile)).toBe('after the backup');
  });
});
