import type { Db } from '@shared/node/sqlite/open-sqlite';
import { overrideOf, paymentOf, shiftOf } from '../console-rows';
import type { AlertEvent, ReplicaPosition, ConsoleOverride, ConsolePayment, ConsoleShift, EventScope, PaymentGroup, PaymentPageKey, RecoveryCount, RejectedEvent } from '../console-store';

/** Accepted events of a type in the scope: its Kenyan day's instants, and its kiosks when it names some. */
const inScope = (type: string) => `
  e.type = '${type}' AND e.rejected_reason IS NULL AND e.created_at >= @from AND e.created_at < @to
  AND (@kiosks IS NULL OR e.kiosk_id IN (SELECT value FROM json_each(@kiosks)))`;

/** The bill's kind (the service) and whether a refund came due since: the payment's state now. */
const PAYMENT_FACTS = `
  coalesce((SELECT json_extract(b.payload, '$.kind') FROM kiosk_events b
             WHERE b.kiosk_id = e.kiosk_id AND b.type = 'bill.created' AND json_extract(b.payload, '$.billId') = json_extract(e.payload, '$.billId')
             LIMIT 1), 'unknown') AS service,
  CASE WHEN EXISTS (SELECT 1 FROM kiosk_events r
                     WHERE r.kiosk_id = e.kiosk_id AND r.type = 'payment.refund-due' AND r.seq > e.seq
                       AND json_extract(r.payload, '$.paymentId') = json_extract(e.payload, '$.paymentId'))
       THEN 'refund_due' ELSE 'paid' END AS state`;

interface PaymentRow {
  kioskId: string;
  seq: number;
  createdAt: string;
  payload: string;
  service: string;
  state: string;
}

interface EventPayloadRow {
  kioskId: string;
  payload: string;
}

const scopeParams = (scope: EventScope) => ({ from: scope.from, to: scope.to, kiosks: scope.kioskIds === null ? null : JSON.stringify(scope.kioskIds) });
const parsed = <T>(payload: string) => JSON.parse(payload) as T;

/** What the console reads from the kiosks' uploaded events; one statement a view. */
export class ConsoleViews {
  private readonly positionStmt;
  private readonly positionsStmt;
  private readonly rejectedStmt;
  private readonly alertsStmt;
  private readonly paymentsStmt;
  private readonly groupsStmt;
  private readonly shiftsStmt;
  private readonly overridesStmt;
  private readonly recoveriesStmt;

