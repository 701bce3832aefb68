import { z } from 'zod';
import { badgeCodeSchema, pinSchema, staffIdSchema, staffNameSchema, staffRoleSchema } from '../contract/staff';
import { centreSchema } from '../updates/update-feed';

/**
 * The back office console's API (hub/console-server), shared by the hub and the console app.
 * Every mutating request carries CONSOLE_REQUEST_HEADER: a page on another origin cannot set it
 * without a CORS preflight the hub never grants, so a forged form post cannot sign anybody out or in.
 */
export const CONSOLE_API = '/console/api';
export const CONSOLE_REQUEST_HEADER = 'x-console-request';

export const signInSchema = z.object({ name: z.string().min(1).max(40), password: z.string().min(1).max(200) });
export type SignIn = z.output<typeof signInSchema>;

export const businessDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const exportFormatSchema = z.enum(['csv', 'xlsx', 'pdf']);
export type ExportFormat = z.output<typeof exportFormatSchema>;

export interface SessionView {
  name: string;
  /** When the session ends if used without pause (absolute expiry), ISO. */
  expiresAt: string;
  idleMinutes: number;
}

export interface KioskView {
  id: string;
  /** The centre the kiosk stands in; null until the back office places it. */
  centre: string | null;
  online: boolean;
  heartbeatAt: string | null;
  version: string | null;
  eventsWaiting: number | null;
  oldestWaitingAgeSeconds: number | null;
  lastSyncAt: string | null;
  /** Events the hub refused from this kiosk. */
  rejectedCount: number;
  appliedThrough: number;
  replica: { position: number; head: number; at: string } | null;
  printer: { status: string; checkedAt: string } | null;
}

export interface KiosksView {
  kiosks: KioskView[];
  /** Minutes without a heartbeat after which a kiosk counts as offline. */
  onlineWithinMinutes: number;
  checkedAt: string;
}

export interface RejectedEventView {
  seq: number;
  type: string | null;
  receivedAt: string;
  reason: string;
}

export type AlertKind = 'kiosk-silent' | 'event-rejected' | 'callback-forged' | 'cash-variance';

export interface AlertView {
  kind: AlertKind;
  kioskId: string;
  at: string;
  /** Kiosk-silent: minutes since the last heartbeat; event-rejected: the reason; callback-forged: why; cash-variance: KES over (+) or short (−). */
  detail: string;
}

export interface Total {
  count: number;
  amount: number;
}

/** `GET /centres`: the service centres, for the day's choice of one. */
export interface CentresView {
  centres: Array<{ id: string; name: string }>;
}

export interface DayView {
  businessDate: string;
  /** The centre whose kiosks the day covers; null: every kiosk of the hub. */
  centre: string | null;
  kioskIds: string[] | null;
  paid: Total;
  byMethod: Array<Total & { method: string }>;
  byService: Array<Total & { service: string }>;
  /** 24 entries, Kenya time 00–23. */
  byHour: Array<Total & { hour: number }>;
  shifts: Array<{ kioskId: string; shiftId: string; staffId: string; closedAt: string; expected: number; counted: number | null; variance: number | null; status: string; signedOffBy: string | null }>;
  overrides: Array<{ kioskId: string; at: string; staffId: string; kind: string; reason: string; outcome: string }>;
  recoveries: { approved: number; rejected: number };
  /** Listed here up to a limit; every one goes into the exports. */
  payments: Array<{ kioskId: string; paymentId: string; at: string; service: string; method: string; state: string; amount: number; providerReference: string | null }>;
  paymentsTruncated: boolean;
}

/** A refusal's code, which the console turns into words in both languages. */
export interface ConsoleError {
  error: string;
}

/** The changes the console makes to centres, kiosks and staff (the admin API's names for the same). */
export type ConsoleAction = 'centre.add' | 'kiosk.centre' | 'staff.add' | 'staff.disable' | 'staff.enable' | 'staff.role' | 'staff.pin-reset';

/** One admin's change in the console, or its refusal, as the hub records it: never a PIN. */
export interface ConsoleActionRecord {
  adminName: string;
  action: ConsoleAction;
  /** The centre id, staff number or kiosk id the action names. */
  target: string;
  /** The centre it concerns; null when none is known (an unknown staff number). */
  centreId: string | null;
  /** `done`, or the refusal's code. */
  outcome: string;
  at: string;
}

/**
 * What the console sends to manage centres, kiosks and staff: the rules the hub's centre
 * commands apply (the app checks a form with them before sending; the hub again on arrival).
 * A PIN's guessability is the hub's to judge (`weak-pin`).
 */
export const newCentreSchema = z.object({ id: centreSchema, name: staffNameSchema }).strict();
export const newStaffSchema = z
  .object({ staffId: staffIdSchema, name: staffNameSchema, role: staffRoleSchema, pin: pinSchema, badgeCode: badgeCodeSchema.optional() })
  .strict();
export type NewStaff = z.input<typeof newStaffSchema>;
export const roleChangeSchema = z.object({ role: staffRoleSchema }).strict();
export const pinResetSchema = z.object({ pin: pinSchema }).strict();
export const kioskMoveSchema = z.object({ centreId: centreSchema }).strict();

/** A staff account as the console shows it: whether a badge is set, never the badge, the PIN or their hashes. */
export interface StaffView {
  staffId: string;
  centreId: string;
  name: string;
  role: 'clerk' | 'supervisor';
  badge: boolean;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /centres/:id`: the centre, its staff (disabled ones too) and the latest console actions concerning it. */
export interface CentreView {
  centre: { id: string; name: string; createdAt: string };
  staff: StaffView[];
  actions: ConsoleActionRecord[];
}
