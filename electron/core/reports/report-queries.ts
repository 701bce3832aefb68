import type { ReportPayment } from '../../../shared/contract/reports';
import type { Db } from '../db/open';
import { SEARCH_ACTION } from '../lookup/lookup-limits';
import type { MpesaPaymentRecord } from './reconciliation';

interface Window {
  from: string;
  to: string;
}

/**
 * The day's figures, read from the tables of the features that own them: payments and bills
 * (migration 005), recovery requests (006), the audit log (one row per lookup search), day closes (004).
 */
export class ReportQueries {
  private readonly paymentsStmt;
  private readonly mpesaStmt;
  private readonly pendingStmt;
  private readonly recoveriesStmt;
  private readonly lookupsStmt;
  private readonly closedStmt;

  constructor(db: Db) {
    this.paymentsStmt = db.prepare<Window, ReportPayment>(
      `SELECT p.id AS paymentId, p.created_at AS at, b.kind AS service, b.reference AS billReference, p.method, p.state,
              p.amount, p.provider_reference AS providerReference, p.receipt_number AS receiptNumber,
              p.staff_id AS staffId, p.shift_id AS shiftId
       FROM payments p JOIN bills b ON b.id = p.bill_id
       WHERE p.created_at >= @from AND p.created_at < @to
       ORDER BY p.created_at, p.id`,
    );
    this.mpesaStmt = db.prepare<Window, MpesaPaymentRecord>(
      `SELECT id AS paymentId, state, amount, provider_reference AS receipt, confirmed_at AS confirmedAt
       FROM payments WHERE method = 'mpesa' AND created_at >= @from AND created_at < @to ORDER BY created_at, id`,
    );
    this.pendingStmt = db.prepare<[string], { count: number; amount: number }>(
      `SELECT count(*) AS count, coalesce(sum(amount), 0) AS amount
       FROM payments WHERE state IN ('created', 'prompted') AND created_at < ?`,
    );
    this.recoveriesStmt = db.prepare<Window, { outcome: string; count: number }>(
      `SELECT status AS outcome, count(*) AS count FROM recovery_requests
       WHERE created_at >= @from AND created_at < @to GROUP BY status ORDER BY status`,
    );
    this.lookupsStmt = db.prepare<Window, { n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = '${SEARCH_ACTION}' AND at >= @from AND at < @to`,
    );
    this.closedStmt = db.prepare<[string], { closedAt: string; closedBy: string; contentHash: string }>(
      'SELECT closed_at AS closedAt, closed_by AS closedBy, content_hash AS contentHash FROM day_closes WHERE business_date = ?',
    );
  }

  payments(window: Window): ReportPayment[] {
    return this.paymentsStmt.all(window);
  }

  mpesa(window: Window): MpesaPaymentRecord[] {
    return this.mpesaStmt.all(window);
  }

  /** Unsettled payments started before the day's end, whichever day they began. */
  pending(window: Window): { count: number; amount: number } {
    return this.pendingStmt.get(window.to) ?? { count: 0, amount: 0 };
  }

  recoveries(window: Window): { outcome: string; count: number }[] {
    return this.recoveriesStmt.all(window);
  }

  lookups(window: Window): number {
    return this.lookupsStmt.get(window)?.n ?? 0;
  }

  closed(date: string) {
    return this.closedStmt.get(date) ?? null;
  }
}
