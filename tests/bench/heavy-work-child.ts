/**
 * The measured process of the heavy-work bench: a kiosk core and the browser host's HTTP
 * server in one process (the one that answers the screen), with the stall monitor running.
 * Built by built-child.ts and run as `node out/bench/heavy-work-child.js`, spoken to over IPC
 * by heavy-work-bench.ts (the messages below). Every operation goes through the core's own
 * calls and services; only replica-watch.ts knows how the replica loader marks a load done.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_BACKUP_PLAN } from '../../electron/core/backup/nightly-backups';
import { backupDatabase } from '../../electron/core/backup/online-backup';
import { startHeavyJobsProcess } from '../../electron/core/heavy-job-runner';
import { createKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import type { Result } from '../../shared/result';
import { silentLogger } from '../../shared/node/logging/logger';
import { CLERK, SUPERVISOR, seedStaff } from '../support/staff-seed';
import { replicaWatch } from './replica-watch';
import { StallMonitor, type StallReading } from './stall-monitor';

export type HeavyOperation = 'initial-load' | 'idle' | 'rebuild' | 'backup' | 'audit-walk' | 'pdf-export';

export interface ChildConfig {
  dir: string;
  hubUrl: string;
  kioskToken: string;
  auditRows: number;
  payments: number;
  /** What the host serves as the screen (the child runs from out/bench/, so it is told where). */
  rendererDir: string;
}

export type ToChild =
  | { type: 'start'; config: ChildConfig }
  /** A new window begins: the monitor starts afresh (and a rebuild's watch takes its mark). */
  | { type: 'arm' }
  | { type: 'run'; op: HeavyOperation; idleMs?: number }
  | { type: 'prepare'; what: 'audit' | 'payments' }
  /** The supervisor signs in at the screen, before a window of theirs: no citizen searches there meanwhile. */
  | { type: 'signIn' }
  | { type: 'stop' };

export type FromChild =
  | { type: 'ready'; origin: string; launchUrl: string }
  | { type: 'armed' }
  | { type: 'result'; op: HeavyOperation; ms: number; stall: StallReading; detail: string }
  | { type: 'prepared'; ms: number }
  | { type: 'signedIn' }
  /** A supervisor's call is made (its role checked): the client may start a visit now. */
  | { type: 'started' }
  | { type: 'failed'; message: string };

const send = (message: FromChild) => process.send?.(message);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const monitor = new StallMonitor();
let core: KioskCore;
let host: RunningHost;
let config: ChildConfig;
let coreStartedAt = 0;
/** When the host first answered, after the core's start: the client cannot search before. */
let hostAfterMs = 0;
let initialLoad: { ready(): Promise<void> } | undefined;
let armedWatch: { ready(): Promise<void> } | undefined;

function settings(hubUrl: string, kioskToken: string) {
  return {
    sync: {
      hubUrl,
      kioskToken,
      // The replica is checked every second, so a mustRefetch is heard within one.
      downloadIntervalSeconds: 1,
      // A page of a million-citizen load, written while the next is asked for, may take a while.
      requestTimeoutSeconds: 120,
      retryBaseSeconds: 0.05,
      retryMaxSeconds: 0.5,
    },
    // The searching client stands for many citizens in a row: the kiosk-wide limit would stop it.
    lookup: { kioskLookupsPerWindow: 100_000 },
  };
}

async function start(given: ChildConfig): Promise<void> {
  config = given;
  monitor.start();
  const databaseFile = path.join(config.dir, 'kiosk.sqlite');
  coreStartedAt = performance.now();
  // An empty database and a hub: the core starts the initial load at once.
  core = createKioskCore({ databaseFile, settings: settings(config.hubUrl, config.kioskToken), version: 'bench' });
  // As both shells do at boot (boot-kiosk.ts), so no heavy job starts it beside a search.
  startHeavyJobsProcess();
  initialLoad = replicaWatch(core);
  host = await startHost({ core, rendererDir: config.rendererDir, log: silentLogger });
  hostAfterMs = performance.now() - coreStartedAt;
  // Until the host listens no screen can be waiting: the window's stalls count from here (the core's own start-up is the cold-start bench's).
  monitor.reset();
  send({ type: 'ready', origin: host.origin, launchUrl: host.newLaunchUrl() });
}

const ok = <T>(name: string, result: Result<T>): T => {
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value;
};

/**
 * A supervisor's call, signed in before the window. The call's role is checked as it is made;
 * only then may the searching client start a visit, which ends attended mode.
 */
async function asSupervisor(name: string, payload: unknown): Promise<unknown> {
  const call = core.invoke(name, payload);
  send({ type: 'started' });
  return ok(name, await call);
}

