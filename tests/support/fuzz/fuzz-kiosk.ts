import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { calls, type CallName } from '../../../shared/contract';
import { openDatabase } from '../../../electron/core/db/open';
import { seedDemoData } from '../../../electron/demo/generate';
import { tempKiosk, type TempKiosk } from '../temp-kiosk';
import { checkContractAnswer, dbFingerprint } from './contract-answer';
import { hostileJsonValue, hostileString, hostileValue } from './hostile-values';
import { RECORDED_REFUSALS } from './recorded-refusals';
import { arbitraryFor } from './schema-arbitrary';

/** Every call in the contract, read at run time: a new feature's calls are fuzzed without edits here. */
export const callNames = Object.keys(calls) as CallName[];

/** Runs per call and per surface; FUZZ_RUNS raises it for a longer soak. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Keeps one slow call (a PIN check that is slow by design, a simulator) from stalling the suite. */
export const FUZZ_TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 3000);
/** The fewest payloads a call meets, however slow its handler or the machine. */
const FUZZ_MIN_RUNS = 20;

/**
 * A time budget for one call's fuzzing. fast-check's own `interruptAfterTimeLimit` races a run
 * rather than stopping it, so a run it gives up on writes in the background, and on a slow
 * machine it can stop before any run at all. Here every run finishes; once the first
 * FUZZ_MIN_RUNS are done and the time is spent, the remaining runs send nothing.
 */
export function runBudget(limitMs = FUZZ_TIME_LIMIT_MS): { take(): boolean } {
  const deadline = Date.now() + limitMs;
  let runs = 0;
  return {
    take() {
      if (runs >= FUZZ_MIN_RUNS && Date.now() > deadline) return false;
      runs++;
      return true;
    },
  };
}

export const payloadFor = (name: CallName) => arbitraryFor(calls[name].request, hostileValue);
/** Mostly inside a visit, where most calls do their work; now and then with none open. */
export const visitOpen = fc.integer({ min: 0, max: 9 }).map((n) => n > 0);

export const jsonPayloadFor = (name: CallName) => arbitraryFor(calls[name].request, hostileJsonValue);

/** Names that are not calls, chosen to trip a careless lookup (prototype members, near misses). */
export const notACallName = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    hostileString,
    fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'kiosk.info ', 'KIOSK.INFO', 'kiosk', 'visit.'),
  )
  .filter((name) => !Object.hasOwn(calls, name));

export interface FuzzKiosk extends TempKiosk {
  /** Errors the core logged: a handler that threw something other than a KioskError. */
  crashes: string[];
  /** Opens a visit, or ends the open one, as the run asks: calls meet both states. */
  setVisit(open: boolean): Promise<void>;
  /** Runs `send` and checks its answer against the contract and the database against writes. */
  expectContractAnswer(name: unknown, send: () => Promise<unknown>): Promise<void>;
}

/** A real core on a small seeded database, with its error log kept for the report. */
export function fuzzKiosk(): FuzzKiosk {
  const crashes: string[] = [];
  const errorSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      crashes.push(chunk.toString().slice(0, 2000));
      done();
    },
  });
  const kiosk = tempKiosk({
    prepare(file) {
      const db = openDatabase(file);
      seedDemoData(db, { citizens: 300, seed: 7 });
      db.close();
    },
    log: pino({ level: 'error' }, errorSink),
  });
  const { db } = kiosk.core.context;
  // A payment call leaves polling or a card charge running after it answers. Each step waits
  // for the payments to go quiet first, so a late write lands outside the next call's
  // before/after window instead of being blamed on it.
  async function whenPaymentsQuiet<T>(step: () => Promise<T>): Promise<T> {
    await kiosk.core.paymentsIdle();
    return step();
  }

  async function checkAnswer(name: unknown, send: () => Promise<unknown>): Promise<void> {
    const before = tableState(db);
    const answer = await send();
    const { refused, code } = checkContractAnswer(name, answer);
    if (code === 'internal') throw new Error(`${String(name)} crashed in its handler:\n${crashes.at(-1) ?? '(nothing logged)'}`);
    if (!refused) return;
    const after = tableState(db);
    const allowed = code ? RECORDED_REFUSALS[code]?.tables : undefined;
    const changed = allowed ? diffTables(before.counts, after.counts).filter((table) => !allowed.includes(table)) : before.full === after.full ? [] : ['(any)'];
    if (changed.length > 0) throw new Error(`${String(name)} was refused (${code}) but wrote: ${diffTables(before.counts, after.counts).join(', ') || 'rows changed in place'}`);
  }

  return {
    ...kiosk,
    crashes,
    setVisit: (open) =>
      whenPaymentsQuiet(async () => {
        const current = kiosk.core.context.visits.current();
        if (open && !current) await kiosk.core.invoke('visit.start', { locale: 'en' });
        if (!open && current) await kiosk.core.invoke('visit.end', { reason: 'done' });
      }),
    expectContractAnswer: (name, send) => whenPaymentsQuiet(() => checkAnswer(name, send)),
  };
}

function tableState(db: TempKiosk['core']['context']['db']): { full: string; counts: Record<string, string> } {
  const full = dbFingerprint(db);
  const counts = Object.fromEntries((JSON.parse(full) as { counts: string[] }).counts.map((entry) => entry.split('=') as [string, string]));
  return { full, counts };
}

function diffTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
