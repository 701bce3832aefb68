import { ref } from 'vue';
import type { KioskErrorPayload } from '../../../shared/result';
import { KioskCallError } from '../api/kiosk';

/**
 * A screen's one action at a time: busy while it runs (a second tap does nothing), and the
 * core's refusal kept for the screen to show. `divert` may take a refusal elsewhere instead
 * (e.g. to the counter screen); it returns true when it did.
 */
export function useCoreStep(divert?: (refusal: KioskErrorPayload) => Promise<boolean>) {
  const busy = ref(false);
  const error = ref<KioskErrorPayload | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await action();
    } catch (failure) {
      if (!(failure instanceof KioskCallError)) throw failure;
      if (!(await divert?.(failure.payload))) error.value = failure.payload;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
