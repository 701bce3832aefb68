import { closeSync, openSync, readSync } from 'node:fs';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether `file` begins with SQLite's plaintext header, i.e. is not encrypted: an encrypted
 * file's first page is random-looking bytes. A production kiosk refuses such a (demo) database.
 * False for a missing or shorter file.
 */
export function isPlaintextSqliteFile(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}
