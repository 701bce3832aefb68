import type { App } from 'electron';

/**
 * One kiosk per machine: a second start (a double-click, an autostart racing a manual start)
 * quits at once and brings the running kiosk's window to the front instead. Returns whether
 * this process is the kiosk.
 */
export function holdSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, bringToFront: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', bringToFront);
  return true;
}
