import { open, type FileHandle } from 'node:fs/promises';
import type { Logger } from '@shared/node/logging/logger';
import type { Db } from './open';

/**
 * Commits whose sync to disk runs off the thread that answers the screen: every record a call
 * makes (a search's audit row and event, a visit's start and end, codes, recovery, staff
 * signing in and out, a clerk's shift, every payment's record and change, a supervisor's
 * report export and day close); and commits that need no sync of their own, the sync loops'
 * bookkeeping.
 *
 * SQLite syncs a commit with fsync, on the thread that commits, and while the replica loader
 * writes, that fsync took up to 54 ms (it commits ext4's journal, which first writes the
 * loader's new blocks, and flushes the disk's cache, which holds the loader's writes too).
 * Here SQLite commits without its sync (synchronous=NORMAL, for this one transaction) and the
 * WAL is then synced with fdatasync on libuv's thread pool: the answering thread stays free.
 * (fdatasync of an overwritten WAL needs no journal commit; the cache flush remains, so the
 * wait moves off the thread but does not vanish: see the README.)
 *
 * A commit through here is as durable as SQLite's own once `synced()` resolves; until then a
 * power cut may lose it. So nothing may act on it outside the kiosk before that: the core's
 * answer to the screen waits for it (the dispatcher), as do an upload to the hub, a payment's
 * screen event, a one-time code's SMS, and a request to M-Pesa or the card terminal to take
 * money (a payment's record is on disk before any provider hears of it).
 */
export class OffThreadSync {
  private wal: Promise<FileHandle> | undefined;
  private latest: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /**
   * Runs `write` as one transaction committed without SQLite's sync, then starts the WAL's sync at
   * once. `immediate` takes the write lock as it begins, for a read that decides a write (a count).
   */
  commit<T>(write: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
    // An in-memory database (a test's) has nothing to sync; inside a transaction, its commit decides.
    if (this.db.memory || this.db.inTransaction) return this.db.transaction(write)[mode]();
    const result = this.commitUnsynced(write, mode);
    // Started after the commit, it covers this commit and every one before it.
    const sync = this.syncWal();
    // Settled in commit order, whichever pool thread finishes first: what waits on an earlier
    // commit (a payment's screen event) goes out before what waits on a later one.
    this.latest = this.latest.then(
      () => sync,
      () => sync,
    );
    // Its failure is logged once, below; a caller of synced() still hears it.
    this.latest.catch(() => undefined);
    sync.catch((error: unknown) => this.log.error({ err: error }, 'syncing the kiosk database WAL failed: the last commits may not survive a power cut'));
    return result;
  }

  /**
   * Runs `write` as one transaction committed without SQLite's sync, and starts no sync of its
   * own: for records a power cut may take back without harm, the sync loops' bookkeeping (an
   * upload whose acknowledgement is lost is sent again, and the hub keeps each event once; the
   * last sync time is for display). The next sync of any commit makes it durable, or the
   * checkpointer's within seconds; meanwhile no answer waits for it, and no extra flush of the
   * disk's cache queues beside a citizen's (issue 15: while a client searched, the WAL syncs
   * fell from 1,121 to 502 in 30 s).
   */
  commitWithoutSync<T>(write: () => T): T {
    if (this.db.memory || this.db.inTransaction) return this.db.transaction(write)();
    return this.commitUnsynced(write);
  }

  /** Resolves once every commit made through `commit` so far is on disk; rejects if its sync failed. */
  synced(): Promise<void> {
    return this.latest;
  }

  /** Waits for the last sync and lets go of the WAL; the database may then close. */
  async close(): Promise<void> {
    this.closed = true;
    await this.latest.catch(() => undefined);
    const wal = this.wal;
    this.wal = undefined;
    if (wal) await (await wal).close();
  }

  private commitUnsynced<T>(write: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
    // Not a prepared statement: SQLite applies this pragma when it compiles it.
    this.db.exec('PRAGMA synchronous = NORMAL');
    try {
      return this.db.transaction(write)[mode]();
    } finally {
      this.db.exec('PRAGMA synchronous = FULL');
    }
  }

  private async syncWal(): Promise<void> {
    if (this.closed) throw new Error('the database is closing');
    // SQLite keeps the WAL file (same inode) while the connection is open: opened once.
    if (!this.wal) {
      const opening = open(`${this.db.name}-wal`, 'r');
      this.wal = opening;
      opening.catch(() => {
        if (this.wal === opening) this.wal = undefined;
      });
    }
    await (await this.wal).datasync();
  }
}
