import type { Db } from '../core/db/open';
import { markReplicaReady, replicaSchema } from '../core/db/replica-attachment';
import { nairobiDay } from './calendar';
import { DEMO_PEOPLE } from './demo-people';
import { FEE_CATALOGUE } from './fee-catalogue';
import { UniqueIdentifiers } from './kenyan-identifiers';
import { Random } from './random';
import { RandomCitizens } from './random-citizens';
import { ReplicaWriter, type RowCounts } from './replica-writer';
import { reserveDemoIdentifiers, writeDemoPeople } from './write-demo-people';

export interface SeedOptions {
  /** Citizens in total, the fixed demo people included. */
  citizens?: number;
  seed?: number;
  /** The moment the data describes: statuses and expiry dates are relative to it. */
  now?: Date;
  /** Told the citizens written so far, every PROGRESS_EVERY of them: the seed CLI's progress bar. */
  onProgress?: (citizensWritten: number) => void;
}

export interface SeedReport extends RowCounts {
  ms: number;
  rowsPerSecond: number;
}

export const DEFAULT_CITIZENS = 10_000;
export const DEFAULT_SEED = 1;
/** Beyond this the KA–KD plate series fill up and drawing unique plates slows down. */
export const MAX_CITIZENS = 2_000_000;
/** Page cache while seeding (KiB): keeps the unique indexes in memory instead of spilling to the WAL. */
const SEED_CACHE_KIB = 512 * 1024;
/** Citizens between two progress reports: often enough for a bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 5_000;

/**
 * Fills an empty replica with the fixed demo people followed by random citizens, all in one
 * transaction. The same seed and `now` always produce the same database.
 */
export function seedDemoData(db: Db, options: SeedOptions = {}): SeedReport {
  const citizens = options.citizens ?? DEFAULT_CITIZENS;
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  if (!Number.isInteger(citizens) || citizens < DEMO_PEOPLE.length || citizens > MAX_CITIZENS) {
    throw new RangeError(`citizens must be a whole number from ${DEMO_PEOPLE.length} to ${MAX_CITIZENS}, got ${citizens}`);
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');

  const started = performance.now();
  const counts = withSeedCache(db, () =>
    db
      .transaction(() => {
        const existing = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM citizens').get()?.n ?? 0;
        if (existing > 0) {
          throw new Error(`refusing to seed: the database already has ${existing} citizens`);
        }
        const today = nairobiDay(now);
        const random = new Random(seed);
        const ids = new UniqueIdentifiers(random);
        const writer = new ReplicaWriter(db, today, now.toISOString());

        for (const fee of FEE_CATALOGUE) writer.fee(fee);
        reserveDemoIdentifiers(DEMO_PEOPLE, ids);
        writeDemoPeople(DEMO_PEOPLE, writer, today);
        const people = new RandomCitizens(random, ids, writer, today);
        for (let i = DEMO_PEOPLE.length; i < citizens; i++) {
          people.write();
          if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1);
        }
        markReplicaReady(db, now);
        return { ...writer.counts };
      })
      // IMMEDIATE takes the write lock up front, so two shells seeding at once cannot both see "empty".
      .immediate(),
  );
  const ms = performance.now() - started;
  const rows = counts.citizens + counts.accounts + counts.licences + counts.vehicles + counts.fines + counts.fees;
  return { ...counts, ms: Math.round(ms), rowsPerSecond: Math.round(rows / (ms / 1000)) };
}

/** The replica's own cache: the seed writes only the replica's tables. */
function withSeedCache<T>(db: Db, work: () => T): T {
  const schema = replicaSchema(db);
  const previous = db.pragma(`${schema}.cache_size`, { simple: true }) as number;
  db.pragma(`${schema}.cache_size = -${SEED_CACHE_KIB}`);
  try {
    return work();
  } finally {
    db.pragma(`${schema}.cache_size = ${previous}`);
  }
}
