import { ref } from 'vue';
import type { KioskErrorPayload } from '../../../../shared/result';
import { KioskCallError } from '../../api/kiosk';

/** A screen's one action at a time: busy while it runs, the core's refusal shown if it fails. */
export function usePayStep() {
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
      error.value = failure.payload;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
