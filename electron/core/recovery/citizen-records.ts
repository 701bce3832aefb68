import type { Db } from '../db/open';

/** What recovery reads of a citizen in the replica. */
export interface CitizenRecord {
  id: number;
  idNumber: string;
  idSerial: string | null;
  passportNumber: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  dateOfBirth: string;
  phone: string | null;
  /** 'YYYY-MM-DD' the driving licence on record was issued, if there is one. */
  licenceIssuedOn: string | null;
}

const SELECT = `
  SELECT c.id, c.id_number AS idNumber, c.id_serial AS idSerial, c.passport_number AS passportNumber,
         c.first_name AS firstName, c.middle_name AS middleName, c.last_name AS lastName,
         c.date_of_birth AS dateOfBirth, c.phone,
         (SELECT max(issued_on) FROM driving_licences d WHERE d.citizen_id = c.id) AS licenceIssuedOn
  FROM citizens c`;

/** Citizens who hold an eCitizen account, read from the replica. */
export class CitizenRecords {
  private readonly byIdNumberStmt;
  private readonly byPassportStmt;
  private readonly byIdStmt;

  constructor(db: Db) {
    const withAccount = `EXISTS (SELECT 1 FROM accounts a WHERE a.citizen_id = c.id AND a.status != 'closed')`;
    this.byIdNumberStmt = db.prepare<[string], CitizenRecord>(`${SELECT} WHERE c.id_number = ? AND ${withAccount}`);
    this.byPassportStmt = db.prepare<[string], CitizenRecord>(`${SELECT} WHERE c.passport_number = ? AND ${withAccount}`);
    this.byIdStmt = db.prepare<[number], CitizenRecord>(`${SELECT} WHERE c.id = ?`);
  }

  withAccountByIdNumber(idNumber: string): CitizenRecord | undefined {
    return this.byIdNumberStmt.get(idNumber);
  }

  withAccountByPassport(passportNumber: string): CitizenRecord | undefined {
    return this.byPassportStmt.get(passportNumber);
  }

  byId(id: number): CitizenRecord | undefined {
    return this.byIdStmt.get(id);
  }
}

export function fullName(record: CitizenRecord): string {
  return [record.firstName, record.middleName, record.lastName].filter(Boolean).join(' ');
}
