import type pg from 'pg';
import { overrideOf, paymentOf, shiftOf } from '../console-rows';
import type { AlertEvent, ReplicaPosition, ConsoleOverride, ConsolePayment, ConsoleShift, EventScope, PaymentGroup, PaymentPageKey, RecoveryCount, RejectedEvent } from '../console-store';

/** A payload field as a number where the kiosk sent one, else 0: the hub never read the payload, so a cast must not fail. */
const numberField = (alias: string, field: string) => `CASE WHEN json_typeof(${alias}.payload->'${field}') = 'number' THEN (${alias}.payload->>'${field}')::numeric ELSE 0 END`;

/** Accepted events of a type in the scope ($1, $2: its Kenyan day's instants; $3: its kiosks, or null for all). */
const inScope = (type: string) => `
  e.type = '${type}' AND e.rejected_reason IS NULL AND e.created_at >= $1 AND e.created_at < $2
  AND ($3::text[] IS NULL OR e.kiosk_id = ANY($3::text[]))`;

/** The bill's kind (the service) and whether a refund came due since: the payment's state now. */
const PAYMENT_FACTS = `
  coalesce((SELECT b.payload->>'kind' FROM kiosk_events b
             WHERE b.kiosk_id = e.kiosk_id AND b.type = 'bill.created' AND b.payload->>'billId' = e.payload->>'billId'
             LIMIT 1), 'unknown') AS service,
  CASE WHEN EXISTS (SELECT 1 FROM kiosk_events r
                     WHERE r.kiosk_id = e.kiosk_id AND r.type = 'payment.refund-due' AND r.seq > e.seq
                       AND r.payload->>'paymentId' = e.payload->>'paymentId')
       THEN 'refund_due' ELSE 'paid' END AS state`;

type Payload = Record<string, unknown>;
const scopeParams = (scope: EventScope) => [scope.from, scope.to, scope.kioskIds === null ? null : [...scope.kioskIds]];

/** What the console reads from the kiosks' uploaded events; one statement a view. */
export class ConsoleViews {
  constructor(private readonly pool: pg.Pool) {}

  async recordPosition(position: ReplicaPosition): Promise<void> {
    await this.pool.query(
      `INSERT INTO kiosk_replica_positions (kiosk_id, position, head, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kiosk_id) DO UPDATE SET position = excluded.position, head = excluded.head, at = excluded.at`,
      [position.kioskId, position.position, position.head, position.at],
    );
  }

  async positions(): Promise<ReplicaPosition[]> {
    return (await this.pool.query<ReplicaPosition>('SELECT kiosk_id AS "kioskId", position, head, at FROM kiosk_replica_positions ORDER BY kiosk_id COLLATE "C"')).rows;
  }

  async rejected(kioskId: string, limit: number): Promise<RejectedEvent[]> {
    const { rows } = await this.pool.query<RejectedEvent>(
      `SELECT seq, id, type, received_at AS "receivedAt", rejected_reason AS reason FROM kiosk_events
        WHERE kiosk_id = $1 AND rejected_reason IS NOT NULL ORDER BY seq DESC LIMIT $2`,
      [kioskId, limit],
    );
    return rows;
  }

  async alerts(since: string, limit: number): Promise<AlertEvent[]> {
    const { rows } = await this.pool.query<AlertEvent>(
      `SELECT kiosk_id AS "kioskId", seq, type, received_at AS "receivedAt", created_at AS "createdAt", rejected_reason AS "rejectedReason", payload
         FROM kiosk_events e
        WHERE received_at >= $1
          AND (rejected_reason IS NOT NULL OR type = 'mpesa.callback-rejected' OR (type = 'shift.closed' AND ${numberField('e', 'variance')} <> 0))
        ORDER BY received_at DESC, kiosk_id COLLATE "C", seq DESC LIMIT $2`,
      [since, limit],
    );
    return rows;
  }

