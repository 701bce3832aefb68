import type { Logger } from 'pino';

/**
 * Leaves the reason for a crash in the log: an exception nothing caught, or a promise
 * rejection nothing handled, logged as fatal before Node prints it and exits with code 1
 * (a service manager then restarts the process). A monitor changes nothing of that exit; the
 * logger must write synchronously for the line to be in the file before the process is gone.
 */
export function recordCrashes(log: Logger, proc: Pick<NodeJS.Process, 'on'> = process): void {
  proc.on('uncaughtExceptionMonitor', (error, origin) => {
    log.fatal({ err: error, origin }, 'crashed');
  });
}
