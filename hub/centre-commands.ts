import type { z } from 'zod';
import type { ConsoleActionRecord, StaffView } from '@shared/console/console-api';
import { centreBadgeHash, newCentreBadgeKey } from '@shared/node/badge-hash';
import { hashPin } from '@shared/node/pin-hash';
import { badgeCodeSchema, pinSchema, staffIdSchema, staffNameSchema, staffRoleSchema } from '@shared/contract/staff';
import { isGuessablePin } from '@shared/staff/pin-policy';
import { centreSettingsProblems, centreSettingsSchema, type CentreSettings } from '@shared/sync/centre-settings';
import { centreSchema } from '@shared/updates/update-feed';
import type { CentreStaff, CentreStaffRole, HubStore, StaffChange } from './store/hub-store';

/**
 * Centres and their staff, as the back office manages them (the CLI and the admin routes
 * both come here). PINs arrive once, are hashed here in the kiosk's format and never kept;
 * badges likewise, under the centre's key. A refusal is a CentreCommandError whose message
 * an engineer can act on and whose `code` the admin API answers with. The console passes its
 * record of the change (`record`), which the store keeps in the change's own transaction.
 */
export class CentreCommandError extends Error {
  constructor(
    readonly code: 'invalid' | 'exists' | 'not-found' | 'badge-taken' | 'weak-pin',
    message: string,
  ) {
    super(message);
  }
}

/** The same rule as the kiosk's `updates.centre` setting: an id the hub takes is one a kiosk can name. */
export const centreIdSchema = centreSchema;
const nameSchema = staffNameSchema;

function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CentreCommandError('invalid', `${what} is not valid`);
  return parsed.data;
}

const CENTRE_ID_RULE = 'the centre id (up to 64 lower-case letters, digits and dashes, not starting or ending with a dash, e.g. huduma-gpo)';
const STAFF_ID_RULE = 'the staff number (3-12 digits)';

export async function addCentre(store: HubStore, input: { centreId: unknown; name: unknown }, now = new Date(), record?: ConsoleActionRecord): Promise<void> {
  const id = valid(centreIdSchema, input.centreId, CENTRE_ID_RULE);
  const name = valid(nameSchema, input.name, 'the centre name (2-80 characters)');
  if (!(await store.addCentre({ id, name, badgeKey: newCentreBadgeKey(), createdAt: now.toISOString() }, record))) {
    throw new CentreCommandError('exists', `centre ${id} already exists`);
  }
}

/** Places a kiosk in a centre: from its next sync it has that centre's staff. */
export async function moveKioskToCentre(store: HubStore, kioskId: string, centreId: unknown, record?: ConsoleActionRecord): Promise<void> {
  const outcome = await store.setKioskCentre(kioskId, valid(centreIdSchema, centreId, CENTRE_ID_RULE), record);
  if (outcome === 'no-kiosk') throw new CentreCommandError('not-found', `no kiosk ${kioskId}`);
  if (outcome === 'no-centre') throw new CentreCommandError('not-found', `no centre ${String(centreId)}`);
}

/** Refuses a centre the hub does not know, before a kiosk is registered in it. */
export async function requireCentre(store: HubStore, centreId: unknown): Promise<string> {
  const id = valid(centreIdSchema, centreId, CENTRE_ID_RULE);
  if (!(await store.listCentres()).some((centre) => centre.id === id)) throw new CentreCommandError('not-found', `no centre ${id}`);
  return id;
}

export interface NewStaffInput {
  centreId: unknown;
  staffId: unknown;
  name: unknown;
  role: unknown;
  pin: unknown;
  badgeCode?: unknown;
}

function checkedPin(pin: unknown): string {
  const checked = valid(pinSchema, pin, 'the PIN (4-8 digits)');
  if (isGuessablePin(checked)) throw new CentreCommandError('weak-pin', 'the PIN is too easy to guess (one digit repeated, or a run such as 1234)');
  return checked;
}

