import { attachedReplicaFile } from '../../electron/core/db/replica-attachment';
import type { KioskCore } from '../../electron/core/kiosk-core';

const POLL_MS = 20;

/**
 * The ONE place the heavy-work bench knows how the replica loader marks a finished load; all
 * else uses the core's public calls. A load (first or rebuild) has swapped in when the core
 * attached a newer replica file than the one it had when the watch began.
 */
export function replicaWatch(core: KioskCore): { ready(): Promise<void> } {
  const before = attachedReplicaFile(core.context.db);
  return {
    ready: async () => {
      while (attachedReplicaFile(core.context.db) === before) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    },
  };
}
