import path from 'node:path';
import { createKioskCore, type KioskCore } from '../core/kiosk-core';
import { createLogger, type Logger } from '@shared/node/logging/logger';
import { startDemoHub } from '../demo/demo-hub';
import { settingsOrDemo } from '../demo/demo-settings';
import { ensureDemoDatabase } from '../demo/ensure-demo-database';
import { startPaymentSimulators } from '../simulators/payment-simulators';

export interface BootOptions {
  /** The shell's data folder: database, logs, backups, printed receipts. */
  dataDir: string;
  /** The settings the shell's store holds, if anything was written (the core validates them). */
  storedSettings: unknown;
  /** Another database than `<dataDir>/kiosk.sqlite`; used as it is, never seeded. */
  databaseFile?: string;
  /** The log file's name in `<dataDir>/logs`. */
  logName: string;
  version: string;
  /** Demo: also run the reference hub and fill the replica from it over the sync protocol. */
  withDemoHub?: boolean;
  /** Where the boot says what it started (the browser host prints it; Electron logs it). */
  say?: (line: string) => void;
}

export interface BootedKiosk {
  readonly core: KioskCore;
  readonly log: Logger;
  readonly databaseFile: string;
  /** Where the receipt printer (a file printer until a transport is chosen) writes. */
  readonly receiptsFolder: string;
  close(): Promise<void>;
}

/**
 * The one start-up both shells run: settings (the demo's when none are written), the
 * database (a demo replica on first start), the payment simulators the settings name, the
 * demo hub if asked for, then the core. The shells add only their window or their server.
 */
export async function bootKiosk(options: BootOptions): Promise<BootedKiosk> {
  const say = options.say ?? (() => undefined);
  const { settings: stored, demo } = settingsOrDemo(options.storedSettings);
  if (demo) say('No settings written: running the demo (simulated M-Pesa and card terminal).');
  const databaseFile = options.databaseFile ?? path.join(options.dataDir, 'kiosk.sqlite');
  const hub = options.withDemoHub ? await startDemoHub(options.dataDir, 10_000) : undefined;
  if (hub) say(`Reference hub serving at ${hub.url}`);
  const settings = hub ? hub.settingsFor(stored) : stored;
  if (!options.databaseFile && !hub && ensureDemoDatabase(databaseFile).created) say(`Created a demo database at ${databaseFile}`);
  const log = createLogger({ file: path.join(options.dataDir, 'logs', options.logName) });
  const simulators = await startPaymentSimulators(settings, log);
  for (const line of simulators.started) say(line);
  const core = createKioskCore({
    databaseFile,
    settings,
    log,
    version: options.version,
    payments: simulators.options,
    backups: { dir: path.join(options.dataDir, 'backups') },
  });
  return {
    core,
    log,
    databaseFile,
    receiptsFolder: path.resolve(path.dirname(databaseFile), core.context.settings.printer.folder),
    async close() {
      core.close();
      hub?.stop();
      await simulators.close();
    },
  };
}
