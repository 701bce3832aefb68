import Store from 'electron-store';

/** Deployment settings for the Electron kiosk; the core validates and defaults them. */
export function loadShellSettings(): unknown {
  return new Store<Record<string, unknown>>({ name: 'kiosk-settings' }).store;
}
