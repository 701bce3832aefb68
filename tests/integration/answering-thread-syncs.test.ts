import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

interface SyncCall {
  threadId: number;
  call: 'fsync' | 'fdatasync';
  file: string;
}

/** The fsync and fdatasync calls in an `strace -f -y` log, each with the thread that made it and the file its descriptor names. */
function syncCalls(log: string): SyncCall[] {
  return [...log.matchAll(/^(\d+)\s+(fsync|fdatasync)\(\d+<([^>]*)>/gm)].map(([, threadId, call, file]) => ({ threadId: Number(threadId), call: call as SyncCall['call'], file: file! }));
}

describe('the thread that answers the screen', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("never waits on a sync to disk for an M-Pesa or card payment, a one-time code and a reset request, a clerk's shift and cash payment, a citizen's visit and searches, a report export or a day close: a pool thread syncs the WAL before each answer", { timeout: 60_000 }, () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'answering-thread-'));
    const trace = path.join(dir, 'strace.log');
    // strace (Debian's package) records every fsync and fdatasync of every thread, with the file each names.
    const child = spawnSync('strace', ['-f', '-y', '-e', 'trace=fsync,fdatasync', '-o', trace, process.execPath, '--import', 'tsx', 'tests/support/searching-child.ts', dir], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(child.error).toBeUndefined();
    expect(child.stderr).not.toMatch(/Error/);
    expect(child.status).toBe(0);
    // Before the checkpointer's first checkpoint (10 s in), whose WAL restart the next commit syncs where it is made.
    expect(Number(/windows ended (\d+) ms after the core started/.exec(child.stdout)?.[1])).toBeLessThan(10_000);

    const calls = syncCalls(readFileSync(trace, 'utf8'));
    const wal = path.join(dir, 'kiosk.sqlite-wal');
    const window = (name: string) => {
      const start = calls.findIndex((c) => c.file.endsWith(`/${name}-start`));
      const end = calls.findIndex((c) => c.file.endsWith(`/${name}-end`));
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
      // The markers are synced by the thread that answers: that names it.
      const answering = calls[start]!.threadId;
      expect(calls[end]!.threadId).toBe(answering);
      const inWindow = calls.slice(start + 1, end);
      expect(inWindow.filter((c) => c.threadId === answering)).toEqual([]);
      const walSyncs = inWindow.filter((c) => c.file === wal && c.call === 'fdatasync');
      expect(walSyncs.every((c) => c.threadId !== answering)).toBe(true);
      return walSyncs.length;
    };
    // Each payment's record before its provider heard of it, and its changes; the codes, the verification and the reset request;
    // the counter's eight calls, the export's record, the day's close, and the visit's start, three searches and end: each answer waited for one of its own.
    expect(window('money')).toBeGreaterThanOrEqual(6);
    expect(window('verify')).toBeGreaterThanOrEqual(8);
    expect(window('counter')).toBeGreaterThanOrEqual(7);
    expect(window('export')).toBeGreaterThanOrEqual(1);
    expect(window('close')).toBeGreaterThanOrEqual(1);
    expect(window('visit')).toBeGreaterThanOrEqual(5);
  });
});
