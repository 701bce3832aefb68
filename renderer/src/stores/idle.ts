import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useKioskStore } from './kiosk';

const TICK_MS = 250;

/**
 * Idle timeout with a warning the citizen can extend. Uses Date.now and timers only, so
 * tests can drive it with a fake clock.
 */
export const useIdleStore = defineStore('idle', () => {
  const kioskInfo = useKioskStore();
  const lastActivity = ref(Date.now());
  const now = ref(Date.now());
  const running = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;
  let onTimeout: () => void = () => undefined;

  const idleMs = computed(() => now.value - lastActivity.value);
  const timeoutMs = computed(() => kioskInfo.idleTimeoutSeconds * 1000);
  const warning = computed(() => running.value && idleMs.value >= timeoutMs.value - kioskInfo.idleWarningSeconds * 1000);
  const secondsLeft = computed(() => Math.max(0, Math.ceil((timeoutMs.value - idleMs.value) / 1000)));

  function tick(): void {
    now.value = Date.now();
    if (running.value && idleMs.value >= timeoutMs.value) {
      stop();
      onTimeout();
    }
  }

  function start(handler: () => void): void {
    onTimeout = handler;
    running.value = true;
    activity(true);
    clearInterval(timer);
    timer = setInterval(tick, TICK_MS);
  }

  function stop(): void {
    running.value = false;
    clearInterval(timer);
  }

  /** A touch or key press; ignored while the warning is up, which needs a deliberate answer. */
  function activity(force = false): void {
    if (warning.value && !force) return;
    lastActivity.value = Date.now();
    now.value = lastActivity.value;
  }

  return { running, warning, secondsLeft, start, stop, activity };
});
