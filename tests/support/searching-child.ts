/**
 * A kiosk whose citizen searches, for the test that watches its system calls: `node --import
 * tsx tests/support/searching-child.ts <folder>`. Seeds 50 citizens, a clerk and a supervisor,
 * and pays against a Daraja simulator (in this process, over HTTP) and the in-process card
 * terminal simulator. Each window lies between fsyncs of two marker files (`<window>-start`,
 * `<window>-end`, made on the thread that answers): in `money`, a citizen pays one bill by
 * M-Pesa (until M-Pesa's result is in), has its receipt sent by SMS, and pays another by card;
 * in `verify`, a citizen searches, is sent a one-time code, types it back and sees their
 * account's details, then asks for a password reset with a second code; in `counter`, a clerk signs in at a visit, opens a shift, takes cash for a bill,
 * closes the shift, signs out and ends the visit; in `export`, the signed-in supervisor
 * exports the day report; in `close`, closes the day; in `visit`, after the supervisor signed
 * out, a citizen starts a visit, runs three searches and ends it, each answered before the
 * next, as the screen calls them.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKioskCore } from '../../electron/core/kiosk-core';
import { startDarajaSimulator } from '../../electron/simulators/daraja/daraja-simulator';
import { FAST_POLLING, FAST_SIMULATOR, startCallbackForwarder } from './payment-kiosk';
import { lastCodeSentTo } from './recovery-codes';
import { openDatabase } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/demo/generate';
import { CLERK, SUPERVISOR, seedStaffInFile } from './staff-seed';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: searching-child.ts <folder>');
const databaseFile = path.join(dir, 'kiosk.sqlite');
const seeding = openDatabase(databaseFile);
seedDemoData(seeding, { citizens: 50, seed: 3, now: new Date('2026-11-22T06:00:00Z') });
const idNumbers = seeding.prepare<[], { id_number: string }>('SELECT id_number FROM citizens LIMIT 2').all().map((row) => row.id_number);
const withPhone = seeding.prepare<[], { id_number: string; phone: string }>('SELECT id_number, phone FROM citizens WHERE phone IS NOT NULL LIMIT 1').get();
if (!withPhone) throw new Error('no seeded citizen has a phone');
seeding.close();
await seedStaffInFile(databaseFile, [SUPERVISOR, CLERK]);
const daraja = await startDarajaSimulator({ delays: FAST_SIMULATOR });
const forwarder = await startCallbackForwarder(() => core);

// The checkpointer's first checkpoint is ten seconds after the core starts; the window ends
// before it, so no commit in it starts the WAL over (that one fsync stays on the committing
// thread: see the README's Known gaps).
const core = createKioskCore({
  databaseFile,
  version: 'syscall-test',
  settings: {
    mpesa: { simulator: false, baseUrl: daraja.url, callbackUrl: forwarder.url, requestTimeoutMs: 2_000 },
    payments: FAST_POLLING,
    card: { simulator: true, simulatorDelayMs: 0 },
  },
});
const coreStarted = performance.now();
const marker = (name: string) => {
  const fd = openSync(path.join(dir, name), 'w');
  fsyncSync(fd);
  closeSync(fd);
};
const answerOf = async <T = unknown>(name: string, request: unknown): Promise<T> => {
  const answer = await core.invoke(name, request);
  if (!answer.ok) throw new Error(`${name} refused: ${answer.error.code}`);
  return answer.value as T;
};
const call = async (name: string, request: unknown) => {
  await answerOf(name, request);
};

// The core's first commit makes the WAL, which SQLite syncs with its folder where it commits
// (as it does the first commit after each checkpoint: see the README's Known gaps): before the window.
await call('visit.start', { locale: 'en' });
marker('money-start');
const byMpesa = await answerOf<{ id: string }>('payments.billForRenewal', { years: 3 });
const pushed = await answerOf<{ id: string }>('payments.payByMpesa', { billId: byMpesa.id, idempotencyKey: randomUUID(), phone: '0712345678' });
// As the screen does: asks how the payment stands until M-Pesa's result is in.
while ((await answerOf<{ state: string }>('payments.status', { paymentId: pushed.id })).state !== 'paid') await sleep(50);
await call('payments.sendReceipt', { paymentId: pushed.id, channel: 'sms' });
const byCard = await answerOf<{ id: string }>('payments.billForRenewal', { years: 1 });
const charged = await answerOf<{ state: string }>('payments.payByCard', { billId: byCard.id, idempotencyKey: randomUUID() });
if (charged.state !== 'paid') throw new Error(`the card payment ended ${charged.state}`);
await call('visit.end', { reason: 'done' });
marker('money-end');

marker('verify-start');
await call('visit.start', { locale: 'en' });
await call('lookup.search', { kind: 'idNumber', value: withPhone.id_number });
const lookupCode = await answerOf<{ codeId: string }>('lookup.sendCode', {});
await call('lookup.verifyCode', { codeId: lookupCode.codeId, code: lastCodeSentTo(core, withPhone.phone) });
await call('lookup.details', {});
const reset = await answerOf<{ code: { codeId: string } }>('recovery.start', { idNumber: withPhone.id_number, path: 'reset' });
await call('recovery.requestReset', { codeId: reset.code.codeId, code: lastCodeSentTo(core, withPhone.phone) });
await call('visit.end', { reason: 'done' });
marker('verify-end');

await call('visit.start', { locale: 'en' });
marker('counter-start');
await call('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin });
await call('shift.open', { openingFloat: 1_000 });
const bill = (await answerOf('payments.billForVehicleSearch', { plate: 'KDA 123A' })) as { id: string; total: number };
await call('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: bill.total });
await call('shift.close', { counted: 1_000 + bill.total });
await call('staff.signOut', {});
await call('visit.end', { reason: 'done' });
marker('counter-end');

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
await forwarder.close();
await daraja.close();
