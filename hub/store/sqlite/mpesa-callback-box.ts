import type { Db } from '../../../electron/core/db/open';

/** Daraja's STK callbacks as they came, one per CheckoutRequestID, for the pushing kiosk to fetch. */
export class MpesaCallbackBox {
  private readonly keepStmt;
  private readonly findStmt;

  constructor(db: Db) {
    this.keepStmt = db.prepare('INSERT OR IGNORE INTO mpesa_callbacks (checkout_request_id, body, received_at) VALUES (?, ?, ?)');
    this.findStmt = db.prepare<[string], { body: string }>('SELECT body FROM mpesa_callbacks WHERE checkout_request_id IN (SELECT value FROM json_each(?))');
  }

  /** False when this CheckoutRequestID's callback was already kept (Safaricom repeats them). */
  keep(checkoutRequestId: string, body: unknown, receivedAt: string): boolean {
    return this.keepStmt.run(checkoutRequestId, JSON.stringify(body), receivedAt).changes === 1;
  }

  find(checkoutRequestIds: readonly string[]): unknown[] {
    return this.findStmt.all(JSON.stringify(checkoutRequestIds)).map((row) => JSON.parse(row.body) as unknown);
  }
}
