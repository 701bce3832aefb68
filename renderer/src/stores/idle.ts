import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useKioskStore } from './kiosk';

const TICK_MS = 250;

/**
 * Idle timeout with a warning the citizen can extend. On staff screens the staff idle time
 * (attended mode's, longer) applies instead, with its own warning. Uses Date.now and timers
 * only, so tests can drive it with a fake clock.
 */
export const useIdleStore = defineStore('idle', () => {
  const kioskInfo = useKioskStore();
  const lastActivity = ref(Date.now());
  const now = ref(Date.now());
  const running = ref(false);
  /** Set while a staff screen is showing: attended mode's idle time, in seconds. */
  const staffTimeoutSeconds = ref<number | null>(null);
  let timer: ReturnType<typeof setInterval> | undefined;
  let onTimeout: () => void = () => undefined;

  const idleMs = computed(() => now.value - lastActivity.value);
  const timeoutMs = computed(() => (staffTimeoutSeconds.value ?? kioskInfo.idleTimeoutSeconds) * 1000);
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

  /** Staff screen showing (attended mode's idle time in seconds), or a citizen screen (null). */
  function useStaffTimeout(seconds: number | null): void {
    staffTimeoutSeconds.value = seconds;
  }

  return { running, warning, secondsLeft, staffScreen: computed(() => staffTimeoutSeconds.value !== null), start, stop, activity, useStaffTimeout };
});
