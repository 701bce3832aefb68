import { useRouter } from 'vue-router';
import { useVisitStore } from '../../stores/visit';

/** The last screen's "Finish": ends the visit and returns to the attract screen, wiped. */
export function useFinishVisit() {
  const router = useRouter();
  const visit = useVisitStore();
  return async function finish(): Promise<void> {
    await visit.end('done');
    await router.replace({ name: 'attract' });
  };
}
