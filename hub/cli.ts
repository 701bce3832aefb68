/**
 * The reference hub. `npm run hub -- [serve] [--port N] [--host H] [--db FILE | --database-url
 * postgres://…]` serves the sync protocol; `npm run hub -- admin <command>` manages kiosks and data (see USAGE).
 * The admin API's token comes from the environment (HUB_ADMIN_TOKEN), never the command line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '@shared/node/logging/logger';
import { addKiosk, disableKiosk, resetHistory, rotateKioskToken } from './admin-commands';
import { CENTRE_USAGE, centreAdmin } from './centre-cli';
import { requireCentre } from './centre-commands';
import { addAdmin } from './console-server/admin-accounts';
import { readPassword } from './console-server/read-password';
import { createHubServer } from './hub-server';
import type { ConsoleStore } from './store/console-store';
import type { HubStore } from './store/hub-store';
import { openHubStore } from './store/open-hub-store';
import { isPostgresUrl, redactedUrl } from './store/postgres/postgres-connection';
import { pinRelease } from './updates/release-pins';

const USAGE = `Usage: npm run hub -- [serve] [--port 8787] [--host 127.0.0.1] [--db hub.sqlite] [--log hub.log]
       npm run hub -- [serve] --database-url postgres://USER@HOST:5432/DATABASE    the hub on PostgreSQL instead of SQLite
                                                      (the password from PGPASSWORD or ~/.pgpass, not the command line)
       npm run hub -- admin add-kiosk <kiosk-id>      prints the kiosk's token, once
       npm run hub -- admin rotate-token <kiosk-id>   prints a new token; the old one stops working
       npm run hub -- admin disable-kiosk <kiosk-id>  the kiosk's token stops working
       npm run hub -- admin add-admin <name>          a console admin; the password is read from stdin (never an argument)
       npm run hub -- admin reset-history             every kiosk refetches its replica
       npm run hub -- admin unclaimed                 M-Pesa money no kiosk's payment claims (to match or refund)
       npm run hub -- admin pin-release <centre> <version> [--releases DIR]
                                                      the centre's kiosks update (or go back) to that release
       npm run hub -- admin import-replica <file>     loads an empty hub's replica from a SQLite file of replica tables
                                                      (a back-office export, or demo data from \`npm run seed\`)
--releases DIR serves the Electron shell's update feed (/updates/v1/<centre>/) from DIR.
${CENTRE_USAGE}
Environment: HUB_ADMIN_TOKEN enables GET /admin/v1/kiosks and the other admin routes.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: 'hub.sqlite' },
    /** PostgreSQL instead of the SQLite file: postgres://user@host:port/database. */
    'database-url': { type: 'string' },
    /** Logs to this file (readable by the hub's user alone) instead of stdout. */
    log: { type: 'string' },
    /** The Electron shell's releases, one folder per version, and pins.json (hub/README.md, "Updates"). */
    releases: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    /** Centre and staff commands (see CENTRE_USAGE). */
    centre: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    badge: { type: 'string' },
    /** `admin set-settings`: the settings document's file (standard input without it). */
    file: { type: 'string' },
  },
});

function wholeNumber(flag: string, text: string): number {
  const value = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${flag} must be a whole number, not "${text}"`);
  return value;
}

async function admin(store: HubStore & ConsoleStore, command: string | undefined, argument: string | undefined, second: string | undefined): Promise<void> {
  const needKiosk = () => {
    if (!argument) throw new Error(`admin ${command} needs a kiosk id`);
    return argument;
  };
  switch (command) {
    case 'add-kiosk': {
      const centreId = values.centre === undefined ? null : await requireCentre(store, values.centre);
      console.log(await addKiosk(store, needKiosk(), new Date(), centreId));
      return;
    }
    case 'rotate-token':
      console.log(await rotateKioskToken(store, needKiosk()));
      return;
    case 'disable-kiosk':
      await disableKiosk(store, needKiosk());
      console.log(`Kiosk ${needKiosk()} disabled: its token no longer works.`);
      return;
    case 'unclaimed': {
      // Older than a quarter of an hour: a kiosk uploads its payment.paid well within that.
      const rows = await store.unclaimedMpesaPayments(new Date(Date.now() - 15 * 60_000).toISOString());
      if (rows.length === 0) console.log('No unclaimed M-Pesa money.');
      for (const row of rows) {
        console.log(`${row.receivedAt}  ${row.receiptNumber}  KES ${row.amount ?? '?'}  kiosk ${row.kioskId ?? 'unknown'}  attempt ${row.attemptReference ?? '-'}  ${row.checkoutRequestId}`);
      }
      return;
    }
    case 'add-admin': {
      if (!argument) throw new Error('admin add-admin needs a name');
      await addAdmin(store, argument, await readPassword(`Password for ${argument}: `));
      console.log(`Admin ${argument} added: sign in at /console/.`);
      return;
    }
    case 'reset-history':
      await resetHistory(store);
      console.log('History reset: every kiosk will refetch its replica.');
      return;
    case 'pin-release': {
      if (!values.releases || !argument || !second) throw new Error('admin pin-release needs --releases DIR, a centre and a version');
      await pinRelease(values.releases, argument, second);
      console.log(`Centre ${argument} pinned to ${second}: its kiosks install it at their next check.`);
      return;
    }
    case 'import-replica': {
      if (!argument) throw new Error('admin import-replica needs a file');
      const summary = await store.importReplica(argument);
      console.log(`Imported ${summary.rows.toLocaleString('en-KE')} rows in ${(summary.ms / 1000).toFixed(1)} s.`);
      return;
    }
    default:
      if (await centreAdmin(store, command, argument, values)) return;
      throw new Error(`unknown admin command "${command ?? ''}"\n\n${USAGE}`);
  }
}

/** Where the data lives, as said at start: never the database password. */
const databaseUrl = values['database-url'];
const storeLocation = databaseUrl ?? values.db;
const storeName = databaseUrl === undefined ? `database ${values.db}` : `PostgreSQL ${redactedUrl(databaseUrl)}`;

/** The console app as `npm run build` leaves it; without it the hub serves the console's API alone. */
const CONSOLE_ASSETS = path.resolve(import.meta.dirname, '../out/console');

async function serve(store: HubStore & ConsoleStore): Promise<void> {
  const consoleAssets = existsSync(path.join(CONSOLE_ASSETS, 'index.html')) ? CONSOLE_ASSETS : undefined;
  const app = createHubServer({ store, adminToken: process.env.HUB_ADMIN_TOKEN, log: createLogger({ file: values.log }), releasesDir: values.releases, ...(consoleAssets && { consoleAssets }) });
  const address = await app.listen({ port: wholeNumber('port', values.port), host: values.host });
  console.log(`Hub serving the kiosk sync protocol at ${address} (${storeName})`);
  console.log(consoleAssets ? `Console at ${address}/console/` : 'Console app not built (npm run build): its API only.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => store.close()));
  }
}

async function main(): Promise<void> {
  if (values.help) return console.log(USAGE);
  const [mode = 'serve', command, argument, second] = positionals;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) throw new Error('--database-url must start with postgres:// or postgresql://');
  const store = await openHubStore(storeLocation);
  if (mode === 'serve') return serve(store);
  try {
    if (mode !== 'admin') throw new Error(`unknown mode "${mode}"\n\n${USAGE}`);
    await admin(store, command, argument, second);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`hub: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
