import type { LookupQuery } from '@shared/contract/lookup';
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

const CITIZEN_COLUMNS = `c.id, c.id_number AS idNumber, c.first_name AS firstName, c.middle_name AS middleName,
  c.last_name AS lastName, c.phone, c.email`;
/** The citizen's accounts in the same statement: one step of the VM instead of two round trips. */
const ACCOUNTS_JSON = `(SELECT json_group_array(json_array(a.id, a.account_type, a.status, a.business_name))
  FROM accounts a WHERE a.citizen_id = c.id) AS accountsJson`;

/** A citizen row as the statement returns it; `accountsJson` rides along unread, sparing a copy per lookup. */
type CitizenRow = MatchedCitizen & { accountsJson: string };

/**
 * Point queries on the replica, one prepared statement per key, each answered by a unique
 * index (the phone by its own index) with the accounts by theirs: a lookup touches a
 * handful of pages whatever the size of the replica. Values arrive already normalised by
 * the contract.
 */
export class CitizenFinder {
  private readonly byIdNumber;
  private readonly byPassport;
  private readonly byPersonalPin;
  private readonly byPhone;
  private readonly byBusinessPin;
  private readonly byId;

  constructor(db: Db) {
    const citizenBy = (column: string, limit = 1) =>
      db.prepare<[string | number], CitizenRow>(`SELECT ${CITIZEN_COLUMNS}, ${ACCOUNTS_JSON} FROM citizens c WHERE c.${column} = ? LIMIT ${limit}`);
    this.byIdNumber = citizenBy('id_number');
    this.byPassport = citizenBy('passport_number');
    this.byPersonalPin = citizenBy('kra_pin');
    // Two rows are enough to know a number is shared.
    this.byPhone = citizenBy('phone', 2);
    this.byId = citizenBy('id');
    this.byBusinessPin = db.prepare<[string], { id: number; citizenId: number }>('SELECT id, citizen_id AS citizenId FROM accounts WHERE kra_pin = ?');
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

  /** A citizen (and their accounts) by the replica's own id. */
  citizen(citizenId: number): { citizen: MatchedCitizen; accounts: MatchedAccount[] } | undefined {
    const row = this.byId.get(citizenId);
    return row && { citizen: row, accounts: accountsOf(row) };
  }

  /**
   * A personal PIN is on the citizen's record; a business PIN on the business account, and
   * then only that account is shown, not the holder's others.
   */
  private byKraPin(pin: string): FindResult {
    const person = this.byPersonalPin.get(pin);
    if (person) return this.found(person);
    const business = this.byBusinessPin.get(pin);
    const holder = business && this.byId.get(business.citizenId);
    const account = holder && accountsOf(holder).find((candidate) => candidate.id === business.id);
    return holder && account ? { outcome: 'found', citizen: holder, accounts: [account] } : { outcome: 'not-found' };
  }

  private found(row: CitizenRow | undefined): FindResult {
    return row ? { outcome: 'found', citizen: row, accounts: accountsOf(row) } : { outcome: 'not-found' };
  }
}

/** In id order: `accounts_by_citizen` yields a citizen's rows by rowid. */
function accountsOf(row: CitizenRow): MatchedAccount[] {
  const accounts = JSON.parse(row.accountsJson) as [number, MatchedAccount['type'], MatchedAccount['status'], string | null][];
  return accounts.map(([id, type, status, businessName]) => ({ id, type, status, businessName }));
}
