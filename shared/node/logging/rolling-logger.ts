import { chmodSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { OWNER_ONLY_FILE, ownerOnlyDirectory } from '../owner-only';
import { kioskLoggerOptions } from './logger';

export interface LogRotation {
  rotateAtKilobytes: number;
  /** Files kept, the one being written included. */
  keepFiles: number;
}

/** The name of the link to the file being written, beside the rolled files (pino-roll's). */
export const CURRENT_LOG = 'current.log';

/**
 * A kiosk's log: `<dir>/<name>.<n>.log`, a new file each day and at the size limit, the
 * oldest removed past `keepFiles` (pino-roll), `current.log` linking the one being written.
 * Written synchronously: a line is in the file before the call returns, so the record of a
 * crash is there even when the process dies on the next line. A kiosk writes a few lines a
 * minute, and a write to the page cache takes microseconds.
 */
export async function createRollingLogger(dir: string, name: string, rotation: LogRotation, level?: string): Promise<Logger> {
  ownerOnlyDirectory(dir);
  const stream = await pinoRoll({
    file: path.join(dir, name),
    extension: '.log',
    size: `${rotation.rotateAtKilobytes}k`,
    frequency: 'daily',
    // Files left by earlier runs count too: a service restarted every day must not pile them up.
    limit: { count: rotation.keepFiles - 1, removeOtherLogFiles: true },
    symlink: true,
    sync: true,
    mode: OWNER_ONLY_FILE,
  });
  // A file made by an earlier run under a looser umask is its user's alone from now on, too.
  chmodSync(path.join(dir, readlinkSync(path.join(dir, CURRENT_LOG))), OWNER_ONLY_FILE);
  // A roll that cannot open its next file (the folder removed, the disk full) is said on stderr,
  // which the service manager keeps: unheard, the stream's 'error' would end the kiosk.
  stream.on('error', (error: Error) => process.stderr.write(`the log could not be written in ${dir}: ${error.message}\n`));
  return pino(kioskLoggerOptions(level), stream);
}
