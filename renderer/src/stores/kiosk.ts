import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, kiosk } from '../api/kiosk';

/** Facts about this kiosk (not about any visitor): loaded at start, and again as each visit starts (the idle times may come from the hub). */
export const useKioskStore = defineStore('kiosk', () => {
  const idleTimeoutSeconds = ref(60);
  const idleWarningSeconds = ref(20);
  const version = ref('');
  /** False when the page found no core to talk to (no preload, no launch secret). */
  const connected = kiosk !== null;

  async function load(): Promise<void> {
    if (!connected) return;
    const info = await call('kiosk.info', {});
    idleTimeoutSeconds.value = info.idleTimeoutSeconds;
    idleWarningSeconds.value = info.idleWarningSeconds;
    version.value = info.version;
  }

  /** Set once a supervisor's shutdown was accepted: the shell is closing, the screen says so. */
  const shuttingDown = ref(false);

  async function shutDown(): Promise<void> {
    await call('kiosk.shutdown', {});
    shuttingDown.value = true;
  }

  return { connected, idleTimeoutSeconds, idleWarningSeconds, version, load, shuttingDown, shutDown };
});
