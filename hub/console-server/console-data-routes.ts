import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDateSchema, CONSOLE_API, exportFormatSchema, type CentresView, type KiosksView, type KioskView } from '@shared/console/console-api';
import { centreSchema } from '@shared/updates/update-feed';
import { refuseInvalid } from '../routes/refuse-invalid';
import type { ConsoleStore } from '../store/console-store';
import type { HubStore } from '../store/hub-store';
import { consoleAlerts, SILENT_AFTER_MINUTES } from './console-alerts';
import { allDayPayments, buildDayView, dayScope } from './console-day';
import { REPORT_MIME_TYPES } from '@shared/contract/reports';
import { dayExport } from './day-exports';

/** How far back the alerts list looks for events, and how many it shows. */
const ALERT_DAYS = 7;
const ALERTS_MAX = 200;
const REJECTED_MAX = 100;

/** A day of one centre's kiosks, or (no centre) of every kiosk of the hub. */
const dayQuery = z.object({ date: businessDateSchema, centre: centreSchema.optional() });
const exportQuery = dayQuery.extend({ format: exportFormatSchema });

async function kioskViews(store: HubStore & ConsoleStore, now: Date): Promise<KioskView[]> {
  const [kiosks, positions] = await Promise.all([store.listKiosks(), store.replicaPositions()]);
  const replicaOf = new Map(positions.map((p) => [p.kioskId, p]));
  return kiosks.map(({ id, centreId, heartbeat, rejectedCount, appliedThrough }) => {
    const replica = replicaOf.get(id);
    return {
      id,
      centre: centreId,
      online: heartbeat !== null && now.getTime() - Date.parse(heartbeat.receivedAt) < SILENT_AFTER_MINUTES * 60_000,
      heartbeatAt: heartbeat?.receivedAt ?? null,
      version: heartbeat?.version ?? null,
      eventsWaiting: heartbeat?.eventsWaiting ?? null,
      oldestWaitingAgeSeconds: heartbeat?.oldestWaitingAgeSeconds ?? null,
      lastSyncAt: heartbeat?.lastSyncAt ?? null,
      rejectedCount,
      appliedThrough,
      replica: replica === undefined ? null : { position: replica.position, head: replica.head, at: replica.at },
      printer: heartbeat?.printer ?? null,
    };
  });
}

/** What a signed-in admin reads: the kiosks, the alerts, the centre's day and its exports. */
export function consoleDataRoutes(scope: FastifyInstance, store: HubStore & ConsoleStore, now: () => Date): void {
  scope.get(`${CONSOLE_API}/kiosks`, async () => {
    const at = now();
    const view: KiosksView = { kiosks: await kioskViews(store, at), onlineWithinMinutes: SILENT_AFTER_MINUTES, checkedAt: at.toISOString() };
    return view;
  });

  scope.get<{ Params: { id: string } }>(`${CONSOLE_API}/kiosks/:id/rejected`, async (request) => ({
    rejected: (await store.rejectedEvents(request.params.id, REJECTED_MAX)).map(({ seq, type, receivedAt, reason }) => ({ seq, type, receivedAt, reason })),
  }));

  scope.get(`${CONSOLE_API}/alerts`, async () => {
    const at = now();
    const since = new Date(at.getTime() - ALERT_DAYS * 24 * 60 * 60_000).toISOString();
    const [kiosks, events] = await Promise.all([kioskViews(store, at), store.alertEvents(since, ALERTS_MAX)]);
    return { alerts: consoleAlerts(kiosks, events, at) };
  });

  scope.get(`${CONSOLE_API}/centres`, async (): Promise<CentresView> => ({
    centres: (await store.listCentres()).map(({ id, name }) => ({ id, name })),
  }));

  /** The kiosks a day covers: the centre's (none yet is a day of nothing), or null for every kiosk; undefined: no such centre. */
  const kiosksOf = async (centre: string | undefined): Promise<string[] | null | undefined> => {
    if (centre === undefined) return null;
    if (!(await store.listCentres()).some((c) => c.id === centre)) return undefined;
    return (await store.listKiosks()).filter((k) => k.centreId === centre).map((k) => k.id);
  };

  scope.get(`${CONSOLE_API}/day`, async (request, reply) => {
    const query = dayQuery.safeParse(request.query);
    if (!query.success) return refuseInvalid(request, reply, 'invalid-date', query.error);
    const kioskIds = await kiosksOf(query.data.centre);
    if (kioskIds === undefined) return reply.code(404).send({ error: 'unknown-centre' });
    return buildDayView(store, query.data.date, kioskIds, query.data.centre ?? null);
  });

  scope.get(`${CONSOLE_API}/day/export`, async (request, reply) => {
    const query = exportQuery.safeParse(request.query);
    if (!query.success) return refuseInvalid(request, reply, 'invalid-export', query.error);
    const { date, format, centre } = query.data;
    const kioskIds = await kiosksOf(centre);
    if (kioskIds === undefined) return reply.code(404).send({ error: 'unknown-centre' });
    const [day, payments] = await Promise.all([buildDayView(store, date, kioskIds, centre ?? null), allDayPayments(store, dayScope(date, kioskIds))]);
    const file = await dayExport(format, { day, payments, generatedAt: now().toISOString(), generatedBy: request.adminName });
    return reply
      .type(REPORT_MIME_TYPES[format])
      .header('content-disposition', `attachment; filename="${centre ?? 'all-centres'}-day-${date}.${format}"`)
      .send(file);
  });
}
