import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualClock } from '../../electron/core/clock';
import { createKioskCore, type KioskCore, type KioskCoreOptions } from '../../electron/core/kiosk-core';
import { openDatabase } from '../../electron/core/db/open';
import { seedDemoData } from '../../electron/demo/generate';
import type { CallName, CallRequest, CallResponse } from '../../shared/contract';

export interface TempKiosk {
  core: KioskCore;
  dir: string;
  databaseFile: string;
  clock: ReturnType<typeof manualClock>;
  /** Closes the core (its threads exit) and removes its folder. */
  dispose(): Promise<void>;
}

/** A real core on a fresh database file in a temporary folder, with a clock the test drives. */
export function tempKiosk(options: Partial<KioskCoreOptions> & { prepare?: (databaseFile: string) => void } = {}): TempKiosk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-test-'));
  const databaseFile = path.join(dir, 'kiosk.sqlite');
  options.prepare?.(databaseFile);
  const clock = manualClock('2026-11-22T09:00:00+03:00');
  const core = createKioskCore({ databaseFile, clock, version: 'test', ...options });
  return {
    core,
    dir,
    databaseFile,
    clock,
    async dispose() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows in every table: a rejected call must leave this unchanged. */
export function tableCounts(core: KioskCore): Record<string, number> {
  const { db } = core.context;
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/** A temporary kiosk whose replica holds 50 demo citizens (seed 3, as of 22 Nov 2026): where the recovery tests start. */
export function seededKiosk(options: Partial<KioskCoreOptions> = {}): TempKiosk {
  return tempKiosk({
    ...options,
    prepare: (file) => {
      const db = openDatabase(file);
      seedDemoData(db, { citizens: 50, seed: 3, now: new Date('2026-11-22T06:00:00Z') });
      db.close();
    },
  });
}

/** The answer of a call the test expects to pass; a refusal fails the test, naming its code. */
export async function accepted<K extends CallName>(kiosk: TempKiosk, name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await kiosk.core.invoke(name, request);
  if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
  return result.value as CallResponse<K>;
}

/** The code of the refusal, or 'accepted'. */
export async function refusalCode(kiosk: TempKiosk, name: CallName, request: unknown): Promise<string> {
  const result = await kiosk.core.invoke(name, request);
  return result.ok ? 'accepted' : result.error.code;
}
