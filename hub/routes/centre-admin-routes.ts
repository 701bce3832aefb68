import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  addCentre,
  addStaff,
  CentreCommandError,
  centreSettingsOf,
  moveKioskToCentre,
  resetStaffPin,
  setStaffDisabled,
  setCentreSettings,
  setStaffRole,
  staffView,
} from '../centre-commands';
import type { HubStore } from '../store/hub-store';

/** A refusal's HTTP status; the console's centre routes answer the same. */
export const REFUSAL_STATUS: Record<CentreCommandError['code'], number> = { invalid: 400, 'weak-pin': 400, 'not-found': 404, exists: 409, 'badge-taken': 409 };

type Body = Record<string, unknown>;
const bodyOf = (request: FastifyRequest): Body => (typeof request.body === 'object' && request.body !== null ? (request.body as Body) : {});

/**
 * Centres, kiosks' centres and centre staff, for the back office's console (inside the admin
 * scope: the admin token is already checked). A refusal is `{error, message}`: the code, and
 * the command's own English sentence (never a validator's, never a PIN). Each change is logged
 * with who it concerns, never with a PIN.
 */
export function centreAdminRoutes(scope: FastifyInstance, store: HubStore, options: { now: () => Date }): void {
  const act = async (request: FastifyRequest, reply: FastifyReply, action: string, work: () => Promise<unknown>, status = 204) => {
    try {
      const answer = await work();
      request.log.info({ action, ...(request.params as object) }, 'centre administration');
      return reply.code(status).send(status === 204 ? undefined : answer);
    } catch (error) {
      if (!(error instanceof CentreCommandError)) throw error;
      request.log.warn({ action, refused: error.code }, 'centre administration refused');
      return reply.code(REFUSAL_STATUS[error.code]).send({ error: error.code, message: error.message });
    }
  };

  scope.get('/admin/v1/centres', async () => ({ centres: (await store.listCentres()).map(({ id, name, createdAt }) => ({ id, name, createdAt })) }));

  scope.post('/admin/v1/centres', (request, reply) =>
    act(request, reply, 'centre.add', async () => {
      const body = bodyOf(request);
      await addCentre(store, { centreId: body.id, name: body.name }, options.now());
      return { id: body.id };
    }, 201),
  );

  scope.put<{ Params: { id: string } }>('/admin/v1/kiosks/:id/centre', (request, reply) =>
    act(request, reply, 'kiosk.centre', () => moveKioskToCentre(store, request.params.id, bodyOf(request).centreId)),
  );

  scope.get<{ Params: { id: string } }>('/admin/v1/centres/:id/settings', (request, reply) =>
    act(request, reply, 'centre.settings.read', () => centreSettingsOf(store, request.params.id), 200),
  );
  // The body is the whole document: a setting left out goes back to each kiosk's own.
  scope.put<{ Params: { id: string } }>('/admin/v1/centres/:id/settings', (request, reply) =>
    act(request, reply, 'centre.settings', () => setCentreSettings(store, request.params.id, request.body, 'admin-api', options.now()), 200),
  );

  scope.get<{ Params: { id: string } }>('/admin/v1/centres/:id/staff', async (request) => ({ staff: (await store.listStaff(request.params.id)).map(staffView) }));

  scope.post<{ Params: { id: string } }>('/admin/v1/centres/:id/staff', (request, reply) =>
    act(request, reply, 'staff.add', async () => {
      const body = bodyOf(request);
      await addStaff(store, { centreId: request.params.id, staffId: body.staffId, name: body.name, role: body.role, pin: body.pin, badgeCode: body.badgeCode }, options.now());
      const added = await store.findStaff(String(body.staffId));
      return added && { staff: staffView(added) };
    }, 201),
  );

  scope.post<{ Params: { staffId: string } }>('/admin/v1/staff/:staffId/disable', (request, reply) =>
    act(request, reply, 'staff.disable', () => setStaffDisabled(store, request.params.staffId, true, options.now())),
  );
  scope.post<{ Params: { staffId: string } }>('/admin/v1/staff/:staffId/enable', (request, reply) =>
    act(request, reply, 'staff.enable', () => setStaffDisabled(store, request.params.staffId, false, options.now())),
  );
  scope.put<{ Params: { staffId: string } }>('/admin/v1/staff/:staffId/role', (request, reply) =>
    act(request, reply, 'staff.role', () => setStaffRole(store, request.params.staffId, bodyOf(request).role, options.now())),
  );
  scope.put<{ Params: { staffId: string } }>('/admin/v1/staff/:staffId/pin', (request, reply) =>
    act(request, reply, 'staff.pin-reset', () => resetStaffPin(store, request.params.staffId, bodyOf(request).pin, options.now())),
  );
}
