import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SyncStatus } from '../../../shared/contract/sync';
import { call, kiosk } from '../api/kiosk';

/** The kiosk's link to the back office, kept current by the core's `sync.status` event. */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null);
  let listening = false;

  async function load(): Promise<void> {
    if (!listening && kiosk) {
      kiosk.on('sync.status', (next) => (status.value = next));
      listening = true;
    }
    status.value = await call('sync.status', {});
  }

  return { status, load };
});