  constructor(db: Db) {
    this.positionStmt = db.prepare(
      `INSERT INTO kiosk_replica_positions (kiosk_id, position, head, at) VALUES (@kioskId, @position, @head, @at)
       ON CONFLICT (kiosk_id) DO UPDATE SET position = excluded.position, head = excluded.head, at = excluded.at`,
    );
    this.positionsStmt = db.prepare<[], ReplicaPosition>('SELECT kiosk_id AS kioskId, position, head, at FROM kiosk_replica_positions ORDER BY kiosk_id');
    this.rejectedStmt = db.prepare<[string, number], RejectedEvent>(
      `SELECT seq, id, type, received_at AS receivedAt, rejected_reason AS reason FROM kiosk_events
        WHERE kiosk_id = ? AND rejected_reason IS NOT NULL ORDER BY seq DESC LIMIT ?`,
    );
    this.alertsStmt = db.prepare<[string, number], Omit<AlertEvent, 'payload'> & { payload: string | null }>(
      `SELECT kiosk_id AS kioskId, seq, type, received_at AS receivedAt, created_at AS createdAt, rejected_reason AS rejectedReason, payload
         FROM kiosk_events
        WHERE received_at >= ?
          AND (rejected_reason IS NOT NULL OR type = 'mpesa.callback-rejected'
               OR (type = 'shift.closed' AND coalesce(json_extract(payload, '$.variance'), 0) <> 0))
        ORDER BY received_at DESC, kiosk_id, seq DESC LIMIT ?`,
    );
    this.paymentsStmt = db.prepare<[Record<string, unknown>], PaymentRow>(
      `SELECT e.kiosk_id AS kioskId, e.seq, e.created_at AS createdAt, e.payload, ${PAYMENT_FACTS}
         FROM kiosk_events e
        WHERE ${inScope('payment.paid')}
          AND (@afterCreatedAt IS NULL OR (e.created_at, e.kiosk_id, e.seq) > (@afterCreatedAt, @afterKiosk, @afterSeq))
        ORDER BY e.created_at, e.kiosk_id, e.seq LIMIT @limit`,
    );
    this.groupsStmt = db.prepare<[Record<string, unknown>], PaymentGroup>(
      `SELECT method, service, utcHour, count(*) AS count, sum(amount) AS amount FROM (
         SELECT json_extract(e.payload, '$.method') AS method, CAST(substr(e.created_at, 12, 2) AS INTEGER) AS utcHour,
                json_extract(e.payload, '$.amount') AS amount, ${PAYMENT_FACTS}
           FROM kiosk_events e WHERE ${inScope('payment.paid')})
        WHERE state = 'paid' GROUP BY method, service, utcHour ORDER BY method, service, utcHour`,
    );
    this.shiftsStmt = db.prepare<[Record<string, unknown>], EventPayloadRow & { signedOffBy: string | null }>(
      `SELECT e.kiosk_id AS kioskId, e.payload,
              (SELECT json_extract(s.payload, '$.supervisorId') FROM kiosk_events s
                WHERE s.kiosk_id = e.kiosk_id AND s.type = 'shift.signed-off' AND s.rejected_reason IS NULL
                  AND json_extract(s.payload, '$.shiftId') = json_extract(e.payload, '$.shiftId') LIMIT 1) AS signedOffBy
         FROM kiosk_events e WHERE ${inScope('shift.closed')}
        ORDER BY e.created_at, e.kiosk_id, e.seq LIMIT @limit`,
    );
    this.overridesStmt = db.prepare<[Record<string, unknown>], EventPayloadRow>(
      `SELECT e.kiosk_id AS kioskId, e.payload FROM kiosk_events e WHERE ${inScope('override.used')}
        ORDER BY e.created_at, e.kiosk_id, e.seq LIMIT @limit`,
    );
    this.recoveriesStmt = db.prepare<[Record<string, unknown>], RecoveryCount>(
      `SELECT outcome, count(*) AS count FROM (
         SELECT 'approved' AS outcome FROM kiosk_events e WHERE ${inScope('account.recovery.approved')}
         UNION ALL
         SELECT 'rejected' FROM kiosk_events e WHERE ${inScope('account.recovery.rejected')})
        GROUP BY outcome ORDER BY outcome`,
    );
  }

  recordPosition(position: ReplicaPosition): void {
    this.positionStmt.run(position);
  }

  positions(): ReplicaPosition[] {
    return this.positionsStmt.all();
  }

  rejected(kioskId: string, limit: number): RejectedEvent[] {
    return this.rejectedStmt.all(kioskId, limit);
  }

  alerts(since: string, limit: number): AlertEvent[] {
    return this.alertsStmt.all(since, limit).map((row) => ({ ...row, payload: row.payload === null ? null : parsed(row.payload) }));
  }

  payments(scope: EventScope, after: PaymentPageKey | null, limit: number): ConsolePayment[] {
    const page = { afterCreatedAt: after?.createdAt ?? null, afterKiosk: after?.kioskId ?? null, afterSeq: after?.seq ?? null, limit };
    return this.paymentsStmt.all({ ...scopeParams(scope), ...page }).map((row) => paymentOf(row, parsed(row.payload)));
  }

  paymentGroups(scope: EventScope): PaymentGroup[] {
    return this.groupsStmt.all(scopeParams(scope));
  }

  shifts(scope: EventScope, limit: number): ConsoleShift[] {
    return this.shiftsStmt.all({ ...scopeParams(scope), limit }).map((row) => shiftOf(row.kioskId, parsed(row.payload), row.signedOffBy));
  }

  overrides(scope: EventScope, limit: number): ConsoleOverride[] {
    return this.overridesStmt.all({ ...scopeParams(scope), limit }).map((row) => overrideOf(row.kioskId, parsed(row.payload)));
  }

  recoveries(scope: EventScope): RecoveryCount[] {
    return this.recoveriesStmt.all(scopeParams(scope));
  }
}
