import type { LookupQuery } from '../../../shared/contract/lookup';
import type { Db } from '../db/open';

export interface MatchedCitizen {
  id: number;
  idNumber: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  phone: string | null;
  email: string | null;
}

export interface MatchedAccount {
  id: number;
  type: 'citizen' | 'resident' | 'diplomat' | 'visitor' | 'business';
  status: 'active' | 'locked' | 'suspended' | 'closed';
  businessName: string | null;
}

export type FindResult =
  | { outcome: 'found'; citizen: MatchedCitizen; accounts: MatchedAccount[] }
  | { outcome: 'not-found' }
  | { outcome: 'ambiguous' };

const CITIZEN_COLUMNS = `id, id_number AS idNumber, first_name AS firstName, middle_name AS middleName,
  last_name AS lastName, phone, email`;

/**
 * Point queries on the replica, one prepared statement per key, each answered by a unique
 * index (the phone by its own index): a lookup touches a handful of pages whatever the
 * size of the replica. Values arrive already normalised by the contract.
 */
export class CitizenFinder {
  private readonly byIdNumber;
  private readonly byPassport;
  private readonly byPersonalPin;
  private readonly byPhone;
  private readonly byBusinessPin;
  private readonly accountsOf;
  private readonly accountById;
  private readonly citizenById;

  constructor(db: Db) {
    const citizenBy = (column: string, limit = 1) =>
      db.prepare<[string], MatchedCitizen>(`SELECT ${CITIZEN_COLUMNS} FROM citizens WHERE ${column} = ? LIMIT ${limit}`);
    this.byIdNumber = citizenBy('id_number');
    this.byPassport = citizenBy('passport_number');
    this.byPersonalPin = citizenBy('kra_pin');
    // Two rows are enough to know a number is shared.
    this.byPhone = citizenBy('phone', 2);
    this.byBusinessPin = db.prepare<[string], { id: number; citizenId: number }>('SELECT id, citizen_id AS citizenId FROM accounts WHERE kra_pin = ?');
    this.accountsOf = db.prepare<[number], MatchedAccount>(
      'SELECT id, account_type AS type, status, business_name AS businessName FROM accounts WHERE citizen_id = ? ORDER BY id',
    );
    this.accountById = db.prepare<[number], MatchedAccount>('SELECT id, account_type AS type, status, business_name AS businessName FROM accounts WHERE id = ?');
    this.citizenById = db.prepare<[number], MatchedCitizen>(`SELECT ${CITIZEN_COLUMNS} FROM citizens WHERE id = ?`);
  }

  find(query: LookupQuery): FindResult {
    switch (query.kind) {
      case 'idNumber':
        return this.found(this.byIdNumber.get(query.value));
      case 'passport':
        return this.found(this.byPassport.get(query.value));
      case 'phone': {
        const rows = this.byPhone.all(query.value);
        return rows.length > 1 ? { outcome: 'ambiguous' } : this.found(rows[0]);
      }
      case 'kraPin':
        return this.byKraPin(query.value);
    }
  }

  byId(citizenId: number): MatchedCitizen | undefined {
    return this.citizenById.get(citizenId);
  }

  accounts(citizenId: number): MatchedAccount[] {
    return this.accountsOf.all(citizenId);
  }

  /**
   * A personal PIN is on the citizen's record; a business PIN on the business account, and
   * then only that account is shown, not the holder's others.
   */
  private byKraPin(pin: string): FindResult {
    const person = this.byPersonalPin.get(pin);
    if (person) return this.found(person);
    const business = this.byBusinessPin.get(pin);
    const holder = business && this.citizenById.get(business.citizenId);
    const account = business && this.accountById.get(business.id);
    return holder && account ? { outcome: 'found', citizen: holder, accounts: [account] } : { outcome: 'not-found' };
  }

  private found(citizen: MatchedCitizen | undefined): FindResult {
    return citizen ? { outcome: 'found', citizen, accounts: this.accountsOf.all(citizen.id) } : { outcome: 'not-found' };
  }
}
