import type { App } from 'electron';

/**
 * The installed kiosk starts when its account logs in, on the systems where Electron can
 * register that (Windows, macOS). Linux deployments use the XDG autostart entry in
 * resources/deploy/electron/ instead. A development run (`npm start`) registers nothing.
 */
export function startAtLogin(app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>, platform: NodeJS.Platform): boolean {
  if (!app.isPackaged || (platform !== 'win32' && platform !== 'darwin')) return false;
  app.setLoginItemSettings({ openAtLogin: true });
  return true;
}
