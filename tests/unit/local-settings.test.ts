import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { newDatabaseKey } from '../../electron/core/secrets/database-key';
import { SecretSeal } from '../../electron/core/secrets/secret-seal';
import { LOCAL_SECRETS_PURPOSE, LocalSettings } from '../../electron/core/settings/local-settings';

describe("the kiosk's own settings", () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'local-settings-'));
    db = openDatabase(path.join(dir, 'kiosk.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** Rows this connection has written since it opened: a set that changes nothing writes none. */
  const written = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  it('writes a value only when it changes, as the sync loops set the same ones every round', () => {
    const local = new LocalSettings(db);
    local.set('sync.lastSuccessfulSyncAt', '2026-12-03T09:00:00Z');
    const before = written();
    local.set('sync.lastSuccessfulSyncAt', '2026-12-03T09:00:00Z');
    expect(written()).toBe(before);
    local.set('sync.lastSuccessfulSyncAt', '2026-12-03T09:00:05Z');
    expect(written()).toBe(before + 1);
    expect(local.get('sync.lastSuccessfulSyncAt')).toBe('2026-12-03T09:00:05Z');
  });

  it('compares a sealed secret by what it holds, not by its sealed text (a fresh nonce each time)', () => {
    const local = new LocalSettings(db, new SecretSeal(newDatabaseKey(), LOCAL_SECRETS_PURPOSE));
    local.setSecret('centre.badgeKey', 'key-of-huduma-gpo-0123');
    const sealed = local.get('centre.badgeKey');
    const before = written();
    local.setSecret('centre.badgeKey', 'key-of-huduma-gpo-0123');
    expect(written()).toBe(before);
    expect(local.get('centre.badgeKey')).toBe(sealed);
    local.setSecret('centre.badgeKey', 'key-of-huduma-gpo-4567');
    expect(local.getSecret('centre.badgeKey')).toBe('key-of-huduma-gpo-4567');
    expect(sealed).not.toContain('0123');
  });
});
