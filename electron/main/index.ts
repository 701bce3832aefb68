import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, safeStorage, session, utilityProcess } from 'electron';
import electronUpdater from 'electron-updater';
import { updateFeedUrl } from '@shared/updates/update-feed';
import { bootKiosk } from '../boot/boot-kiosk';
import { startHeavyJobsWith } from '../core/heavy-job-runner';
import { StartRefused } from '../boot/production-start';
import { APP_ORIGIN, registerAppSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { startAutoUpdates, type AutoUpdates } from './auto-update';
import { relaunchAfterCrash } from './crash-relaunch';
import { safeStorageDatabaseKey } from './database-key';
import { heavyJobsInUtilityProcess } from './heavy-jobs-utility-process';
import { registerKioskIpc } from './ipc';
import { startAtLogin } from './login-item';
import { recoverLostRenderer } from './renderer-recovery';
import { setSecretFromCommandLine, SET_SECRET_SWITCH } from './secret-command';
import { createKioskWindow, denyAllPermissions, lockDownContents } from './security';
import { loadShellSettings } from './settings';
import { holdSingleInstance } from './single-instance';
import { settledWithin } from './settled-within';
import { guardKioskWindow } from './window-guard';

const devTools = process.argv.includes('--dev-tools');
/** How long a shutdown waits for a payment being settled before closing anyway (the payment resumes at the next start). */
const PAYMENTS_SETTLE_MS = 30_000;

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
  // Taken after --set-secret, which may run beside the kiosk (the secret takes effect at its next start).
  const bringToFront = () => BrowserWindow.getAllWindows().forEach((window) => (window.restore(), window.show(), window.focus()));
  if (!holdSingleInstance(app, bringToFront)) return;

  startHeavyJobsWith(heavyJobsInUtilityProcess(utilityProcess));
  const databaseKey = safeStorageDatabaseKey(dataDir, safeStorage, { create: false });
  const kiosk = await bootKiosk({ dataDir, storedSettings: loadShellSettings(), logName: 'kiosk.log', version: app.getVersion(), databaseKey }).catch((error: unknown) => {
    if (!(error instanceof StartRefused)) throw error;
    dialog.showErrorBox('This kiosk will not start', error.message);
    app.exit(3);
  });
  if (!kiosk) return;
  const { core, log } = kiosk;
  relaunchAfterCrash(app, log);

  denyAllPermissions(session.defaultSession);
  serveRenderer(path.join(import.meta.dirname, '../renderer'));
  powerSaveBlocker.start('prevent-display-sleep');
  startAtLogin(app, process.platform);

  const kioskWindow = createKioskWindow(path.join(import.meta.dirname, '../preload/index.cjs'), devTools);
  kioskWindow.removeMenu();
  let shuttingDown = false;
  guardKioskWindow(kioskWindow, () => shuttingDown);
  // app.quit() comes only from the shell's own shutdown or the OS (a signal, the session ending),
  // never from the person at the screen, whose ways to close the window the guard refuses.
  app.on('before-quit', () => (shuttingDown = true));
  const unregister = registerKioskIpc(ipcMain, core, kioskWindow.webContents);
  const attractScreen = () => void kioskWindow.loadURL(`${APP_ORIGIN}/index.html`);
  recoverLostRenderer(kioskWindow.webContents, {
    screenLost: (cause) => core.shell.screenLost(cause),
    reload: attractScreen,
    showOutOfService: () => void kioskWindow.loadURL(`${APP_ORIGIN}/out-of-service.html`),
    log: (message, details) => log.warn(details, message),
  });
  kioskWindow.once('ready-to-show', () => kioskWindow.show());
  attractScreen();

  const { sync, updates: updateSettings } = core.context.settings;
  let updates: AutoUpdates | undefined;
  if (app.isPackaged && updateSettings.centre !== '' && sync.hubUrl !== '' && sync.kioskToken !== '') {
    updates = startAutoUpdates(electronUpdater.autoUpdater, {
      feedUrl: updateFeedUrl(sync.hubUrl, updateSettings.centre),
      kioskToken: sync.kioskToken,
      checkEveryMinutes: updateSettings.checkEveryMinutes,
      isQuiet: async () => core.shell.isQuiet() && (await settledWithin(core.paymentsIdle(), 200)),
      log: (message, details) => log.info(details ?? {}, message),
      // The updater closes the window before the app quits: let it through the guard.
      beforeInstall: () => (shuttingDown = true),
    });
  } else {
    log.info({ packaged: app.isPackaged, centre: updateSettings.centre !== '' }, 'updates off: needs the installed app, sync.hubUrl, the kiosk token and updates.centre');
  }

  core.shell.onShutdownRequested(() => {
    void settledWithin(core.paymentsIdle(), PAYMENTS_SETTLE_MS).then(() => {
      shuttingDown = true;
      if (!updates?.installOnShutdown()) app.quit();
    });
  });

  app.on('will-quit', () => {
    updates?.stop();
    unregister();
    void kiosk.close();
  });
});
