import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualClock } from '../../electron/core/clock';
import { createKioskCore, type KioskCore, type KioskCoreOptions } from '../../electron/core/kiosk-core';

export interface TempKiosk {
  core: KioskCore;
  dir: string;
  databaseFile: string;
  clock: ReturnType<typeof manualClock>;
  dispose(): void;
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
    dispose() {
      core.close();
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
