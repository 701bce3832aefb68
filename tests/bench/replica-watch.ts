import type { KioskCore } from '../../electron/core/kiosk-core';

const POLL_MS = 20;

/**
 * The ONE place the heavy-work bench knows how the replica loader marks a finished load; all
 * else uses the core's public calls. Today: the downloader fills `<table>__next` tables under
 * the `replica.next` cursor, and swapping them in moves that cursor to `replica`. A load (or
 * rebuild) has swapped in when there is a live cursor, no rebuild cursor, and the live cursor
 * is not the one there was when the watch began (a `mustRefetch` starts a new epoch, which
 * changes every cursor). When the loader moves to a worker writing its own replica files
 * with a "ready" state, this function is what changes.
 */
export function replicaWatch(core: KioskCore): { ready(): Promise<void> } {
  const cursors = core.context.db.prepare<[], { stream: string; cursor: string }>("SELECT stream, cursor FROM sync_cursors WHERE stream IN ('replica', 'replica.next')");
  const read = () => new Map(cursors.all().map((row) => [row.stream, row.cursor]));
  const before = read().get('replica');
  return {
    ready: async () => {
      for (;;) {
        const now = read();
        const live = now.get('replica');
        if (live !== undefined && live !== before && !now.has('replica.next')) return;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
  };
}
