/**
 * A kiosk whose citizen searches, for the test that watches its system calls: `node --import
 * tsx tests/support/searching-child.ts <folder>`. Seeds 50 citizens, then, between two fsyncs of
 * marker files (`window-start`, `window-end`, on the thread that answers), starts a visit, runs
 * three searches and ends it, each answered before the next, as the screen calls them.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { openDatabase } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/demo/generate';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: searching-child.ts <folder>');
const databaseFile = path.join(dir, 'kiosk.sqlite');
const seeding = openDatabase(databaseFile);
seedDemoData(seeding, { citizens: 50, seed: 3, now: new Date('2026-11-22T06:00:00Z') });
const idNumbers = seeding.prepare<[], { id_number: string }>('SELECT id_number FROM citizens LIMIT 2').all().map((row) => row.id_number);
seeding.close();

const core = createKioskCore({ databaseFile, version: 'syscall-test' });
const marker = (name: string) => {
  const fd = openSync(path.join(dir, name), 'w');
  fsyncSync(fd);
  closeSync(fd);
};
const call = async (name: string, request: unknown) => {
  const answer = await core.invoke(name, request);
  if (!answer.ok) throw new Error(`${name} refused: ${answer.error.code}`);
};

marker('window-start');
await call('visit.start', { locale: 'sw' });
for (const value of [...idNumbers, '00000001']) await call('lookup.search', { kind: 'idNumber', value });
await call('visit.end', { reason: 'done' });
marker('window-end');
await core.close();
