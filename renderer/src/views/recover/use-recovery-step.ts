import { useRouter } from 'vue-router';
import { useCoreStep } from '../../composables/use-core-step';

/** A recovery step: a locked-out ID number goes to the counter screen, whatever step found it out. */
export function useRecoveryStep() {
  const router = useRouter();
  return useCoreStep(async (refusal) => {
    if (refusal.code !== 'recovery.lockedOut') return false;
    await router.replace({ name: 'recover-counter' });
    return true;
  });
}
