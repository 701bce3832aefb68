import Database from 'better-sqlite3-multiple-ciphers';
import { liveReplicaFile } from '../../electron/core/db/replica-files';
import { createKioskCore } from '../../electron/core/kiosk-core';

/**
 * Run as its own process by memory-bench.ts: opens `file` either as the kiosk core does
 * (`core`, then a visit's first calls) or the rawest way (`raw`: better-sqlite3 on its replica
 * file and one query), and prints the resident set size in bytes.
 */
const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'core' && mode !== 'raw')) throw new Error('usage: core-memory-child.ts core|raw <database>');

if (mode === 'core') {
  const core = createKioskCore({ databaseFile: file, version: 'bench' });
  await core.invoke('kiosk.info', {});
  await core.invoke('visit.start', { locale: 'en' });
  await core.invoke('visit.end', { reason: 'done' });
  globalThis.gc?.();
  console.log(process.memoryUsage().rss);
  await core.close();
} else {
  const db = new Database(liveReplicaFile(file), { readonly: true });
  db.prepare('SELECT count(*) FROM citizens').get();
  globalThis.gc?.();
  console.log(process.memoryUsage().rss);
  db.close();
}
process.exit(0);
