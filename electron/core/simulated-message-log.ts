import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';

export type Recorded<M> = M & { readonly messageId: string; readonly sentAt: string };

/** Enough for a demo and any test; older messages drop off so memory stays bounded. */
const KEEP_MESSAGES = 200;

/**
 * What a simulated messaging provider does with a message: accepts it and keeps the recent
 * ones in memory, so tests and the demo can read the code a citizen would have received.
 * Nothing leaves the kiosk and nothing is written to disk or logs; a listener (the demo's
 * console, standing in for the citizen's handset) may watch messages go by.
 */
export class SimulatedMessageLog<M extends { readonly to: string }> {
  private readonly messages: Recorded<M>[] = [];
  private readonly listeners = new Set<(message: Recorded<M>) => void>();

  constructor(private readonly clock: Clock) {}

  record(message: M): Recorded<M> {
    const sent: Recorded<M> = { ...message, messageId: `SIM-${randomUUID()}`, sentAt: this.clock.now().toISOString() };
    this.messages.push(sent);
    if (this.messages.length > KEEP_MESSAGES) this.messages.shift();
    for (const listener of this.listeners) listener(sent);
    return sent;
  }

  /** Every message still kept, oldest first. */
  outbox(): readonly Recorded<M>[] {
    return [...this.messages];
  }

  /** The latest message to `to`, if any. */
  lastTo(to: string): Recorded<M> | undefined {
    return this.messages.findLast((message) => message.to === to);
  }

  /** Calls `listener` with each message from now on; returns how to stop. */
  watch(listener: (message: Recorded<M>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
