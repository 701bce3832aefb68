import type { PrinterStatusReport } from '@shared/contract/printer';
import type { ReplicaLoad, SyncStatus } from '@shared/contract/sync';
import type { CentreState } from '@shared/sync/centre-state';
import { HubAcknowledgedHead } from '../audit/hub-acknowledged-head';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Logger } from '@shared/node/logging/logger';
import { connectionKey } from '@shared/node/sqlite/open-sqlite';
import type { Outbox } from '../outbox';
import type { LocalSettings } from '../settings/local-settings';
import { isReplicaReady, reattachReplica } from '../db/replica-attachment';
import { removeReplicaFilesBefore } from '../db/replica-files';
import type { LoadProgress } from './downloader';
import { HubClient } from './hub-client';
import { mpesaCallbackStep, type MpesaCallbackInbox } from './mpesa-callback-fetcher';
import { OutboxQueue } from './outbox-queue';
import { ReplicaLoaderThread } from './replica-loader-thread';
import type { SyncFailure } from './sync-failure';
import { rememberUnclaimedMpesa } from './unclaimed-mpesa';
import { SyncLoop, type StepProgress, type SyncStep } from './sync-loop';
import type { SyncSettings } from '../settings/sync-settings';
import { uploadStep } from './uploader';
import type { OffThreadSync } from '../db/off-thread-sync';

export interface SyncServiceOptions {
  db: Db;
  offThreadSync: OffThreadSync;
  clock: Clock;
  outbox: Outbox;
  local: LocalSettings;
  settings: SyncSettings;
  version: string;
  log: Logger;
  /** Where fetched M-Pesa callbacks go; without it none are fetched. */
  mpesaCallbacks?: MpesaCallbackInbox;
  /** Where the centre's staff and lockouts go; without it they are not read. */
  onCentreState?: (state: CentreState) => void;
  onStatus(status: SyncStatus): void;
  /** The receipt printer's last known status, for the heartbeat; null before it was first asked. */
  printerStatus?: () => PrinterStatusReport | null;
}

type LoopName = 'upload' | 'download' | 'heartbeat' | 'callbacks' | 'centre';

const LAST_SYNC_KEY = 'sync.lastSuccessfulSyncAt';

/** A load's progress reaches the screen at most this often (pages may come many a second). */
const PROGRESS_PUBLISH_MS = 1000;
/** The rate is measured only after this long: the first pages say little about the rest. */
const RATE_AFTER_MS = 1000;

/**
 * The kiosk's link to its hub: independent loops (upload the outbox, download the replica,
 * heartbeat, fetch M-Pesa callbacks), so no one of them can hold up another, and the
 * status the screen and the supervisor console show.
 */
export class SyncService {
  private readonly queue: OutboxQueue;
  private readonly loops: Record<LoopName, SyncLoop>;
  private readonly loader: ReplicaLoaderThread;
  private readonly errors = new Map<LoopName, string>();
  private online = false;
  private running = false;
  private stopListening: (() => void) | undefined;
  private lastPublished = '';
  private load: ReplicaLoad | null = null;
  /** Where this process first saw the current load, to measure its rate from. */
  private loadSeen: { rows: number; atMs: number } | undefined;
  private progressPublishedAtMs = -Infinity;
  /** The old replica files being removed after a swap: a stop ends it (the files go at once) and waits for it. */
  private removal: { stopping: AbortController; done: Promise<unknown> } | undefined;

  constructor(private readonly options: SyncServiceOptions) {
    const { db, clock, settings } = options;
    this.queue = new OutboxQueue(db, clock);
    const hub = { hubUrl: settings.hubUrl, kioskToken: settings.kioskToken, timeoutMs: settings.requestTimeoutSeconds * 1000 };
    const client = new HubClient(hub);
    // The replica downloads on a thread of its own, into files of its own: see replica-store.ts.
    const setup = { databaseFile: db.name, keyHex: connectionKey(db)?.toString('hex'), hub, pageRows: settings.downloadPageRows };
    this.loader = new ReplicaLoaderThread(
      setup,
      (liveFile) => this.swapped(liveFile),
      (progress) => this.progressed(progress),
    );
    const seconds = (s: number) => s * 1000;
    const loop = (name: LoopName, step: SyncStep, intervalSeconds: number) =>
      new SyncLoop(step, {
        intervalMs: seconds(intervalSeconds),
        retry: { baseMs: seconds(settings.retryBaseSeconds), maxMs: seconds(settings.retryMaxSeconds) },
        onSuccess: (progress) => this.succeeded(name, progress),
        onFailure: (failure) => this.failed(name, failure),
      });
    this.loops = {
      upload: loop('upload', uploadStep(
          this.queue,
          client,
          { maxEvents: settings.uploadBatchEvents, maxBytes: settings.uploadBatchBytes },
          { db, acknowledged: new HubAcknowledgedHead(db, clock) },
          options.offThreadSync,
        ), settings.uploadIntervalSeconds),
      download: loop('download', (signal) => this.loader.round(signal), settings.downloadIntervalSeconds),
      heartbeat: loop(
        'heartbeat',
        async (signal) => {
          const status = this.status();
          const { eventsWaiting, oldestWaitingAgeSeconds, rejectedCount } = status;
          const printer = options.printerStatus?.() ?? undefined;
          const unclaimed = await client.heartbeat(
            { version: options.version, eventsWaiting, oldestWaitingAgeSeconds, rejectedCount, lastSyncAt: status.lastSuccessfulSyncAt, ...(printer && { printer }) },
            signal,
          );
          rememberUnclaimedMpesa(options.local, unclaimed);
          return 'done';
        },
        settings.heartbeatIntervalSeconds,
      ),
      callbacks: loop('callbacks', options.mpesaCallbacks ? mpesaCallbackStep(options.mpesaCallbacks, client) : async () => 'idle', settings.mpesaCallbackIntervalSeconds),
      centre: loop(
        'centre',
        async (signal) => {
          const { onCentreState } = options;
          if (!onCentreState) return 'idle';
          onCentreState(await client.centreState(signal));
          return 'done';
        },
        settings.centreStateIntervalSeconds,
      ),
    };
  }

