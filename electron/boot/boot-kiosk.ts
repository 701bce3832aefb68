import path from 'node:path';
import { heavyJobsProcessPid, startHeavyJobsProcess, stopHeavyJobsProcess } from '../core/heavy-job-runner';
import { createKioskCore, type KioskCore } from '../core/kiosk-core';
import type { DatabaseKey } from '../core/secrets/database-key';
import type { Logger } from '@shared/node/logging/logger';
import { createRollingLogger } from '@shared/node/logging/rolling-logger';
import { parseKioskSettings, type KioskSettings } from '../core/settings/kiosk-settings';
import { startDemoHub } from '../demo/demo-hub';
import { settingsOrDemo } from '../demo/demo-settings';
import { ensureDemoDatabase } from '../demo/ensure-demo-database';
import { startPaymentSimulators } from '../simulators/payment-simulators';
import { checkProductionStart, databaseModeProblems, modeOf, StartRefused } from './production-start';

export interface BootOptions {
  /** The shell's data folder: database, logs, backups, printed receipts. */
  dataDir: string;
  /** The settings the shell's store holds, if anything was written (the core validates them). */
  storedSettings: unknown;
  /** Another database than `<dataDir>/kiosk.sqlite`; used as it is, never seeded. */
  databaseFile?: string;
  /** The log's name in its folder: it rolls into `<name>.1.log`, `<name>.2.log`, … (`current.log` links the newest). */
  logName: string;
  /** Where the logs go, if not `<dataDir>/logs` (a service's LogsDirectory). */
  logDir?: string;
  version: string;
  /** Demo: also run the reference hub and fill the replica from it over the sync protocol. */
  withDemoHub?: boolean;
  /** The shell's keeper of the database key (a key file or credential; safeStorage), asked only in production. */
  databaseKey?: () => DatabaseKey;
  /** Where the boot says what it started (the browser host prints it; Electron logs it). */
  say?: (line: string) => void;
}

export interface BootedKiosk {
  readonly core: KioskCore;
  readonly log: Logger;
  readonly databaseFile: string;
  /** Where receipts go, in a line for the operator's console. */
  readonly printer: string;
  close(): Promise<void>;
}

/**
 * The one start-up both shells run. Production: every rule checked before anything is
 * written (StartRefused names each problem), then the encrypted database, no demo data, no
 * simulator. Demo: settings (the demo's when none are written), a demo replica on first
 * start, the simulators the settings name, the demo hub if asked for. The shells add only
 * their window or their server.
 */
export async function bootKiosk(options: BootOptions): Promise<BootedKiosk> {
  const databaseFile = options.databaseFile ?? path.join(options.dataDir, 'kiosk.sqlite');
  return modeOf(options.storedSettings) === 'production' ? bootProduction(options, databaseFile) : bootDemo(options, databaseFile);
}

async function bootProduction(options: BootOptions, databaseFile: string): Promise<BootedKiosk> {
  const { settings, key } = checkProductionStart({
    storedSettings: options.storedSettings,
    dataDir: options.dataDir,
    databaseFile,
    withDemoHub: options.withDemoHub ?? false,
    databaseKey: options.databaseKey,
  });
  const log = await kioskLog(options, parseKioskSettings(settings));
  const core = createKioskCore({ databaseFile, settings, databaseKey: key, log, version: options.version, backups: { dir: path.join(options.dataDir, 'backups') } });
  return booted(core, log, databaseFile, () => core.close());
}

async function bootDemo(options: BootOptions, databaseFile: string): Promise<BootedKiosk> {
  const say = options.say ?? (() => undefined);
  const problems = databaseModeProblems('demo', databaseFile);
  if (problems.length > 0) throw new StartRefused('demo', problems);
  const { settings: stored, demo } = settingsOrDemo(options.storedSettings);
  if (demo) say('No settings written: running the demo (simulated M-Pesa and card terminal).');
  const hub = options.withDemoHub ? await startDemoHub(options.dataDir, 10_000) : undefined;
  if (hub) say(`Reference hub serving at ${hub.url}`);
  const settings = hub ? hub.settingsFor(stored) : stored;
  if (!options.databaseFile && !hub && ensureDemoDatabase(databaseFile).created) say(`Created a demo database at ${databaseFile}`);
  say(`Demo mode: ${databaseFile} is not encrypted and holds made-up people; a real kiosk runs in production mode.`);
  const log = await kioskLog(options, parseKioskSettings(settings));
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
  return booted(core, log, databaseFile, async () => {
    await core.close();
    hub?.stop();
    await simulators.close();
  });
}

function kioskLog(options: BootOptions, settings: KioskSettings): Promise<Logger> {
  return createRollingLogger(options.logDir ?? path.join(options.dataDir, 'logs'), path.basename(options.logName, '.log'), settings.logs);
}

/** Where receipts go, for the operator's console: a folder of ESC/POS files only for the simulator. */
function describePrinter(printer: KioskSettings['printer'], databaseFile: string): string {
  switch (printer.transport) {
    case 'file':
      return `printed receipts as ESC/POS files in ${path.resolve(path.dirname(databaseFile), printer.folder)}`;
    case 'tcp':
      return `receipt printer at ${printer.host}:${printer.port}`;
    case 'usb':
      return `receipt printer on ${printer.devicePath}`;
    case 'none':
      return 'no receipt printer (receipts by SMS or email)';
  }
}

function booted(core: KioskCore, log: Logger, databaseFile: string, close: () => void | Promise<void>): BootedKiosk {
  // Now, while the kiosk process is small and no citizen is searching: a fork later stalls the screen's thread.
  try {
    startHeavyJobsProcess();
    log.info({ pid: heavyJobsProcessPid() }, 'heavy-jobs process started');
  } catch (error) {
    // The kiosk still serves citizens; the first heavy job tries again and fails with the reason.
    log.error({ err: error }, 'the heavy-jobs process did not start');
  }
  return {
    core,
    log,
    databaseFile,
    printer: describePrinter(core.context.settings.printer, databaseFile),
    close: async () => {
      try {
        await close();
      } finally {
        stopHeavyJobsProcess();
      }
    },
  };
}
