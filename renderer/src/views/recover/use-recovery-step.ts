import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { KioskCallError } from '../../api/kiosk';

/**
 * Runs one step of the flow: shows the core's refusal beside the form, and sends a locked-out
 * ID number to the counter screen, whatever step found it out.
 */
export function useRecoveryStep() {
  const router = useRouter();
  const error = ref<KioskCallError['payload'] | null>(null);
  const busy = ref(false);

  async function run(action: () => Promise<void>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await action();
    } catch (failure) {
      if (!(failure instanceof KioskCallError)) throw failure;
      if (failure.payload.code === 'recovery.lockedOut') await router.replace({ name: 'recover-counter' });
      else error.value = failure.payload;
    } finally {
      busy.value = false;
    }
  }

  return { error, busy, run };
}
