import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../core/db/open';
import { DEFAULT_CITIZENS, seedDemoData, type SeedReport } from './generate';

/**
 * Zero-configuration start for the shells: makes sure `file` holds a demo replica, seeding
 * it (default seed, current time) when it is missing or has no citizens yet.
 */
export function ensureDemoDatabase(
  file: string,
  citizens = DEFAULT_CITIZENS,
): { created: boolean; report?: SeedReport } {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  try {
    const existing = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM citizens').get()?.n ?? 0;
    if (existing > 0) return { created: false };
    return { created: true, report: seedDemoData(db, { citizens }) };
  } finally {
    db.close();
  }
}
