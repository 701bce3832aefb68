import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { recordCrashes } from '@shared/node/logging/crash-record';
import { bootKiosk } from '../boot/boot-kiosk';
import { StartRefused } from '../boot/production-start';
import { hostDatabaseKey } from './host-database-key';
import { startHost } from './host-server';
import { LAUNCH_TOKEN_TTL_MS } from './launch-tokens';
import { loadHostSettings } from './host-settings';
import { showReplicaLoadProgress } from './replica-load-progress';
import { showSimulatedMessages } from './simulated-handset';

const usage = `Usage: node out/host/cli.js [options]   (npm run kiosk:web -- [options])
  --data-dir DIR        settings (config.json), database and logs (default ~/.config/huduma-kiosk)
  --database FILE       another database than DIR/kiosk.sqlite
  --log-dir DIR         where the rolling log files go (default DATA-DIR/logs)
  --port N              the loopback port to serve on (default: any free one)
  --open                open the kiosk in Chromium's kiosk mode
  --launch-page FILE    keep at FILE a page that opens the kiosk with a live one-time token (mode 640),
                        for a browser a service starts (resources/deploy/)
  --renderer-dir DIR    another build of the renderer (default out/renderer)
  --with-hub            demo: also run the reference hub and fill the replica from it`;

const { values } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    database: { type: 'string' },
    'log-dir': { type: 'string' },
    'data-dir': { type: 'string' },
    open: { type: 'boolean', default: false },
    'launch-page': { type: 'string' },
    /** Another build of the renderer to serve (default: out/renderer). */
    'renderer-dir': { type: 'string' },
    /** Demo: also run the reference hub and fill the replica from it over the sync protocol. */
    'with-hub': { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const { settings: storedSettings, dataDir } = loadHostSettings(values['data-dir']);
const kiosk = await bootKiosk({
  dataDir,
  storedSettings,
  databaseFile: values.database,
  logName: 'host.log',
  logDir: values['log-dir'],
  version: process.env.npm_package_version ?? '0.0.0',
  withDemoHub: values['with-hub'],
  databaseKey: hostDatabaseKey(storedSettings, dataDir),
  say: (line) => console.log(line),
}).catch((error: unknown) => {
  if (!(error instanceof StartRefused)) throw error;
  console.error(error.message);
  process.exit(3);
});
const { core } = kiosk;
recordCrashes(kiosk.log);
showSimulatedMessages(core, (line) => console.log(line));
showReplicaLoadProgress(core);
console.log(`Data folder: ${dataDir}\nDatabase: ${kiosk.databaseFile}\nReceipts: ${kiosk.printer}`);
const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(import.meta.dirname, '../../out/renderer'));
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built: run `npm run build` first (npm run kiosk:web does it for you).');
  process.exit(2);
}
// The API secret is never printed nor put on Chromium's command line, which every local user
// can read: Chromium opens a launch page in a folder only this user can enter, whose one-time
// token the first page to open it spends (or the console shows an address with such a token).
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const openInChromium = values.open && existsSync(chromium);
const launchPage = values['launch-page'] ?? (openInChromium ? path.join(mkdtempSync(path.join(os.tmpdir(), 'kiosk-chromium-')), 'launch.html') : undefined);
const host = await startHost({ core, rendererDir, port, log: kiosk.log, launchPage });
if (openInChromium && launchPage) {
  console.log(`Kiosk ready at ${host.origin}; opening it in Chromium.`);
  const profile = path.join(path.dirname(launchPage), 'chromium-profile');
  spawn(chromium, ['--kiosk', `--app=${pathToFileURL(launchPage).href}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-sync', '--disable-background-networking'], {
    stdio: 'ignore',
    detached: true,
  }).unref();
} else if (launchPage) {
  console.log(`Kiosk ready at ${host.origin}; the launch page is ${launchPage}.`);
} else {
  if (values.open) console.error(`--open: no Chromium at ${chromium}; install it (apt-get install chromium) or open the address below by hand.`);
  const minutes = LAUNCH_TOKEN_TTL_MS / 60_000;
  console.log(`Kiosk ready. Open this address within ${minutes} minutes; it works once, for the first page that opens it:\n  ${host.newLaunchUrl()}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void host.close().then(() => kiosk.close().then(() => process.exit(0)));
  });
}
// A supervisor's "Shut down this kiosk": once no payment is being settled, close and exit cleanly.
core.shell.onShutdownRequested(() => {
  console.log('Shut down by a supervisor.');
  void core.paymentsIdle().then(() => host.close().then(() => kiosk.close().then(() => process.exit(0))));
});
