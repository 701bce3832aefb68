/**
 * A kiosk whose citizen searches, for the test that watches its system calls: `node --import
 * tsx tests/support/searching-child.ts <folder>`. Seeds 50 citizens and a supervisor. Each
 * window lies between fsyncs of two marker files (`<window>-start`, `<window>-end`, made on the
 * thread that answers): in `export`, the signed-in supervisor exports the day report; in
 * `close`, closes the day (no payments, no shifts); in `visit`, after the supervisor signed out, a citizen starts a visit, runs three searches and
 * ends it, each answered before the next, as the screen calls them.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { openDatabase } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/demo/generate';
import { SUPERVISOR, seedStaffInFile } from './staff-seed';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: searching-child.ts <folder>');
const databaseFile = path.join(dir, 'kiosk.sqlite');
const seeding = openDatabase(databaseFile);
seedDemoData(seeding, { citizens: 50, seed: 3, now: new Date('2026-11-22T06:00:00Z') });
const idNumbers = seeding.prepare<[], { id_number: string }>('SELECT id_number FROM citizens LIMIT 2').all().map((row) => row.id_number);
seeding.close();
await seedStaffInFile(databaseFile, [SUPERVISOR]);

// The checkpointer's first checkpoint is ten seconds after the core starts; the window ends
// before it, so no commit in it starts the WAL over (that one fsync stays on the committing
// thread: see the README's Known gaps).
const core = createKioskCore({ databaseFile, version: 'syscall-test' });
const coreStarted = performance.now();
const marker = (name: string) => {
  const fd = openSync(path.join(dir, name), 'w');
  fsyncSync(fd);
  closeSync(fd);
};
const call = async (name: string, request: unknown) => {
  const answer = await core.invoke(name, request);
  if (!answer.ok) throw new Error(`${name} refused: ${answer.error.code}`);
};

await call('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin });
marker('export-start');
await call('report.export', { format: 'csv' });
marker('export-end');
marker('close-start');
await call('day.close', {});
marker('close-end');
await call('staff.signOut', {});

marker('visit-start');
await call('visit.start', { locale: 'sw' });
for (const value of [...idNumbers, '00000001']) await call('lookup.search', { kind: 'idNumber', value });
await call('visit.end', { reason: 'done' });
marker('visit-end');
console.log(`windows ended ${Math.round(performance.now() - coreStarted)} ms after the core started`);
await core.close();
