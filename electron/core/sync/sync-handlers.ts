import type { syncCalls } from '../../../shared/contract/sync';
import type { HandlersFor } from '../handlers';
import type { SyncService } from './sync-service';

export function syncHandlers(sync: SyncService): HandlersFor<keyof typeof syncCalls> {
  return {
    'sync.status': () => sync.status(),
  };
}
