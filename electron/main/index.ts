import path from 'node:path';
import { app, ipcMain, powerSaveBlocker, session } from 'electron';
import { bootKiosk } from '../boot/boot-kiosk';
import { APP_ORIGIN, registerAppSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { registerKioskIpc } from './ipc';
import { createKioskWindow, denyAllPermissions, lockDownContents } from './security';
import { loadShellSettings } from './settings';

const devTools = process.argv.includes('--dev-tools');

registerAppSchemeAsPrivileged();
lockDownContents(app);
app.on('window-all-closed', () => app.quit());

void app.whenReady().then(async () => {
  const kiosk = await bootKiosk({ dataDir: app.getPath('userData'), storedSettings: loadShellSettings(), logName: 'kiosk.log', version: app.getVersion() });
  const { core } = kiosk;

  denyAllPermissions(session.defaultSession);
  serveRenderer(path.join(import.meta.dirname, '../renderer'));
  powerSaveBlocker.start('prevent-display-sleep');

  const window = createKioskWindow(path.join(import.meta.dirname, '../preload/index.cjs'), devTools);
  window.removeMenu();
  const unregister = registerKioskIpc(ipcMain, core, window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('will-quit', () => {
    unregister();
    void kiosk.close();
  });
});
