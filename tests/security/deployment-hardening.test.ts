import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/node/logging/logger';
import { parseKioskSettings } from '../../electron/core/settings/kiosk-settings';
import { SYNC_PATHS, UPLOAD_BATCH_BYTES_MAX, UPLOAD_BATCH_EVENTS_MAX } from '../../shared/sync/protocol';
import { startHubProcess } from '../support/hub-process';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('sync.hubUrl', () => {
  const withHub = (hubUrl: string) => () => parseKioskSettings({ sync: { hubUrl, kioskToken: 't' } });

  it('must be https unless the hub is on this machine', () => {
    for (const hubUrl of ['http://hub.example', 'http://10.0.0.5:8787', 'http://192.168.1.10', 'http://127.0.0.1.hub.example', 'http://localhost.hub.example', 'http://[::ffff:a00:5]']) {
      expect(withHub(hubUrl), hubUrl).toThrow(/sync\.hubUrl must be an https:\/\/ address \(plain http:\/\/ only for a hub on this machine/);
    }
    for (const hubUrl of ['', 'https://hub.example', 'https://10.0.0.5:8443', 'http://127.0.0.1:8787', 'http://127.8.9.10', 'http://localhost:8787', 'http://LOCALHOST', 'http://[::1]:8787']) {
      expect(withHub(hubUrl), hubUrl).not.toThrow();
    }
  });

  it('keeps the kiosk’s batches within what the hub takes', () => {
    const batch = (sync: object) => () => parseKioskSettings({ sync });
    expect(batch({ uploadBatchBytes: UPLOAD_BATCH_BYTES_MAX, uploadBatchEvents: UPLOAD_BATCH_EVENTS_MAX })).not.toThrow();
    expect(batch({ uploadBatchBytes: UPLOAD_BATCH_BYTES_MAX + 1 })).toThrow();
    expect(batch({ uploadBatchEvents: UPLOAD_BATCH_EVENTS_MAX + 1 })).toThrow();
  });
});

describe('files only their owner can read', () => {
  let dir: string;
  let umask: number;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'owner-only-'));
    // The most permissive umask: whatever the files get, the code gave them.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the hub’s database, its -wal and -shm, and its log file are 0600', async () => {
    const db = path.join(dir, 'hub.sqlite');
    const log = path.join(dir, 'logs', 'hub.log');
    const hub = await startHubProcess(db, ['--log', log]);
    try {
      // A request the hub logs, and a write so the WAL exists.
      await fetch(`${hub.url}${SYNC_PATHS.heartbeat}`, { method: 'POST' });
      await vi.waitFor(() => expect(existsSync(log) && statSync(log).size > 0).toBe(true), { timeout: 5000, interval: 20 });
      for (const file of [db, `${db}-wal`, `${db}-shm`, log]) expect(mode(file), file).toBe(0o600);
    } finally {
      await hub.stop();
    }
  });

  it('a kiosk log file is 0600, also one that was created readable by others', async () => {
    const created = path.join(dir, 'logs', 'kiosk.log');
    const written = (file: string) => vi.waitFor(() => expect(existsSync(file) && statSync(file).size > 0).toBe(true), { timeout: 5000, interval: 20 });
    createLogger({ file: created }).info('started');
    await written(created);
    expect(mode(created)).toBe(0o600);
    expect(mode(path.dirname(created))).toBe(0o700);

    const older = path.join(dir, 'older.log');
    writeFileSync(older, '', { mode: 0o644 });
    createLogger({ file: older }).info('started');
    await written(older);
    expect(mode(older)).toBe(0o600);
  });
});
