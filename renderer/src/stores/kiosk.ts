import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../api/kiosk';

/** Facts about this kiosk (not about any visitor): loaded once at start. */
export const useKioskStore = defineStore('kiosk', () => {
  const idleTimeoutSeconds = ref(60);
  const idleWarningSeconds = ref(20);
  const version = ref('');

  async function load(): Promise<void> {
    const info = await call('kiosk.info', {});
    idleTimeoutSeconds.value = info.idleTimeoutSeconds;
    idleWarningSeconds.value = info.idleWarningSeconds;
    version.value = info.version;
  }

  return { idleTimeoutSeconds, idleWarningSeconds, version, load };
});
