import type { EventPayload } from '@shared/contract';
import type { KioskCore } from '../core/kiosk-core';
import { progressBar, type ProgressBar } from '../core/progress-bar';

/**
 * The replica's first load (or a rebuild) as a progress bar in the host's console, from the
 * same sync status the screen shows: the demo's load from its hub, a real kiosk's from the
 * back office. Nothing is drawn while the replica merely follows changes.
 */
export function showReplicaLoadProgress(core: KioskCore): void {
  let bar: { bar: ProgressBar; total: number } | undefined;
  core.subscribe((name, payload) => {
    if (name !== 'sync.status') return;
    const { load } = (payload as EventPayload<'sync.status'>).replica;
    if (!load) {
      // The load completed (its last figures were not published, only the swap).
      bar?.bar.update(bar.total);
      bar?.bar.stop();
      bar = undefined;
      return;
    }
    const total = load.totalRows ?? load.rowsLoaded;
    bar ??= { bar: progressBar('Loading the replica', 'rows', total), total };
    bar.total = total;
    bar.bar.update(load.rowsLoaded, total);
  });
}
