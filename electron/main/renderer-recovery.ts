import type { RenderProcessGoneDetails, WebContents } from 'electron';
import type { ScreenLossCause } from '../core/shutdown/shell-control';

export interface RendererRecoveryOptions {
  /** The core's record of it: wipes the visit and writes the audit row. */
  screenLost: (cause: ScreenLossCause) => void;
  /** Back to the attract screen, in a fresh renderer. */
  reload: () => void;
  /** The static "out of service" page: what a screen that keeps dying shows instead of reloading for ever. */
  showOutOfService: () => void;
  log: (message: string, details: Record<string, unknown>) => void;
  now?: () => number;
  /** More losses than this within `withinMs` and the screen stays out of service until the kiosk restarts. */
  maxLosses?: number;
  withinMs?: number;
  /** How long a renderer may stay unresponsive (a long task, not a hang) before it is replaced. */
  unresponsiveGraceMs?: number;
}

type WatchedContents = Pick<WebContents, 'on' | 'forcefullyCrashRenderer'>;

/**
 * When the renderer dies (render-process-gone) or hangs (unresponsive past a grace), the
 * visit it showed is wiped in the core and audited, then the attract screen loads in a new
 * renderer. A screen lost `maxLosses` times within `withinMs` is not reloaded again: a
 * reload loop would flash half-drawn screens at the public.
 */
export function recoverLostRenderer(contents: WatchedContents, options: RendererRecoveryOptions): void {
  const { maxLosses = 3, withinMs = 10 * 60_000, unresponsiveGraceMs = 10_000, now = Date.now } = options;
  const losses: number[] = [];
  let outOfService = false;
  let hangTimer: NodeJS.Timeout | undefined;
  // A hung renderer is killed on purpose; its own render-process-gone is then not a second loss.
  let killedOnPurpose = false;

  const lost = (cause: ScreenLossCause) => {
    if (outOfService) return;
    options.screenLost(cause);
    const at = now();
    losses.push(at);
    while (losses.length > 0 && at - losses[0]! > withinMs) losses.shift();
    if (losses.length > maxLosses) {
      outOfService = true;
      options.log('screen lost too often: out of service until restart', { cause, losses: losses.length, withinMinutes: withinMs / 60_000 });
      options.showOutOfService();
      return;
    }
    options.log('screen lost: reloading the attract screen', { cause, losses: losses.length });
    options.reload();
  };

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    clearTimeout(hangTimer);
    if (killedOnPurpose) {
      killedOnPurpose = false;
      return;
    }
    if (details.reason === 'clean-exit') return;
    lost(details.reason);
  });
  contents.on('unresponsive', () => {
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      killedOnPurpose = true;
      contents.forcefullyCrashRenderer();
      lost('unresponsive');
    }, unresponsiveGraceMs);
  });
  contents.on('responsive', () => clearTimeout(hangTimer));
}
