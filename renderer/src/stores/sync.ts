import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SyncStatus } from '@shared/contract/sync';
import { onCoreEvent } from '../api/core-events';
import { call } from '../api/kiosk';

/** The kiosk's link to the back office, kept current by the core's `sync.status` event. */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null);
  onCoreEvent('sync.status', (next) => (status.value = next));

  async function load(): Promise<void> {
    status.value = await call('sync.status', {});
  }

  /**
   * Whether the replica is loaded, asking the core the first time. A core that cannot be asked
   * is let decide itself: it refuses lookups and recovery until the replica is ready.
   */
  async function replicaReady(): Promise<boolean> {
    if (!status.value) await load().catch(() => undefined);
    return status.value?.replica.ready ?? true;
  }

  return { status, load, replicaReady };
});
