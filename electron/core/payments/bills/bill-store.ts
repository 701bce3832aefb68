import { randomUUID } from 'node:crypto';
import type { BillView } from '@shared/contract/payments';
import type { Localized } from '@shared/result';
import type { CoreContext } from '../../context';
import { KioskError } from '../../errors';
import { newBillReference, normaliseReference } from './bill-reference';

export type BillKind = BillView['kind'];

export interface BillLine {
  readonly feeCode: string | null;
  readonly description: Localized;
  readonly amount: number;
}

export interface Bill {
  readonly id: string;
  readonly reference: string;
  readonly kind: BillKind;
  readonly fineId: number | null;
  readonly total: number;
  readonly status: 'unpaid' | 'paid';
  readonly lines: readonly BillLine[];
}

interface BillRow {
  id: string;
  reference: string;
  kind: BillKind;
  fine_id: number | null;
  total: number;
  status: 'unpaid' | 'paid';
}

interface FeeRow {
  code: string;
  name_en: string;
  name_sw: string;
  amount: number;
  convenience_fee: number;
}

const CONVENIENCE_FEE: Localized = { en: 'Convenience fee', sw: 'Ada ya huduma' };

/**
 * What can be paid: bills made at the kiosk from the replica's fines and its fee catalogue
 * (prices always from the `fees` table, never from code). Bills hold no personal
 * identifiers; a vehicle search names only the plate searched.
 */
export class BillStore {
  constructor(private readonly ctx: Pick<CoreContext, 'db' | 'clock' | 'audit' | 'outbox' | 'offThreadSync'>) {}

  byId(id: string): Bill | undefined {
    const row = this.ctx.db.prepare<[string], BillRow>('SELECT id, reference, kind, fine_id, total, status FROM bills WHERE id = ?').get(id);
    return row && this.withLines(row);
  }

  /** A kiosk bill by its reference, or a fine by the reference on its ticket. */
  byReference(raw: string): Bill {
    const reference = normaliseReference(raw);
    if (reference === '') throw new KioskError('payment.billNotFound', { field: 'reference' });
    const row = this.ctx.db.prepare<[string], BillRow>('SELECT id, reference, kind, fine_id, total, status FROM bills WHERE reference = ?').get(reference);
    if (row) return this.withLines(row);
    const fine = this.ctx.db.prepare<[string], { id: number }>('SELECT id FROM fines WHERE reference = ?').get(reference);
    if (fine) return this.forFine(fine.id);
    throw new KioskError('payment.billNotFound', { field: 'reference' });
  }

  /** True when the replica's fine `fineId` is one of the citizen `citizenId`'s. */
  isFineOf(fineId: number, citizenId: number): boolean {
    return this.ctx.db.prepare<[number, number], { id: number }>('SELECT id FROM fines WHERE id = ? AND citizen_id = ?').get(fineId, citizenId) !== undefined;
  }

  /** The one bill of a fine: made on first asking, the same bill afterwards (paid or not). */
  forFine(fineId: number): Bill {
    return this.ctx.offThreadSync.commit(() => {
      const existing = this.ctx.db.prepare<[number], BillRow>('SELECT id, reference, kind, fine_id, total, status FROM bills WHERE fine_id = ?').get(fineId);
      if (existing) return this.withLines(existing);
      const fine = this.ctx.db
        .prepare<[number], { reference: string; offence: string; offence_sw: string | null; amount: number; status: string }>(
          'SELECT reference, offence, offence_sw, amount, status FROM fines WHERE id = ?',
        )
        .get(fineId);
      if (!fine) throw new KioskError('payment.billNotFound');
      if (fine.status !== 'unpaid') throw new KioskError('payment.fineNotPayable');
      // The fine's own reference is the bill's: it is what the ticket and the back office know.
      const description = { en: `Fine: ${fine.offence}`, sw: `Faini: ${fine.offence_sw ?? fine.offence}` };
      return this.insert('fine', fine.reference, [{ feeCode: null, description, amount: fine.amount }], { fineId });
    });
  }

  forRenewal(years: 1 | 3, licenceId: number | undefined): Bill {
    return this.fromCatalogue('licence_renewal', years === 1 ? 'DL_RENEW_1Y' : 'DL_RENEW_3Y', null, { licenceId: licenceId ?? null });
  }

  forVehicleSearch(plate: string): Bill {
    return this.fromCatalogue('vehicle_search', 'VEHICLE_SEARCH', plate, {});
  }

  /** A catalogue entry as the citizen would pay it. */
  fee(code: string): FeeRow {
    const fee = this.ctx.db.prepare<[string], FeeRow>('SELECT code, name_en, name_sw, amount, convenience_fee FROM fees WHERE code = ? AND active = 1').get(code);
    if (!fee || fee.amount + fee.convenience_fee <= 0) throw new KioskError('payment.feeUnavailable');
    return fee;
  }

  private fromCatalogue(kind: BillKind, code: string, detail: string | null, links: { licenceId?: number | null }): Bill {
    return this.ctx.offThreadSync.commit(() => {
      const fee = this.fee(code);
      const suffix = detail ? ` — ${detail}` : '';
      const lines: BillLine[] = [];
      if (fee.amount > 0) lines.push({ feeCode: fee.code, description: { en: fee.name_en + suffix, sw: fee.name_sw + suffix }, amount: fee.amount });
      if (fee.convenience_fee > 0) lines.push({ feeCode: fee.code, description: CONVENIENCE_FEE, amount: fee.convenience_fee });
      return this.insert(kind, newBillReference(), lines, links);
    });
  }

  private insert(kind: BillKind, reference: string, lines: readonly BillLine[], links: { fineId?: number; licenceId?: number | null }): Bill {
    const id = randomUUID();
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    const now = this.ctx.clock.now().toISOString();
    this.ctx.db
      .prepare('INSERT INTO bills (id, reference, kind, fine_id, licence_id, total, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, reference, kind, links.fineId ?? null, links.licenceId ?? null, total, now);
    const insertLine = this.ctx.db.prepare('INSERT INTO bill_lines (bill_id, position, fee_code, description_en, description_sw, amount) VALUES (?, ?, ?, ?, ?, ?)');
    lines.forEach((line, position) => insertLine.run(id, position, line.feeCode, line.description.en, line.description.sw, line.amount));
    this.ctx.audit.append({ action: 'bill.create', outcome: 'ok', actor: 'citizen', details: { billId: id, kind, total } });
    this.ctx.outbox.enqueue('bill.created', { billId: id, reference, kind, fineId: links.fineId ?? null, licenceId: links.licenceId ?? null, total, lines: lines.map((l) => ({ feeCode: l.feeCode, amount: l.amount })) });
    return { id, reference, kind, fineId: links.fineId ?? null, total, status: 'unpaid', lines };
  }

  private withLines(row: BillRow): Bill {
    const lines = this.ctx.db
      .prepare<[string], { fee_code: string | null; description_en: string; description_sw: string; amount: number }>(
        'SELECT fee_code, description_en, description_sw, amount FROM bill_lines WHERE bill_id = ? ORDER BY position',
      )
      .all(row.id)
      .map((line) => ({ feeCode: line.fee_code, description: { en: line.description_en, sw: line.description_sw }, amount: line.amount }));
    return { id: row.id, reference: row.reference, kind: row.kind, fineId: row.fine_id, total: row.total, status: row.status, lines };
  }
}
