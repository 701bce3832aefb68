import { BrowserWindow, type App, type Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * The kiosk window, with the Electron security checklist in one place. The options are
 * written inline in the constructor call so that Electronegativity (npm run
 * test:security) can read them.
 */
export function createKioskWindow(preload: string, devTools: boolean): BrowserWindow {
  return new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#0b1f33',
    show: false,
    webPreferences: {
      // Reviewed: the preload only exposes window.kiosk (invoke + on over two fixed
      // channels) through contextBridge, in a sandboxed, context-isolated renderer.
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click could otherwise open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });
}

/** Compared by scheme and host: URL.origin is "null" for custom schemes outside Chromium. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** No navigation away from the app, no new windows, no webviews, no permissions. */
export function lockDownContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
