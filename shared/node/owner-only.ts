import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** Read and write for the kiosk's own user, nobody else. */
export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

/**
 * Makes `file` readable only by the kiosk's user, creating it empty with those permissions
 * if it does not exist yet, so it is never readable by others even for a moment. SQLite
 * gives its -wal and -shm files the database file's permissions; existing ones are fixed
 * here too, in case they were made before.
 */
export function restrictDatabaseFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, OWNER_ONLY_FILE);
  }
}

/** A folder only the kiosk's user can list or enter (created if missing). */
export function ownerOnlyDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  chmodSync(dir, OWNER_ONLY_DIR);
}
