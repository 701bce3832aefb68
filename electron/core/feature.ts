import type { CallName } from '@shared/contract';
import type { HandlersFor } from './handlers';

/**
 * The one shape of every feature of the core: `createX(ctx, services it needs)` builds it
 * without side effects; its service is how other features reach it; its handlers answer
 * its calls; `start()` does its start-up work (resuming, expiring), once the core is whole.
 */
export interface Feature<K extends CallName, S> {
  readonly service: S;
  readonly handlers: HandlersFor<K>;
  start(): void;
}
