import type { App } from 'electron';
import type { Logger } from 'pino';
import { recordCrashes } from '@shared/node/logging/crash-record';

/** The switch a relaunch after a crash carries, with how many crashes in a row came before. */
export const AFTER_CRASH_SWITCH = '--after-crash=';
/** A kiosk that crashes this many times in a row stops relaunching itself (the next login or a supervisor starts it). */
export const CRASH_RELAUNCH_LIMIT = 3;

type CrashingProcess = Pick<NodeJS.Process, 'on' | 'argv'>;

/**
 * A crash of the main process: Electron would show an error dialog that nobody at a kiosk can
 * dismiss. Instead the reason goes to the log (recordCrashes, before anything else runs) and the
 * kiosk starts afresh; a crash that repeats at once is not retried forever.
 */
export function relaunchAfterCrash(app: Pick<App, 'relaunch' | 'exit'>, log: Logger, proc: CrashingProcess = process): void {
  recordCrashes(log, proc);
  const crashesBefore = Number(proc.argv.find((arg) => arg.startsWith(AFTER_CRASH_SWITCH))?.slice(AFTER_CRASH_SWITCH.length) ?? 0) || 0;
  proc.on('uncaughtException', () => {
    if (crashesBefore + 1 < CRASH_RELAUNCH_LIMIT) {
      const args = proc.argv.slice(1).filter((arg) => !arg.startsWith(AFTER_CRASH_SWITCH));
      app.relaunch({ args: [...args, `${AFTER_CRASH_SWITCH}${crashesBefore + 1}`] });
    } else {
      log.fatal({ crashesInARow: crashesBefore + 1 }, 'not relaunching after repeated crashes');
    }
    app.exit(1);
  });
}
