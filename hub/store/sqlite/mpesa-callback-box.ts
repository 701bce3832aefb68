import { createHash } from 'node:crypto';
import type { Db } from '@shared/node/sqlite/open-sqlite';
import type { KeptMpesaCallback, MpesaCallbackQuestion, NewMpesaCallback, UnclaimedMpesaPayment } from '../hub-store';

/** Payment events whose providerReference claims an M-Pesa receipt for a payment. */
const CLAIMING_EVENTS = "('payment.paid', 'payment.refund-due', 'payment.refund_due')";

/** Daraja's STK callbacks as they came, every distinct body, for the pushing kiosk to fetch. */
export class MpesaCallbackBox {
  private readonly keepStmt;
  private readonly claimStmt;
  private readonly findStmt;
  private readonly unclaimedStmt;

  constructor(private readonly db: Db) {
    this.keepStmt = db.prepare(
      `INSERT OR IGNORE INTO mpesa_callbacks (checkout_request_id, attempt_reference, body, body_hash, result_code, receipt_number, amount, received_at)
       VALUES (@checkoutRequestId, @attemptReference, @body, @bodyHash, @resultCode, @receiptNumber, @amount, @receivedAt)`,
    );
    this.claimStmt = db.prepare('INSERT OR IGNORE INTO mpesa_push_owners (push_key, kiosk_id) VALUES (?, ?)');
    this.findStmt = db.prepare<[{ checkouts: string; references: string; kioskId: string }], { attempt_reference: string | null; body: string }>(
      `SELECT c.attempt_reference, c.body FROM mpesa_callbacks c
        WHERE (c.checkout_request_id IN (SELECT value FROM json_each(@checkouts))
               AND EXISTS (SELECT 1 FROM mpesa_push_owners o WHERE o.push_key = 'checkout:' || c.checkout_request_id AND o.kiosk_id = @kioskId))
           OR (c.attempt_reference IN (SELECT value FROM json_each(@references))
               AND EXISTS (SELECT 1 FROM mpesa_push_owners o WHERE o.push_key = 'attempt:' || c.attempt_reference AND o.kiosk_id = @kioskId))
        ORDER BY c.id`,
    );
    this.unclaimedStmt = db.prepare<[string], UnclaimedMpesaPayment>(
      `SELECT c.receipt_number AS receiptNumber, c.amount, c.checkout_request_id AS checkoutRequestId, c.attempt_reference AS attemptReference,
              c.received_at AS receivedAt,
              (SELECT o.kiosk_id FROM mpesa_push_owners o
                WHERE o.push_key IN ('checkout:' || c.checkout_request_id, 'attempt:' || c.attempt_reference) LIMIT 1) AS kioskId
         FROM mpesa_callbacks c
        WHERE c.result_code = 0 AND c.receipt_number IS NOT NULL AND c.received_at <= ?
          AND c.id = (SELECT min(d.id) FROM mpesa_callbacks d WHERE d.receipt_number = c.receipt_number)
          AND NOT EXISTS (SELECT 1 FROM kiosk_events e
                           WHERE e.rejected_reason IS NULL AND e.type IN ${CLAIMING_EVENTS}
                             AND json_extract(e.payload, '$.providerReference') = c.receipt_number)
        ORDER BY c.received_at`,
    );
  }

  /** False when this very body was already kept for this push (Safaricom repeats them). */
  keep(callback: NewMpesaCallback): boolean {
    const body = JSON.stringify(callback.body);
    return (
      this.keepStmt.run({
        checkoutRequestId: callback.checkoutRequestId,
        attemptReference: callback.attemptReference,
        body,
        // The same body under another attempt tag is another claim, kept too.
        bodyHash: createHash('sha256').update(`${callback.attemptReference ?? ''}\n${body}`).digest('hex'),
        resultCode: callback.resultCode,
        receiptNumber: callback.receiptNumber,
        amount: callback.amount,
        receivedAt: callback.receivedAt,
      }).changes === 1
    );
  }

  /** Claims the pushes no kiosk owns yet for this one, then answers the callbacks of those it owns. */
  find(kioskId: string, asked: MpesaCallbackQuestion): KeptMpesaCallback[] {
    return this.db.transaction(() => {
      for (const id of asked.checkoutRequestIds) this.claimStmt.run(`checkout:${id}`, kioskId);
      for (const reference of asked.attemptReferences) this.claimStmt.run(`attempt:${reference}`, kioskId);
      return this.findStmt
        .all({ checkouts: JSON.stringify(asked.checkoutRequestIds), references: JSON.stringify(asked.attemptReferences), kioskId })
        .map((row) => ({ attemptReference: row.attempt_reference, body: JSON.parse(row.body) as unknown }));
    })();
  }

  /** Money M-Pesa took that no kiosk's uploaded payment claims, kept at least until `receivedBefore`. */
  unclaimed(receivedBefore: string): UnclaimedMpesaPayment[] {
    return this.unclaimedStmt.all(receivedBefore);
  }
}
