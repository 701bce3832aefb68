import { ref } from 'vue';
import type { KioskErrorPayload } from '../../../../shared/result';
import { KioskCallError } from '../../api/kiosk';

/** One call at a time from a lookup screen, with the core's refusal kept for the screen to show. */
export function useLookupStep() {
  const busy = ref(false);
  const error = ref<KioskErrorPayload | null>(null);

  async function run(work: () => Promise<void>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await work();
    } catch (failure) {
      if (!(failure instanceof KioskCallError)) throw failure;
      error.value = failure.payload;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
