import { setImmediate as nextTurn } from 'node:timers/promises';
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
 * One download round: pages until the hub has nothing more, each committed with its cursor.
 * The next page is requested before the current one is written, so the hub reads and sends
 * while the kiosk inserts. A `mustRefetch` (or no replica yet) starts a rebuild beside the
 * live tables; the last page of a rebuild swaps it in. Uploads play no part: a stuck outbox
 * never holds the replica back. Each page of a load into a new file is reported to
 * `onLoadProgress` (a live replica's small deltas are not a load).
 */
export function downloadStep(replica: ReplicaStore, client: HubClient, pageRows: number, onLoadProgress: (progress: LoadProgress) => void = () => undefined): SyncStep {
  return async (signal) => {
    let position = replica.position();
    if (position === undefined) {
      replica.beginRebuild();
      position = { target: 'next', cursor: undefined };
    }
    const { target } = position;
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
      const rowsLoaded = replica.apply(page, target);
      if (target === 'next') onLoadProgress({ rowsLoaded, totalRows: page.totalRows ?? null });
      if (!page.hasMore) {
        if (target === 'next') replica.finishRebuild();
        return 'done';
      }
    }
  };
}
