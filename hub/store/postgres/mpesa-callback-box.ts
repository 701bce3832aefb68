import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { KeptMpesaCallback, MpesaCallbackQuestion, NewMpesaCallback, UnclaimedMpesaPayment } from '../hub-store';
import { inTransaction } from './postgres-connection';

/** Payment events whose providerReference claims an M-Pesa receipt for a payment. */
const CLAIMING_EVENTS = "('payment.paid', 'payment.refund-due', 'payment.refund_due')";

/** Daraja's STK callbacks as they came, every distinct body, for the pushing kiosk to fetch. */
export class MpesaCallbackBox {
  constructor(private readonly pool: pg.Pool) {}

  /** False when this very body was already kept for this push (Safaricom repeats them). */
  async keep(callback: NewMpesaCallback): Promise<boolean> {
    const body = JSON.stringify(callback.body);
    // The same body under another attempt tag is another claim, kept too.
    const bodyHash = createHash('sha256').update(`${callback.attemptReference ?? ''}\n${body}`).digest('hex');
    const result = await this.pool.query(
      `INSERT INTO mpesa_callbacks (checkout_request_id, attempt_reference, body, body_hash, result_code, receipt_number, amount, received_at)
       VALUES ($1, $2, $3::json, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [callback.checkoutRequestId, callback.attemptReference, body, bodyHash, callback.resultCode, callback.receiptNumber, callback.amount, callback.receivedAt],
    );
    return result.rowCount === 1;
  }

  /** Claims the pushes no kiosk owns yet for this one, then answers the callbacks of those it owns. */
  find(kioskId: string, asked: MpesaCallbackQuestion): Promise<KeptMpesaCallback[]> {
    const checkouts = [...asked.checkoutRequestIds];
    const references = [...asked.attemptReferences];
    return inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO mpesa_push_owners (push_key, kiosk_id)
         SELECT key, $1 FROM unnest($2::text[]) AS key ORDER BY key ON CONFLICT DO NOTHING`,
        [kioskId, [...checkouts.map((id) => `checkout:${id}`), ...references.map((reference) => `attempt:${reference}`)]],
      );
      const { rows } = await client.query<{ attempt_reference: string | null; body: unknown }>(
        `SELECT c.attempt_reference, c.body FROM mpesa_callbacks c
          WHERE (c.checkout_request_id = ANY($2::text[])
                 AND EXISTS (SELECT 1 FROM mpesa_push_owners o WHERE o.push_key = 'checkout:' || c.checkout_request_id AND o.kiosk_id = $1))
             OR (c.attempt_reference = ANY($3::text[])
                 AND EXISTS (SELECT 1 FROM mpesa_push_owners o WHERE o.push_key = 'attempt:' || c.attempt_reference AND o.kiosk_id = $1))
          ORDER BY c.id`,
        [kioskId, checkouts, references],
      );
      return rows.map((row) => ({ attemptReference: row.attempt_reference, body: row.body }));
    });
  }

  /** Money M-Pesa took that no kiosk's uploaded payment claims, kept at least until `receivedBefore`. */
  async unclaimed(receivedBefore: string): Promise<UnclaimedMpesaPayment[]> {
    const { rows } = await this.pool.query<UnclaimedMpesaPayment>(
      `SELECT c.receipt_number AS "receiptNumber", c.amount, c.checkout_request_id AS "checkoutRequestId", c.attempt_reference AS "attemptReference",
              c.received_at AS "receivedAt",
              (SELECT o.kiosk_id FROM mpesa_push_owners o
                WHERE o.push_key IN ('checkout:' || c.checkout_request_id, 'attempt:' || c.attempt_reference) LIMIT 1) AS "kioskId"
         FROM mpesa_callbacks c
        WHERE c.result_code = 0 AND c.receipt_number IS NOT NULL AND c.received_at <= $1
          AND c.id = (SELECT min(d.id) FROM mpesa_callbacks d WHERE d.receipt_number = c.receipt_number)
          AND NOT EXISTS (SELECT 1 FROM kiosk_events e
                           WHERE e.rejected_reason IS NULL AND e.type IN ${CLAIMING_EVENTS}
                             AND e.payload->>'providerReference' = c.receipt_number)
        ORDER BY c.received_at`,
      [receivedBefore],
    );
    return rows;
  }
}
