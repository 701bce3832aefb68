/**
 * Entry of the replica loader's thread (a separate bundle entry in electron.vite.config.ts;
 * TypeScript under tsx and vitest). It runs the download rounds the sync service asks for:
 * fetching pages, parsing them and writing the replica files all happen here, so the thread
 * that answers the screen only hears when a round ended and when a new replica is ready.
 */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { runInBackground } from '../background-thread';
import type { FromReplicaLoader, ReplicaLoaderSetup, ToReplicaLoader } from './replica-loader-messages';

if (isMainThread || !parentPort) throw new Error('replica-loader-worker runs only as a worker thread');
// Lowered before the loader's modules load: loading them is work too.
runInBackground();
const [{ downloadStep }, { HubClient }, { ReplicaStore }, { SyncFailure }] = await Promise.all([
  import('./downloader'),
  import('./hub-client'),
  import('./replica-store'),
  import('./sync-failure'),
]);
const port = parentPort;
const setup = workerData as ReplicaLoaderSetup;
const post = (message: FromReplicaLoader) => port.postMessage(message);

const key = setup.keyHex === undefined ? undefined : Buffer.from(setup.keyHex, 'hex');
const store = new ReplicaStore(setup.databaseFile, (file) => post({ type: 'swapped', file }), key);
const step = downloadStep(store, new HubClient(setup.hub), setup.pageRows, (progress) => post({ type: 'progress', ...progress }));
let round: AbortController | undefined;
let current: Promise<void> = Promise.resolve();

async function runRound(signal: AbortSignal): Promise<void> {
  try {
    post({ type: 'finished', progress: await step(signal), threadId });
  } catch (error) {
    if (signal.aborted) return post({ type: 'aborted' });
    const failure = error instanceof SyncFailure ? error : new SyncFailure('unavailable', `replica download failed: ${error instanceof Error ? error.message : String(error)}`);
    post({ type: 'failed', kind: failure.kind, message: failure.message, retryAfterMs: failure.retryAfterMs, threadId });
  }
}

port.on('message', (message: ToReplicaLoader) => {
  if (message.type === 'round') {
    round = new AbortController();
    current = runRound(round.signal);
  } else if (message.type === 'abort') {
    round?.abort();
  } else {
    round?.abort();
    // The round lets go at its next await; then the files close and the thread ends.
    void current.finally(() => {
      store.close();
      port.close();
    });
  }
});
