import type { HubClientOptions } from './hub-client';
import type { LoadProgress } from './downloader';
import type { SyncFailureKind } from './sync-failure';
import type { StepProgress } from './sync-loop';

/** What the replica loader's thread is started with (plain data: it crosses threads by structured clone). */
export interface ReplicaLoaderSetup {
  databaseFile: string;
  /** The kiosk database's key as hex (a Buffer would arrive as a plain Uint8Array); absent for a plaintext demo. Never logged. */
  keyHex: string | undefined;
  hub: HubClientOptions;
  pageRows: number;
}

export type ToReplicaLoader = { type: 'round' } | { type: 'abort' } | { type: 'stop' };

export type FromReplicaLoader =
  /** A load finished and its file is now the newest generation: attach it. */
  | { type: 'swapped'; file: string }
  /** A page of a first load or a rebuild is written: one small message per page. */
  | ({ type: 'progress' } & LoadProgress)
  | { type: 'finished'; progress: StepProgress; threadId: number }
  | { type: 'failed'; kind: SyncFailureKind; message: string; retryAfterMs: number | undefined; threadId: number }
  | { type: 'aborted' };