export async function addStaff(store: HubStore, input: NewStaffInput, now = new Date(), record?: ConsoleActionRecord): Promise<void> {
  const centreId = valid(centreIdSchema, input.centreId, CENTRE_ID_RULE);
  const staffId = valid(staffIdSchema, input.staffId, STAFF_ID_RULE);
  const name = valid(nameSchema, input.name, 'the name (2-80 characters)');
  const role = valid(staffRoleSchema, input.role, 'the role (clerk or supervisor)');
  const pin = checkedPin(input.pin);
  const badgeCode = input.badgeCode === undefined ? undefined : valid(badgeCodeSchema, input.badgeCode, 'the badge code (4-64 printable characters, no spaces)');
  const centre = (await store.listCentres()).find((c) => c.id === centreId);
  if (!centre) throw new CentreCommandError('not-found', `no centre ${centreId}`);
  const badgeHash = badgeCode === undefined ? null : centreBadgeHash(centre.badgeKey, badgeCode);
  const outcome = await store.addStaff({ centreId, staffId, name, role, pinHash: await hashPin(pin), badgeHash }, now.toISOString(), record);
  if (outcome === 'exists') throw new CentreCommandError('exists', `staff number ${staffId} already exists`);
  if (outcome === 'badge-taken') throw new CentreCommandError('badge-taken', 'another account already has this badge');
  if (outcome === 'no-centre') throw new CentreCommandError('not-found', `no centre ${centreId}`);
}

async function change(store: HubStore, staffId: unknown, what: StaffChange, now: Date, record: ConsoleActionRecord | undefined): Promise<void> {
  const id = valid(staffIdSchema, staffId, STAFF_ID_RULE);
  if (!(await store.changeStaff(id, what, now.toISOString(), record))) throw new CentreCommandError('not-found', `no staff number ${id}`);
}

/** Signed out and refused on every kiosk of the centre from their next sync. */
export function setStaffDisabled(store: HubStore, staffId: unknown, disabled: boolean, now = new Date(), record?: ConsoleActionRecord): Promise<void> {
  return change(store, staffId, { disabled }, now, record);
}

export function setStaffRole(store: HubStore, staffId: unknown, role: unknown, now = new Date(), record?: ConsoleActionRecord): Promise<void> {
  return change(store, staffId, { role: valid(staffRoleSchema, role, 'the role (clerk or supervisor)') as CentreStaffRole }, now, record);
}

export async function resetStaffPin(store: HubStore, staffId: unknown, pin: unknown, now = new Date(), record?: ConsoleActionRecord): Promise<void> {
  const checked = checkedPin(pin);
  return change(store, staffId, { pinHash: await hashPin(checked) }, now, record);
}

/** An account as the console and the CLI show it: never the PIN's hash, nor the badge's. */
export function staffView({ staffId, centreId, name, role, badgeHash, disabledAt, createdAt, updatedAt }: CentreStaff): StaffView {
  return { staffId, centreId, name, role, badge: badgeHash !== null, disabledAt, createdAt, updatedAt };
}

/** A centre's settings as the CLI and the admin API show them: `settings` is `{}` (every kiosk's own) until one is set. */
export interface CentreSettingsView {
  centreId: string;
  settings: CentreSettings;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Replaces a centre's settings document whole (a setting left out goes back to each kiosk's
 * own). Only the allow-list of shared/sync/centre-settings.ts passes: a secret, a kiosk's own
 * deployment setting, an unknown key or a value out of bounds refuses the whole document,
 * naming each path, and nothing changes. Its kiosks take it at their next centre-state read.
 */
export async function setCentreSettings(store: HubStore, centreId: unknown, document: unknown, by: string, now = new Date()): Promise<CentreSettingsView> {
  const id = valid(centreIdSchema, centreId, CENTRE_ID_RULE);
  const parsed = centreSettingsSchema.safeParse(document);
  if (!parsed.success) throw new CentreCommandError('invalid', `the settings were refused, nothing was changed: ${centreSettingsProblems(parsed.error)}`);
  const stored = { document: parsed.data, updatedBy: by, updatedAt: now.toISOString() };
  if (!(await store.setCentreSettings(id, stored))) throw new CentreCommandError('not-found', `no centre ${id}`);
  return { centreId: id, settings: stored.document, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
}

export async function centreSettingsOf(store: HubStore, centreId: unknown): Promise<CentreSettingsView> {
  const id = await requireCentre(store, centreId);
  const stored = await store.centreSettings(id);
  return { centreId: id, settings: stored?.document ?? {}, updatedBy: stored?.updatedBy ?? null, updatedAt: stored?.updatedAt ?? null };
}
