import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { HubClient } from './hub-client';
import type { DownloadResponse } from '@shared/sync/protocol';
import type { ReplicaStore } from './replica-store';
import type { SyncStep } from './sync-loop';

/** How far a first load or a rebuild has come: rows in its file, and the hub's total if it sends one. */
export interface LoadProgress {
  rowsLoaded: number;
  totalRows: number | null;
}

/**
 * How long a rebuild rests after each page, as a share of the time the page took to write. A
 * rebuild is not urgent (the live replica answers every lookup until the swap), and the disk's
 * cache flushes that make a citizen's search record durable carry whatever the loader wrote
 * before them: resting as long as it wrote, the loader leaves them room (issue 15: trials with
 * fixed rests of 300-600 ms gave the lowest p99s of searches during a rebuild, 17-18 ms against
 * 18-23 without; resting this long the rebuild takes 52-62 s instead of 40, and the runs so far
 * are within the noise: see the README). A first load is not slowed: the kiosk serves nobody
 * until it is done.
 */
const REBUILD_REST_PER_WRITE = 1;

/** The loader's rest between pages: a timer its round's abort ends. */
export type Rest = (ms: number, signal: AbortSignal) => Promise<void>;
const restFor: Rest = (ms, signal) => sleep(ms, undefined, { signal });

/**
 * One download round: pages until the hub has nothing more, each committed with its cursor.
 * The next page is requested before the current one is written, so the hub reads and sends
 * while the kiosk inserts. A `mustRefetch` (or no replica yet) starts a rebuild beside the
 * live tables; the last page of a rebuild swaps it in. Uploads play no part: a stuck outbox
 * never holds the replica back. Each page of a load into a new file is reported to
 * `onLoadProgress` (a live replica's small deltas are not a load). A rebuild beside a live
 * replica rests between pages (`rest`, see REBUILD_REST_PER_WRITE).
 */
export function downloadStep(
  replica: ReplicaStore,
  client: HubClient,
  pageRows: number,
  onLoadProgress: (progress: LoadProgress) => void = () => undefined,
  rest: Rest = restFor,
): SyncStep {
  return async (signal) => {
    let position = replica.position();
    if (position === undefined) {
      replica.beginRebuild();
      position = { target: 'next', cursor: undefined };
    }
    const { target } = position;
    // Decided once a round: the live replica changes only when a load's last page swaps it.
    const restsBetweenPages = target === 'next' && replica.hasLiveReplica();
    const fetchPage = (cursor: string | undefined): Promise<DownloadResponse> => {
      const page = client.download(cursor, pageRows, signal);
      // Settled later or abandoned on failure: never an unhandled rejection.
      page.catch(() => undefined);
      return page;
    };

    let pending = fetchPage(position.cursor);
    for (;;) {
      const page = await pending;
      if ('mustRefetch' in page) {
        replica.beginRebuild();
        return 'more';
      }
      if (page.hasMore) {
        pending = fetchPage(page.cursor);
        // Let the request leave before the synchronous write below holds the thread.
        await nextTurn();
        signal.throwIfAborted();
      }
      const writing = performance.now();
      const rowsLoaded = replica.apply(page, target);
      const wroteMs = performance.now() - writing;
      if (target === 'next') onLoadProgress({ rowsLoaded, totalRows: page.totalRows ?? null });
      if (!page.hasMore) {
        if (target === 'next') replica.finishRebuild();
        return 'done';
      }
      if (restsBetweenPages) await rest(wroteMs * REBUILD_REST_PER_WRITE, signal);
    }
  };
}
