import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { OWNER_ONLY_FILE } from '@shared/node/owner-only';

/**
 * The key that seals a production kiosk's database, its backups and its secrets: 32 random
 * bytes, kept as 64 hex digits. It never sits beside the database: the Electron shell keeps
 * it with the OS's safeStorage, the browser host reads a key file outside the data folder or
 * the credential systemd hands its service (`LoadCredential=kiosk-database-key:…`).
 */
export type DatabaseKey = Buffer;

export const DATABASE_KEY_BYTES = 32;
/** The credential's name under `$CREDENTIALS_DIRECTORY` (systemd's LoadCredential). */
export const DATABASE_KEY_CREDENTIAL = 'kiosk-database-key';

export class DatabaseKeyError extends Error {}

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(DATABASE_KEY_BYTES);
}

export function parseDatabaseKey(text: string, where: string): DatabaseKey {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new DatabaseKeyError(`${where} must hold the database key as 64 hexadecimal digits`);
  return Buffer.from(hex, 'hex');
}

/** Reads a key file, refusing one that anybody but its owner could read. */
export function readKeyFile(file: string): DatabaseKey {
  if (!existsSync(file)) throw new DatabaseKeyError(`no database key file at ${file}`);
  const fd = openSync(file, 'r');
  try {
    const mode = fstatSync(fd).mode & 0o777;
    if (mode & 0o077) throw new DatabaseKeyError(`the database key file ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
    return parseDatabaseKey(readFileSync(fd, 'utf8'), `the database key file ${file}`);
  } finally {
    closeSync(fd);
  }
}

/** Writes a new key file (never over an existing one), readable only by its owner from the first byte. */
export function writeKeyFile(file: string, key: DatabaseKey): void {
  const fd = openSync(file, 'wx', OWNER_ONLY_FILE);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
}

/** The key systemd handed the service, if it did. */
export function credentialKey(env: NodeJS.ProcessEnv = process.env): DatabaseKey | undefined {
  const dir = env.CREDENTIALS_DIRECTORY;
  if (!dir) return undefined;
  const file = path.join(dir, DATABASE_KEY_CREDENTIAL);
  if (!existsSync(file)) return undefined;
  return parseDatabaseKey(readFileSync(file, 'utf8'), `the credential ${DATABASE_KEY_CREDENTIAL}`);
}

/** True when `file` lies inside `dir` (or is it): a key there would sit beside the database. */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The key for the command-line tools (backup, audit, report, staff): `--key-file`, else the
 * systemd credential; undefined for a demo database, which is not encrypted.
 */
export function commandLineKey(keyFile: string | undefined, env: NodeJS.ProcessEnv = process.env): DatabaseKey | undefined {
  return keyFile ? readKeyFile(path.resolve(keyFile)) : credentialKey(env);
}