  get enabled(): boolean {
    return this.options.settings.hubUrl !== '';
  }

  /** Does nothing without a hub URL: the kiosk then keeps its events until one is configured. */
  start(): void {
    if (!this.enabled || this.running) return;
    this.running = true;
    this.stopListening = this.options.outbox.onEnqueued(() => {
      this.loops.upload.wake();
      this.publish();
    });
    for (const loop of Object.values(this.loops)) loop.start();
  }

  /** Stops the timers and aborts the exchanges in flight at once; resolves when all have let go. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopListening?.();
    await Promise.all(Object.values(this.loops).map((loop) => loop.stop()));
    await this.loader.stop();
    // A closed kiosk holds none of its files: the old replica's removal finishes now.
    this.removal?.stopping.abort();
    await this.removal?.done;
  }

  status(): SyncStatus {
    return {
      enabled: this.enabled,
      online: this.online,
      lastSuccessfulSyncAt: this.options.local.get(LAST_SYNC_KEY) ?? null,
      ...this.queue.figures(),
      lastError: this.errors.get('upload') ?? this.errors.get('download') ?? this.errors.get('heartbeat') ?? this.errors.get('callbacks') ?? this.errors.get('centre') ?? null,
      replica: { ready: isReplicaReady(this.options.db), load: this.load },
    };
  }

  /** A completed load became the newest replica file: lookups read it from now on, and the old one goes. */
  private swapped(liveFile: string): void {
    const { db, log } = this.options;
    // A kiosk closed meanwhile attaches the newest file when it next opens.
    if (!db.open) return;
    reattachReplica(db, liveFile);
    this.load = null;
    this.loadSeen = undefined;
    this.publish();
    log.info({ replica: liveFile }, 'new replica in service');
    // Freeing a large file's blocks takes a while: on libuv's threads, not this one.
    const stopping = new AbortController();
    const earlier = this.removal?.done ?? Promise.resolve();
    const done = earlier.then(() => removeReplicaFilesBefore(db.name, liveFile, stopping.signal)).catch((error: unknown) => log.warn({ err: error }, 'an old replica file could not be removed'));
    this.removal = { stopping, done };
  }

  /** A page of a load was written (on the loader's thread): its rate and the time left, measured here. */
  private progressed({ rowsLoaded, totalRows }: LoadProgress): void {
    const nowMs = this.options.clock.now().getTime();
    // A load that started again from nothing (mustRefetch) is measured afresh.
    if (!this.loadSeen || rowsLoaded < this.loadSeen.rows) this.loadSeen = { rows: rowsLoaded, atMs: nowMs };
    const elapsedMs = nowMs - this.loadSeen.atMs;
    const rowsPerSecond = elapsedMs >= RATE_AFTER_MS ? ((rowsLoaded - this.loadSeen.rows) * 1000) / elapsedMs : null;
    const secondsLeft =
      totalRows === null || !rowsPerSecond ? null : Math.ceil(Math.max(0, totalRows - rowsLoaded) / rowsPerSecond);
    this.load = { rowsLoaded, totalRows, rowsPerSecond: rowsPerSecond === null ? null : Math.round(rowsPerSecond), secondsLeft };
    if (nowMs - this.progressPublishedAtMs < PROGRESS_PUBLISH_MS) return;
    this.progressPublishedAtMs = nowMs;
    this.publish();
  }

  private succeeded(name: LoopName, progress: StepProgress): void {
    if (progress === 'idle') return;
    this.online = true;
    this.errors.delete(name);
    // Only moving records counts as a sync.
    if (name === 'upload' || name === 'download') {
      const at = this.options.clock.now().toISOString();
      // Written after every round, and for display: no sync of its own (the next one carries it).
      this.options.offThreadSync.commitWithoutSync(() => this.options.local.set(LAST_SYNC_KEY, at));
    }
    this.publish();
  }

  private failed(name: LoopName, failure: SyncFailure): void {
    // A refusal is still an answer: the hub is reachable.
    this.online = failure.kind === 'refused';
    this.errors.set(name, failure.message);
    this.options.log.warn({ sync: name, kind: failure.kind, reason: failure.message }, 'sync exchange failed');
    this.publish();
  }

  /** The waiting age changes every second; only other changes are news. */
  private publish(): void {
    if (!this.running) return;
    const status = this.status();
    const key = JSON.stringify({ ...status, oldestWaitingAgeSeconds: null });
    if (key === this.lastPublished) return;
    this.lastPublished = key;
    this.options.onStatus(status);
  }
}
