import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, powerSaveBlocker, safeStorage, session } from 'electron';
import { bootKiosk } from '../boot/boot-kiosk';
import { StartRefused } from '../boot/production-start';
import { APP_ORIGIN, registerAppSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { safeStorageDatabaseKey } from './database-key';
import { registerKioskIpc } from './ipc';
import { setSecretFromCommandLine, SET_SECRET_SWITCH } from './secret-command';
import { createKioskWindow, denyAllPermissions, lockDownContents } from './security';
import { loadShellSettings } from './settings';

const devTools = process.argv.includes('--dev-tools');

registerAppSchemeAsPrivileged();
lockDownContents(app);
app.on('window-all-closed', () => app.quit());

void app.whenReady().then(async () => {
  const dataDir = app.getPath('userData');
  if (process.argv.includes(SET_SECRET_SWITCH)) {
    try {
      console.log(setSecretFromCommandLine(process.argv, readFileSync(0, 'utf8'), dataDir, safeStorageDatabaseKey(dataDir, safeStorage, { create: true })));
      app.exit(0);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      app.exit(2);
    }
    return;
  }
  const databaseKey = safeStorageDatabaseKey(dataDir, safeStorage, { create: false });
  const kiosk = await bootKiosk({ dataDir, storedSettings: loadShellSettings(), logName: 'kiosk.log', version: app.getVersion(), databaseKey }).catch((error: unknown) => {
    if (!(error instanceof StartRefused)) throw error;
    dialog.showErrorBox('This kiosk will not start', error.message);
    app.exit(3);
  });
  if (!kiosk) return;
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