async function run(op: HeavyOperation, idleMs = 0): Promise<{ ms: number; detail: string }> {
  const started = performance.now();
  switch (op) {
    case 'initial-load':
      await initialLoad!.ready();
      // From the core's creation, when its sync started the download.
      return { ms: performance.now() - coreStartedAt, detail: `from the core's start; stalls counted from the host listening, ${hostAfterMs.toFixed(0)} ms after it` };
    case 'idle':
      await pause(idleMs);
      return { ms: performance.now() - started, detail: '' };
    case 'rebuild':
      await armedWatch!.ready();
      return { ms: performance.now() - started, detail: '' };
    case 'backup': {
      // The nightly job's own work (nightly-backups.ts runs it at 02:30): online copy, integrity check of the copy, rotation.
      const backup = await backupDatabase(core.context.db, { dir: path.join(config.dir, 'backups'), keep: DEFAULT_BACKUP_PLAN.keep, clock: core.context.clock });
      return { ms: performance.now() - started, detail: `${(backup.bytes / 2 ** 20).toFixed(0)} MiB copied and checked` };
    }
    case 'audit-walk': {
      // The supervisor's day screen, opened first: it walks the whole chain.
      const report = (await asSupervisor('report.day', {})) as { audit: { intact: boolean; rows?: number } };
      if (!report.audit.intact) throw new Error('the audit chain was found broken');
      return { ms: performance.now() - started, detail: 'report.day, first of the process: whole walk' };
    }
    case 'pdf-export': {
      const file = (await asSupervisor('report.export', { format: 'pdf' })) as { contentBase64: string };
      return { ms: performance.now() - started, detail: `PDF of ${(Buffer.byteLength(file.contentBase64, 'base64') / 1024).toFixed(0)} KiB` };
    }
  }
}

/** Work done before a window, with the searching client paused: not measured. */
async function prepare(what: 'audit' | 'payments'): Promise<void> {
  if (what === 'audit') {
    // The supervisor who opens the day screen, and the clerk who takes the payments.
    await seedStaff(core, [SUPERVISOR, CLERK]);
    const { db, audit } = core.context;
    // Not searches: those count toward the kiosk-wide search limit, which reads the audit log.
    const actions = ['visit.start', 'bill.create', 'payment.create', 'payment.confirmed', 'receipt.print', 'visit.end'];
    const append = db.transaction((from: number, count: number) => {
      for (let i = from; i < from + count; i++) audit.append({ action: actions[i % actions.length]!, outcome: 'ok', actor: 'citizen', details: { n: i, amount: i % 1000 } });
    });
    for (let done = 0; done < config.auditRows; done += 10_000) append(done, Math.min(10_000, config.auditRows - done));
    return;
  }
  // A clerk's busy day: cash payments for vehicle searches, through the real calls.
  ok('visit.start', await core.invoke('visit.start', { locale: 'en' }));
  ok('staff.signIn', await core.invoke('staff.signIn', { staffId: CLERK.staffId, pin: CLERK.pin }));
  ok('shift.open', await core.invoke('shift.open', { openingFloat: 5_000 }));
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  for (let i = 0; i < config.payments; i++) {
    const plate = `KD${letters[i % letters.length]} ${100 + (i % 900)}${letters[Math.floor(i / letters.length) % letters.length]}`;
    const bill = ok('payments.billForVehicleSearch', await core.invoke('payments.billForVehicleSearch', { plate })) as { id: string; total: number };
    ok('payments.payByCash', await core.invoke('payments.payByCash', { billId: bill.id, idempotencyKey: randomUUID(), tendered: bill.total }));
  }
  await core.paymentsIdle();
  ok('staff.signOut', await core.invoke('staff.signOut', {}));
  ok('visit.end', await core.invoke('visit.end', { reason: 'done' }));
}

process.on('message', (message: ToChild) => {
  const handle = async () => {
    switch (message.type) {
      case 'start':
        return start(message.config);
      case 'arm':
        armedWatch = replicaWatch(core);
        monitor.reset();
        return send({ type: 'armed' });
      case 'run': {
        const { ms, detail } = await run(message.op, message.idleMs);
        return send({ type: 'result', op: message.op, ms, stall: await monitor.read(), detail });
      }
      case 'signIn':
        ok('staff.signIn', await core.invoke('staff.signIn', { staffId: SUPERVISOR.staffId, pin: SUPERVISOR.pin }));
        return send({ type: 'signedIn' });
      case 'prepare': {
        const started = performance.now();
        await prepare(message.what);
        return send({ type: 'prepared', ms: performance.now() - started });
      }
      case 'stop':
        monitor.stop();
        await host.close();
        await core.close();
        process.exit(0);
    }
  };
  handle().catch((error: unknown) => send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
