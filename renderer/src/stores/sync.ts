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

  return { status, load };
});
