import { ref } from 'vue';
import { useRouter } from 'vue-router';
import type { ErrorCode } from '@shared/errors';
import type { KioskErrorPayload } from '@shared/result';
import { KioskCallError } from '../api/call-error';

interface CoreStepOptions {
  /** Refusals that take the citizen to another screen (route name) instead of being shown here. */
  routeOn?: Partial<Record<ErrorCode, string>>;
}

/**
 * A screen's one action at a time: busy while it runs (a second tap does nothing), and the
 * core's refusal, with its bilingual message, kept for the screen to show. Every screen that
 * calls the core (through a store) runs its actions here.
 */
export function useCoreStep({ routeOn }: CoreStepOptions = {}) {
  const router = routeOn ? useRouter() : null;
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
      const elsewhere = routeOn?.[failure.payload.code as ErrorCode];
      if (router && elsewhere) await router.replace({ name: elsewhere });
      else error.value = failure.payload;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