  async payments(scope: EventScope, after: PaymentPageKey | null, limit: number): Promise<ConsolePayment[]> {
    const { rows } = await this.pool.query<{ kioskId: string; seq: number; createdAt: string; payload: Payload; service: string; state: string }>(
      `SELECT e.kiosk_id AS "kioskId", e.seq, e.created_at AS "createdAt", e.payload, ${PAYMENT_FACTS}
         FROM kiosk_events e
        WHERE ${inScope('payment.paid')}
          AND ($4::text IS NULL OR (e.created_at COLLATE "C", e.kiosk_id COLLATE "C", e.seq) > ($4 COLLATE "C", $5 COLLATE "C", $6::bigint))
        ORDER BY e.created_at COLLATE "C", e.kiosk_id COLLATE "C", e.seq LIMIT $7`,
      [...scopeParams(scope), after?.createdAt ?? null, after?.kioskId ?? null, after?.seq ?? null, limit],
    );
    return rows.map((row) => paymentOf(row, row.payload));
  }

  async paymentGroups(scope: EventScope): Promise<PaymentGroup[]> {
    const { rows } = await this.pool.query<PaymentGroup>(
      `SELECT method, service, "utcHour", count(*)::bigint AS count, sum(amount)::bigint AS amount FROM (
         SELECT coalesce(e.payload->>'method', '') AS method, substr(e.created_at, 12, 2)::int AS "utcHour",
                ${numberField('e', 'amount')} AS amount, ${PAYMENT_FACTS}
           FROM kiosk_events e WHERE ${inScope('payment.paid')}) AS paid
        WHERE state = 'paid' GROUP BY method, service, "utcHour" ORDER BY method COLLATE "C", service COLLATE "C", "utcHour"`,
      scopeParams(scope),
    );
    return rows;
  }

  async shifts(scope: EventScope, limit: number): Promise<ConsoleShift[]> {
    const { rows } = await this.pool.query<{ kioskId: string; payload: Payload; signedOffBy: string | null }>(
      `SELECT e.kiosk_id AS "kioskId", e.payload,
              (SELECT s.payload->>'supervisorId' FROM kiosk_events s
                WHERE s.kiosk_id = e.kiosk_id AND s.type = 'shift.signed-off' AND s.rejected_reason IS NULL
                  AND s.payload->>'shiftId' = e.payload->>'shiftId' LIMIT 1) AS "signedOffBy"
         FROM kiosk_events e WHERE ${inScope('shift.closed')}
        ORDER BY e.created_at COLLATE "C", e.kiosk_id COLLATE "C", e.seq LIMIT $4`,
      [...scopeParams(scope), limit],
    );
    return rows.map((row) => shiftOf(row.kioskId, row.payload, row.signedOffBy));
  }

  async overrides(scope: EventScope, limit: number): Promise<ConsoleOverride[]> {
    const { rows } = await this.pool.query<{ kioskId: string; payload: Payload }>(
      `SELECT e.kiosk_id AS "kioskId", e.payload FROM kiosk_events e WHERE ${inScope('override.used')}
        ORDER BY e.created_at COLLATE "C", e.kiosk_id COLLATE "C", e.seq LIMIT $4`,
      [...scopeParams(scope), limit],
    );
    return rows.map((row) => overrideOf(row.kioskId, row.payload));
  }

  async recoveries(scope: EventScope): Promise<RecoveryCount[]> {
    const { rows } = await this.pool.query<RecoveryCount>(
      `SELECT outcome, count(*)::bigint AS count FROM (
         SELECT 'approved' AS outcome FROM kiosk_events e WHERE ${inScope('account.recovery.approved')}
         UNION ALL
         SELECT 'rejected' FROM kiosk_events e WHERE ${inScope('account.recovery.rejected')}) AS decided
        GROUP BY outcome ORDER BY outcome`,
      scopeParams(scope),
    );
    return rows;
  }
}
