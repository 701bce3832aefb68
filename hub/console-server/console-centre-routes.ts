import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  CONSOLE_API,
  kioskMoveSchema,
  newCentreSchema,
  newStaffSchema,
  pinResetSchema,
  roleChangeSchema,
  type CentreView,
  type ConsoleAction,
  type ConsoleActionRecord,
} from '@shared/console/console-api';
import { centreSchema } from '@shared/updates/update-feed';
import { addCentre, addStaff, CentreCommandError, moveKioskToCentre, resetStaffPin, setStaffDisabled, setStaffRole, staffView } from '../centre-commands';
import { REFUSAL_STATUS } from '../routes/centre-admin-routes';
import type { ConsoleStore } from '../store/console-store';
import type { HubStore } from '../store/hub-store';

/** How many of a centre's latest console actions its page shows. */
const ACTIONS_SHOWN = 30;

/** A body checked against the console's schema; a refusal names the fields, never their values (a PIN among them). */
function bodyOf<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'body'))];
  throw new CentreCommandError('invalid', `not valid: ${fields.join(', ')}`);
}

/** What a request names as its target, kept short: a centre id, staff number or kiosk id the admin typed. */
const named = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 80) : '');

/** The centre a request names, when it is a centre id at all (for the list of actions; the command judges it). */
const centreNamed = (value: unknown): string | null => (centreSchema.safeParse(value).success ? (value as string) : null);

const refuse = (reply: FastifyReply, error: CentreCommandError) => reply.code(REFUSAL_STATUS[error.code]).send({ error: error.code, message: error.message });

interface Action {
  action: ConsoleAction;
  target: string;
  /** The centre the action concerns, for its page's list of actions; null when none is known. */
  centreId: string | null;
}

/**
 * Centres, kiosks' centres and staff, managed by a signed-in admin (inside the console's
 * guarded scope: the session and the CSRF header are already checked). The centre commands
 * apply their rules, as for the CLI and the admin API; every change, done or refused, is
 * recorded with the admin's name, and never with the request's body. A change done commits
 * with its record in one transaction, so neither is kept without the other; a refusal changed
 * nothing and is recorded alone.
 */
export function consoleCentreRoutes(scope: FastifyInstance, store: HubStore & ConsoleStore, now: () => Date): void {
  const act = async (request: FastifyRequest, reply: FastifyReply, { action, target, centreId }: Action, work: (done: ConsoleActionRecord) => Promise<unknown>, status = 204) => {
    const record = (outcome: string): ConsoleActionRecord => ({ adminName: request.adminName, action, target: named(target), centreId, outcome, at: now().toISOString() });
    try {
      const answer = await work(record('done'));
      return reply.code(status).send(status === 204 ? undefined : answer);
    } catch (error) {
      if (!(error instanceof CentreCommandError)) throw error;
      await store.recordConsoleAction(record(error.code));
      return refuse(reply, error);
    }
  };
  /** A staff action concerns the centre the account is in, if there is one. */
  const staffAction = async (action: ConsoleAction, staffId: string): Promise<Action> => ({ action, target: staffId, centreId: (await store.findStaff(staffId))?.centreId ?? null });

  scope.post(`${CONSOLE_API}/centres`, (request, reply) => {
    const id = (request.body as { id?: unknown } | null)?.id;
    return act(request, reply, { action: 'centre.add', target: named(id), centreId: centreNamed(id) }, async (done) => {
      const body = bodyOf(newCentreSchema, request.body);
      await addCentre(store, { centreId: body.id, name: body.name }, now(), done);
      return { centre: { id: body.id, name: body.name } };
    }, 201);
  });

  scope.get<{ Params: { id: string } }>(`${CONSOLE_API}/centres/:id`, async (request, reply) => {
    const centre = (await store.listCentres()).find((c) => c.id === request.params.id);
    if (centre === undefined) return refuse(reply, new CentreCommandError('not-found', `no centre ${named(request.params.id)}`));
    const [staff, actions] = await Promise.all([store.listStaff(centre.id), store.listConsoleActions(ACTIONS_SHOWN, centre.id)]);
    const view: CentreView = { centre: { id: centre.id, name: centre.name, createdAt: centre.createdAt }, staff: staff.map(staffView), actions };
    return view;
  });

  scope.put<{ Params: { id: string } }>(`${CONSOLE_API}/kiosks/:id/centre`, (request, reply) => {
    const centreId = centreNamed((request.body as { centreId?: unknown } | null)?.centreId);
    return act(request, reply, { action: 'kiosk.centre', target: request.params.id, centreId }, (done) =>
      moveKioskToCentre(store, request.params.id, bodyOf(kioskMoveSchema, request.body).centreId, done),
    );
  });

  scope.post<{ Params: { id: string } }>(`${CONSOLE_API}/centres/:id/staff`, (request, reply) => {
    const staffId = named((request.body as { staffId?: unknown } | null)?.staffId);
    return act(request, reply, { action: 'staff.add', target: staffId, centreId: centreNamed(request.params.id) }, async (done) => {
      const body = bodyOf(newStaffSchema, request.body);
      await addStaff(store, { centreId: request.params.id, ...body }, now(), done);
      const added = await store.findStaff(body.staffId);
      return added && { staff: staffView(added) };
    }, 201);
  });

  for (const [route, action, disabled] of [['disable', 'staff.disable', true], ['enable', 'staff.enable', false]] as const) {
    scope.post<{ Params: { staffId: string } }>(`${CONSOLE_API}/staff/:staffId/${route}`, async (request, reply) =>
      act(request, reply, await staffAction(action, request.params.staffId), (done) => setStaffDisabled(store, request.params.staffId, disabled, now(), done)),
    );
  }

  scope.put<{ Params: { staffId: string } }>(`${CONSOLE_API}/staff/:staffId/role`, async (request, reply) =>
    act(request, reply, await staffAction('staff.role', request.params.staffId), (done) => setStaffRole(store, request.params.staffId, bodyOf(roleChangeSchema, request.body).role, now(), done)),
  );

  scope.put<{ Params: { staffId: string } }>(`${CONSOLE_API}/staff/:staffId/pin`, async (request, reply) =>
    act(request, reply, await staffAction('staff.pin-reset', request.params.staffId), (done) => resetStaffPin(store, request.params.staffId, bodyOf(pinResetSchema, request.body).pin, now(), done)),
  );
}
