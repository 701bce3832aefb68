import type { AppUpdater } from 'electron-updater';

type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall' | 'on'> &
  Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'requestHeaders'>;

export interface AutoUpdateOptions {
  /** `<hub>/updates/v1/<centre>/` (shared/updates/update-feed.ts). */
  feedUrl: string;
  kioskToken: string;
  checkEveryMinutes: number;
  /** Nobody being served and no payment being settled: the only time an update installs by itself. */
  isQuiet: () => Promise<boolean>;
  log: (message: string, details?: Record<string, unknown>) => void;
  /** Just before the updater closes the window and quits to install. */
  beforeInstall: () => void;
  /** How often a downloaded update looks for a quiet moment. */
  quietCheckMs?: number;
}

export interface AutoUpdates {
  /** At a supervisor's shutdown: installs a downloaded update as the kiosk quits (without restarting it); false when there is none. */
  installOnShutdown(): boolean;
  stop(): void;
}

/**
 * Updates from the hub's feed for this kiosk's centre, with the kiosk's token: checked at
 * start and every `checkEveryMinutes`, downloaded in the background, installed silently at the
 * first quiet moment (then the kiosk restarts) or at a supervisor's shutdown, never while
 * someone is at the screen or a payment is being settled. Downgrades are allowed: a centre
 * pinned back to an earlier release goes back to it.
 */
export function startAutoUpdates(updater: Updater, options: AutoUpdateOptions): AutoUpdates {
  const { quietCheckMs = 60_000 } = options;
  updater.setFeedURL({ provider: 'generic', url: options.feedUrl, useMultipleRangeRequest: false });
  updater.requestHeaders = { authorization: `Bearer ${options.kioskToken}` };
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = true;

  let downloaded: string | undefined;
  let installing = false;
  let quietTimer: NodeJS.Timeout | undefined;
  const install = (restart: boolean) => {
    installing = true;
    clearInterval(checkTimer);
    clearInterval(quietTimer);
    options.beforeInstall();
    updater.quitAndInstall(true, restart);
  };
  const check = () => {
    // A check while a download is pending would start it again; one installed is a restart away.
    if (downloaded !== undefined || installing) return;
    updater.checkForUpdates().catch((error: unknown) => options.log('update check failed', { reason: error instanceof Error ? error.message : String(error) }));
  };

  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    options.log('update downloaded: waiting for a quiet moment', { version: info.version });
    quietTimer = setInterval(() => {
      void options.isQuiet().then((quiet) => {
        if (quiet && !installing) install(true);
      });
    }, quietCheckMs);
  });
  updater.on('error', (error) => options.log('update failed', { reason: error.message }));

  const checkTimer = setInterval(check, options.checkEveryMinutes * 60_000);
  check();
  return {
    installOnShutdown() {
      if (downloaded === undefined || installing) return false;
      install(false);
      return true;
    },
    stop() {
      clearInterval(checkTimer);
      clearInterval(quietTimer);
    },
  };
}
