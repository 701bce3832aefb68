import path from 'node:path';
import Conf from 'conf';

/**
 * The browser host's settings file, through `conf` (electron-store's base, which works
 * outside Electron). Holds the same deployment settings the Electron shell keeps; the core
 * validates them. The data folder beside it holds the kiosk database and logs.
 */
export function loadHostSettings(cwd?: string): { settings: unknown; dataDir: string } {
  const store = new Conf<Record<string, unknown>>({ projectName: 'huduma-kiosk', projectSuffix: '', ...(cwd ? { cwd } : {}) });
  return { settings: store.store, dataDir: path.dirname(store.path) };
}
