import { randomBytes, randomUUID } from 'node:crypto';
import { HubClient } from '../../electron/core/sync/hub-client';
import type { UploadedEvent } from '../../shared/sync/protocol';

/** One simulated kiosk: registered at the hub, starting from a replica already loaded up to `cursor`. */
export interface FleetKioskIdentity {
  id: string;
  token: string;
  cursor: string;
}

/** When the fleet runs and how often each kiosk does what (absolute times: every client process shares the clock). */
export interface FleetSchedule {
  hubUrl: string;
  /** Epoch ms: load starts (staggered), then `warmupMs` unmeasured, then the measured window. */
  startAt: number;
  warmupMs: number;
  durationMs: number;
  eventIntervalMs: number;
  heartbeatIntervalMs: number;
  downloadIntervalMs: number;
  downloadPageRows: number;
  requestTimeoutMs: number;
}

/** What one kiosk saw; latencies only of requests sent inside the measured window. */
export interface KioskSamples {
  ackMs: number[];
  downloadMs: number[];
  downloadRows: number[];
  heartbeatMs: number[];
  errors: string[];
  /** Events this kiosk made, and the hub's appliedThrough at the end (equal unless one was lost). */
  generated: number;
  acknowledged: number;
  /** Events made inside the measured window: the offered load. */
  generatedInWindow: number;
}

const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/**
 * A kiosk's sync traffic as the real one makes it: an event a second from its visits (the
 * outbox uploads what is waiting as soon as it is written, so ~one event a request, each
 * carrying the audit head that moved with it), a heartbeat and a delta download at the
 * kiosk's own intervals, first ones at a random point of the interval (kiosks start apart).
 */
export async function runFleetKiosk(kiosk: FleetKioskIdentity, schedule: FleetSchedule): Promise<KioskSamples> {
  const client = new HubClient({ hubUrl: schedule.hubUrl, kioskToken: kiosk.token, timeoutMs: schedule.requestTimeoutMs });
  const signal = new AbortController().signal;
  const windowStart = schedule.startAt + schedule.warmupMs;
  const end = windowStart + schedule.durationMs;
  const inWindow = (at: number) => at >= windowStart && at < end;
  const samples: KioskSamples = { ackMs: [], downloadMs: [], downloadRows: [], heartbeatMs: [], errors: [], generated: 0, acknowledged: 0, generatedInWindow: 0 };
  const outbox: UploadedEvent[] = [];
  let auditRow = 0;
  let auditHash = randomBytes(32).toString('hex');
  let uploading: Promise<void> | undefined;
  let lastSyncAt: string | null = null;

  const upload = async () => {
    while (outbox.length > 0) {
      const batch = outbox.slice(0, 500);
      const sent = Date.now();
      const t0 = performance.now();
      try {
        const answer = await client.upload({ events: batch, auditHead: { id: auditRow, hash: auditHash } }, signal);
        if ('error' in answer) throw new Error(`upload ${answer.error} (appliedThrough ${answer.appliedThrough})`);
        if (inWindow(sent)) samples.ackMs.push(performance.now() - t0);
        if (answer.rejected.length > 0) samples.errors.push(`${answer.rejected.length} events rejected: ${answer.rejected[0]?.reason}`);
        samples.acknowledged = answer.appliedThrough;
        lastSyncAt = new Date().toISOString();
        while (outbox[0] && outbox[0].seq <= answer.appliedThrough) outbox.shift();
      } catch (error) {
        samples.errors.push(`upload: ${(error as Error).message}`);
        await sleepUntil(Date.now() + 1000);
      }
    }
  };

  const events = async () => {
    const offset = Math.random() * schedule.eventIntervalMs;
    for (let at = schedule.startAt + offset; at < end; at += schedule.eventIntervalMs) {
      await sleepUntil(at);
      const seq = ++samples.generated;
      if (inWindow(at)) samples.generatedInWindow++;
      outbox.push(visitEvent(kiosk.id, seq));
      // The kiosk's audit row and its event commit together: the head moves with every event.
      auditRow++;
      auditHash = randomBytes(32).toString('hex');
      uploading ??= upload().finally(() => (uploading = undefined));
    }
    // What is still waiting goes up before the kiosk reports (nothing may be left unacknowledged).
    while (uploading) await uploading;
    if (outbox.length > 0) await upload();
  };

  const every = async (intervalMs: number, work: () => Promise<void>) => {
    for (let at = schedule.startAt + Math.random() * intervalMs; at < end; at += intervalMs) {
      await sleepUntil(at);
      await work();
    }
  };

  let cursor = kiosk.cursor;
  const download = async () => {
    const sent = Date.now();
    const t0 = performance.now();
    let rows = 0;
    try {
      for (;;) {
        const page = await client.download(cursor, schedule.downloadPageRows, signal);
        if ('mustRefetch' in page) throw new Error('download answered mustRefetch');
        rows += page.changes.reduce((sum, table) => sum + table.upserts.length + table.deletes.length, 0);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      if (inWindow(sent)) {
        samples.downloadMs.push(performance.now() - t0);
        samples.downloadRows.push(rows);
      }
    } catch (error) {
      samples.errors.push(`download: ${(error as Error).message}`);
    }
  };

  const heartbeat = async () => {
    const sent = Date.now();
    const t0 = performance.now();
    try {
      const oldest = outbox[0] ? Math.round((Date.now() - Date.parse(outbox[0].createdAt)) / 1000) : null;
      await client.heartbeat({ version: '0.1.0', eventsWaiting: outbox.length, oldestWaitingAgeSeconds: oldest, rejectedCount: 0, lastSyncAt }, signal);
      if (inWindow(sent)) samples.heartbeatMs.push(performance.now() - t0);
    } catch (error) {
      samples.errors.push(`heartbeat: ${(error as Error).message}`);
    }
  };

  await Promise.all([events(), every(schedule.heartbeatIntervalMs, heartbeat), every(schedule.downloadIntervalMs, download)]);
  return samples;
}

/**
 * The events a kiosk's day is made of, shaped as the core enqueues them: mostly searches
 * (electron/core/lookup/lookup.ts), every tenth a settled payment (payments/payment-store.ts).
 */
function visitEvent(kioskId: string, seq: number): UploadedEvent {
  const at = new Date().toISOString();
  const visitId = randomUUID();
  const event = (type: string, payload: Record<string, unknown>): UploadedEvent => ({ seq, id: randomUUID(), type, payload, createdAt: at });
  if (seq % 10 === 0) {
    return event('payment.paid', {
      paymentId: randomUUID(),
      billId: randomUUID(),
      billReference: `BL${String(seq).padStart(8, '0')}`,
      fineId: null,
      method: 'mpesa',
      amount: 1450,
      providerReference: `SLK${randomBytes(4).toString('hex').toUpperCase()}`,
      staffId: null,
      shiftId: null,
      tendered: null,
      at,
    });
  }
  return event('lookup.searched', { kioskId, visitId, kind: 'idNumber', outcome: seq % 7 === 0 ? 'not-found' : 'found', at });
}
