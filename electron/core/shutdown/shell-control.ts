import type { CoreContext } from '../context';

/** Why the shell lost its screen: Electron's render-process-gone reasons, or a renderer that stopped answering. */
export type ScreenLossCause = 'crashed' | 'killed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'abnormal-exit' | 'memory-eviction' | 'unresponsive';

/**
 * What the core offers the shell that serves it (never the renderer): a supervisor's shutdown
 * to act on, a lost screen to record, and whether this is a moment nobody is being served.
 */
export class ShellControl {
  private readonly shutdownListeners = new Set<() => void>();

  constructor(private readonly ctx: Pick<CoreContext, 'offThreadSync' | 'audit' | 'visits' | 'staff' | 'log'>) {}

  /** The shell closes (or the host exits) when a supervisor asks for it. */
  onShutdownRequested(listener: () => void): () => void {
    this.shutdownListeners.add(listener);
    return () => this.shutdownListeners.delete(listener);
  }

  /** Audited under the supervisor's number; the visit ends with it (signing them out), then the shell hears. */
  requestShutdown(supervisorId: string): void {
    this.ctx.offThreadSync.commit(() => this.ctx.audit.append({ action: 'kiosk.shutdown', outcome: 'requested', actor: `staff:${supervisorId}` }));
    this.ctx.visits.end('staff');
    this.ctx.log.info({ listeners: this.shutdownListeners.size }, 'shutdown requested by a supervisor');
    for (const listener of this.shutdownListeners) listener();
  }

  /**
   * The renderer died or hung: whatever the last citizen had on screen must not come back
   * with the reload, so their visit ends here (the core forgets it, staff are signed out),
   * recorded with the cause alone.
   */
  screenLost(cause: ScreenLossCause): void {
    const visitId = this.ctx.visits.current()?.id ?? null;
    this.ctx.offThreadSync.commit(() => this.ctx.audit.append({ action: 'kiosk.screenLost', outcome: cause, actor: 'system', visitId }));
    this.ctx.visits.end('screen-lost');
    this.ctx.log.warn({ cause, visitOpen: visitId !== null }, 'screen lost: visit wiped');
  }

  /** No visit open and no staff signed in: a moment an update may install without cutting anyone off. */
  isQuiet(): boolean {
    return this.ctx.visits.current() === undefined && this.ctx.staff.current() === undefined;
  }
}
