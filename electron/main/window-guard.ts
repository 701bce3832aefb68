import type { BrowserWindow, Input } from 'electron';

type KeyInput = Pick<Input, 'key' | 'control' | 'meta' | 'alt'>;

/** Keys that would zoom the page with Ctrl (or Cmd): +, =, -, 0 on the main row and the number pad. */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0', 'Add', 'Subtract']);
/** With Ctrl (or Cmd): close the window (W), quit (Q), reload (R). */
const COMMAND_KEYS = new Set(['w', 'q', 'r']);
/** Alone: reload (F5), leave full screen (F11), developer tools (F12). */
const FUNCTION_KEYS = new Set(['F5', 'F11', 'F12']);

/**
 * The keys a passer-by could use to close, reload or zoom the kiosk. Everything else reaches
 * the page: the on-screen keyboards, and scanners that type like a keyboard, never hold Ctrl.
 */
export function isBlockedKey(input: KeyInput): boolean {
  if (input.alt && input.key === 'F4') return true;
  if (FUNCTION_KEYS.has(input.key)) return true;
  if (!(input.control || input.meta)) return false;
  return COMMAND_KEYS.has(input.key.toLowerCase()) || ZOOM_KEYS.has(input.key) || input.key === 'I' || input.key === 'i';
}

type GuardedWindow = Pick<BrowserWindow, 'on'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'setVisualZoomLevelLimits' | 'setZoomFactor'>;
};

/**
 * The window stays open and at its size whatever the person at it does: closing (the title
 * bar, Alt+F4, the OS's close) is refused unless a supervisor asked for a shutdown; the
 * close, reload and zoom keys never reach the page; pinch and Ctrl+wheel zoom are held at 100%.
 */
export function guardKioskWindow(window: GuardedWindow, mayClose: () => boolean): void {
  window.on('close', (event) => {
    if (!mayClose()) event.preventDefault();
  });
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input)) event.preventDefault();
  });
  void contents.setVisualZoomLevelLimits(1, 1);
  contents.setZoomFactor(1);
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
}
