import type { Db } from '../db/open';

/**
 * Cash that went into a shift's drawer, from the payments table (migration 005): cash
 * payments the clerk took, including ones later marked for refund (the money did come in;
 * handing it back is a refund movement of the shift).
 */
export class ShiftCash {
  private readonly takenStmt;
  private readonly movementsStmt;

  constructor(db: Db) {
    this.takenStmt = db.prepare<[string], { total: number }>(
      `SELECT coalesce(sum(amount), 0) AS total FROM payments
       WHERE shift_id = ? AND method = 'cash' AND state IN ('paid', 'refund_due')`,
    );
    this.movementsStmt = db.prepare<[string], { refunds: number; drops: number }>(
      `SELECT coalesce(sum(CASE WHEN kind = 'refund' THEN amount END), 0) AS refunds,
              coalesce(sum(CASE WHEN kind = 'drop' THEN amount END), 0) AS drops
       FROM cash_movements WHERE shift_id = ?`,
    );
  }

  movements(shiftId: string): { cashTaken: number; refunds: number; drops: number } {
    const { refunds, drops } = this.movementsStmt.get(shiftId) ?? { refunds: 0, drops: 0 };
    return { cashTaken: this.takenStmt.get(shiftId)?.total ?? 0, refunds, drops };
  }
}
