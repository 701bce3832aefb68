import { readdirSync } from 'node:fs';
import path from 'node:path';

const BACKUP_NAME = /^kiosk-(\d{8}T\d{6}Z)\.sqlite$/;

/** `kiosk-20261122T233000Z.sqlite`: sorts by name in time order, and says when it was taken. */
export function backupFileName(at: Date): string {
  return `kiosk-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}.sqlite`;
}

/** The finished backups in `dir`, newest first (partial files are not backups). */
export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}
