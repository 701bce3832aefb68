import type { ShiftSummary } from '@shared/contract/shifts';
import type { Db } from '../db/open';
import { expectedInDrawer } from './drawer-arithmetic';
import type { ShiftCash } from './shift-cash';

export interface ShiftRow {
  id: string;
  staff_id: string;
  staff_name: string;
  business_date: string;
  opened_at: string;
  opening_float: number;
  closed_at: string | null;
  cash_taken: number | null;
  refunds: number | null;
  drops: number | null;
  expected: number | null;
  counted: number | null;
  variance: number | null;
  status: ShiftSummary['status'];
  signed_off_by: string | null;
}

const SELECT = 'SELECT sh.*, s.name AS staff_name FROM shifts sh JOIN staff s ON s.id = sh.staff_id';

/** Reading shifts as the screen and the reports see them, with open drawers computed live. */
export class ShiftStore {
  private readonly byIdStmt;
  private readonly openForStmt;
  private readonly byDateStmt;

  constructor(
    db: Db,
    private readonly cash: ShiftCash,
  ) {
    this.byIdStmt = db.prepare<[string], ShiftRow>(`${SELECT} WHERE sh.id = ?`);
    this.openForStmt = db.prepare<[string], ShiftRow>(`${SELECT} WHERE sh.staff_id = ? AND sh.closed_at IS NULL`);
    this.byDateStmt = db.prepare<[string], ShiftRow>(`${SELECT} WHERE sh.business_date = ? ORDER BY sh.opened_at`);
  }

  byId(shiftId: string): ShiftRow | undefined {
    return this.byIdStmt.get(shiftId);
  }

  openFor(staffId: string): ShiftRow | undefined {
    return this.openForStmt.get(staffId);
  }

  onDate(date: string): ShiftSummary[] {
    return this.byDateStmt.all(date).map((row) => this.summary(row));
  }

  /** A closed shift shows what was recorded at its close; an open one, the drawer as it stands. */
  summary(row: ShiftRow): ShiftSummary {
    const live = row.closed_at === null ? this.cash.movements(row.id) : undefined;
    const cashTaken = live?.cashTaken ?? row.cash_taken ?? 0;
    const refunds = live?.refunds ?? row.refunds ?? 0;
    const drops = live?.drops ?? row.drops ?? 0;
    return {
      shiftId: row.id,
      staffId: row.staff_id,
      staffName: row.staff_name,
      businessDate: row.business_date,
      openedAt: row.opened_at,
      openingFloat: row.opening_float,
      cashTaken,
      refunds,
      drops,
      expected: row.expected ?? expectedInDrawer({ openingFloat: row.opening_float, cashTaken, refunds, drops }),
      closedAt: row.closed_at,
      counted: row.counted,
      variance: row.variance,
      status: row.status,
      signedOffBy: row.signed_off_by,
    };
  }
}
