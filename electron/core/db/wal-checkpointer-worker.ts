/**
 * Entry of the WAL checkpointer's thread (a separate bundle entry in electron.vite.config.ts;
 * TypeScript under tsx and vitest). Every interval it checkpoints the kiosk database on a
 * connection of its own, and tells the core when a checkpoint moved something.
 */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { openSqliteFile } from '@shared/node/sqlite/open-sqlite';
import { runInBackground } from '../background-thread';
import type { CheckpointResult } from './wal-checkpointer';

if (isMainThread || !parentPort) throw new Error('wal-checkpointer-worker runs only as a worker thread');
runInBackground();
const port = parentPort;
const { file, keyHex, everyMs } = workerData as { file: string; keyHex?: string; everyMs: number };
const db = openSqliteFile(file, { ...(keyHex === undefined ? {} : { key: Buffer.from(keyHex, 'hex') }), fileMustExist: true });
// Syncs the database file after copying the WAL in, before the WAL may start over.
db.pragma('synchronous = FULL');
const checkpoint = db.prepare<[], { busy: number; log: number; checkpointed: number }>('PRAGMA main.wal_checkpoint(PASSIVE)');

let reported = '';
const timer = setInterval(() => {
  const row = checkpoint.get();
  if (!row || row.log <= 0) return;
  const result: CheckpointResult = { walFrames: row.log, checkpointedFrames: row.checkpointed, threadId };
  const said = `${result.walFrames}/${result.checkpointedFrames}`;
  if (said === reported) return;
  reported = said;
  port.postMessage(result);
}, everyMs);

// Asked to stop, the thread lets go of its connection and ends by itself: the core never
// terminates it, as a thread terminated while it loads SQLite's native module aborts the process.
port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  port.postMessage('stopped');
  port.close();
});
