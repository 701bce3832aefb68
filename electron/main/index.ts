import path from 'node:path';
import { app, ipcMain, powerSaveBlocker, session } from 'electron';
import { ensureDemoDatabase } from '../core/demo/ensure-demo-database';
import { createKioskCore } from '../core/kiosk-core';
import { createLogger } from '../../shared/node/logging/logger';
import { settingsOrDemo } from '../core/settings/demo-settings';
import { startPaymentSimulators } from '../core/simulators/payment-simulators';
import { APP_ORIGIN, registerAppSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { registerKioskIpc } from './ipc';
import { createKioskWindow, denyAllPermissions, lockDownContents } from './security';
import { loadShellSettings } from './settings';

const devTools = process.argv.includes('--dev-tools');

registerAppSchemeAsPrivileged();
lockDownContents(app);
app.on('window-all-closed', () => app.quit());

void app.whenReady().then(async () => {
  const dataDir = app.getPath('userData');
  const databaseFile = path.join(dataDir, 'kiosk.sqlite');
  ensureDemoDatabase(databaseFile);
  // Nothing written yet: the demo, with its simulators named (as in the browser host).
  const { settings } = settingsOrDemo(loadShellSettings());
  const log = createLogger({ file: path.join(dataDir, 'logs', 'kiosk.log') });
  const paymentSimulators = await startPaymentSimulators(settings, log);
  const core = createKioskCore({
    databaseFile,
    settings,
    log,
    version: app.getVersion(),
    payments: paymentSimulators.options,
    backups: { dir: path.join(dataDir, 'backups') },
  });

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
    core.close();
    void paymentSimulators.close();
  });
});
