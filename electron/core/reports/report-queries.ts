import { overrideKindSchema } from '@shared/contract/overrides';
import { paymentAlertSchema, type PaymentAlert, type ReportOverride, type ReportPayment } from '@shared/contract/reports';
import type { Db } from '../db/open';
import { SEARCH_ACTION } from '../lookup/lookup-limits';
import type { MpesaPaymentRecord } from './reconciliation';

interface Window {
  from: string;
  to: string;
}

/**
 * The day's figures, read from the tables of the features that own them: payments and bills
 * (migration 005), recovery requests (006), the audit log (one row per lookup search or override), day closes (004).
 */
export class ReportQueries {
  private readonly paymentsStmt;
  private readonly mpesaStmt;
  private readonly pendingStmt;
  private readonly recoveriesStmt;
  private readonly lookupsStmt;
  private readonly overridesStmt;
  private readonly alertsStmt;
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
    const overrideActions = overrideKindSchema.options.map((kind) => `'override.${kind}'`).join(', ');
    this.overridesStmt = db.prepare<Window, { at: string; actor: string; action: string; outcome: string; details: string }>(
      `SELECT at, actor, action, outcome, details FROM audit_log WHERE action IN (${overrideActions}) AND at >= @from AND at < @to ORDER BY id`,
    );
    this.alertsStmt = db.prepare<Window, { at: string; details: string }>(
      `SELECT at, details FROM audit_log WHERE action = 'payment.callback-rejected' AND at >= @from AND at < @to ORDER BY id`,
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

  /** From the audit rows the overrides wrote (see recordOverride). */
  overrides(window: Window): ReportOverride[] {
    return this.overridesStmt.all(window).map((row) => {
      const details = JSON.parse(row.details) as { reason?: string; note?: string };
      return {
        at: row.at,
        staffId: row.actor.replace(/^staff:/, ''),
        kind: overrideKindSchema.parse(row.action.replace(/^override\./, '')),
        reason: details.reason ?? '',
        note: details.note ?? null,
        outcome: row.outcome,
      };
    });
  }

  paymentAlerts(window: Window): PaymentAlert[] {
    return this.alertsStmt.all(window).map((row) => paymentAlertSchema.parse({ at: row.at, ...(JSON.parse(row.details) as object) }));
  }

  closed(date: string) {
    return this.closedStmt.get(date) ?? null;
  }
}
