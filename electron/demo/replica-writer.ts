import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../core/db/open';
import { isoDate, isoTimestamp } from './calendar';
import type { FeeEntry } from './fee-catalogue';
import type { OffenceName } from './ntsa-records';

export type Sex = 'M' | 'F';
export type AccountType = 'citizen' | 'resident' | 'diplomat' | 'visitor' | 'business';
export type AccountStatus = 'active' | 'locked' | 'suspended' | 'closed';
export type FineStatus = 'unpaid' | 'paid' | 'cancelled';

/** Dates are day numbers (see calendar.ts); the writer formats them. */
export interface CitizenRecord {
  idNumber: string;
  idSerial: string;
  passportNumber: string | null;
  kraPin: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  dateOfBirth: number;
  sex: Sex;
  phone: string | null;
  email: string | null;
}

export interface AccountRecord {
  type: AccountType;
  status: AccountStatus;
  businessName: string | null;
  kraPin: string | null;
  createdDay: number;
  /** Minutes after midnight UTC. */
  createdMinute: number;
}

export interface LicenceRecord {
  licenceNumber: string;
  classes: string;
  issuedOn: number;
  expiresOn: number;
}

export interface VehicleRecord {
  plate: string;
  make: string;
  model: string;
  year: number;
  insuranceExpiresOn: number | null;
  inspectionExpiresOn: number | null;
}

export interface FineRecord {
  reference: string;
  vehicleId: number | null;
  offence: OffenceName;
  amount: number;
  issuedOn: number;
  status: FineStatus;
}

export interface RowCounts {
  citizens: number;
  accounts: number;
  licences: number;
  vehicles: number;
  fines: number;
  fees: number;
}

/**
 * Appends rows to the replica tables through statements prepared once, numbering each
 * table's ids 1, 2, 3... in insert order. Call it inside one transaction.
 */
export class ReplicaWriter {
  readonly counts: RowCounts = { citizens: 0, accounts: 0, licences: 0, vehicles: 0, fines: 0, fees: 0 };
  private readonly insertCitizen: Database.Statement;
  private readonly insertAccount: Database.Statement;
  private readonly insertLicence: Database.Statement;
  private readonly insertVehicle: Database.Statement;
  private readonly insertFine: Database.Statement;
  private readonly upsertFee: Database.Statement;

  /**
   * @param today the Nairobi day the data describes: a licence is 'valid' through its
   *   expiry day and 'expired' after it.
   * @param updatedAt the timestamp stamped on every row.
   */
  constructor(
    db: Db,
    private readonly today: number,
    private readonly updatedAt: string,
  ) {
    this.insertCitizen = db.prepare(
      `INSERT INTO citizens (id, id_number, id_serial, passport_number, kra_pin, first_name, middle_name,
         last_name, date_of_birth, sex, phone, email, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertAccount = db.prepare(
      `INSERT INTO accounts (id, citizen_id, account_type, business_name, kra_pin, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertLicence = db.prepare(
      `INSERT INTO driving_licences (id, citizen_id, licence_number, classes, issued_on, expires_on, status, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertVehicle = db.prepare(
      `INSERT INTO vehicles (id, plate, owner_citizen_id, make, model, year, insurance_expires_on,
         inspection_expires_on, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertFine = db.prepare(
      `INSERT INTO fines (id, reference, citizen_id, vehicle_id, offence, offence_sw, amount, issued_on, status, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // The catalogue may already be there (the back office syncs it); keep it current.
    this.upsertFee = db.prepare(
      `INSERT INTO fees (code, service, name_en, name_sw, amount, convenience_fee, active, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (code) DO UPDATE SET service = excluded.service, name_en = excluded.name_en,
         name_sw = excluded.name_sw, amount = excluded.amount, convenience_fee = excluded.convenience_fee,
         active = 1, updated_at = excluded.updated_at`,
    );
  }

  citizen(c: CitizenRecord): number {
    const id = ++this.counts.citizens;
    this.insertCitizen.run(
      id,
      c.idNumber,
      c.idSerial,
      c.passportNumber,
      c.kraPin,
      c.firstName,
      c.middleName,
      c.lastName,
      isoDate(c.dateOfBirth),
      c.sex,
      c.phone,
      c.email,
      this.updatedAt,
    );
    return id;
  }

  account(citizenId: number, a: AccountRecord): number {
    const id = ++this.counts.accounts;
    const createdAt = isoTimestamp(a.createdDay, a.createdMinute);
    this.insertAccount.run(id, citizenId, a.type, a.businessName, a.kraPin, a.status, createdAt, this.updatedAt);
    return id;
  }

  licence(citizenId: number, l: LicenceRecord): number {
    const id = ++this.counts.licences;
    const status = l.expiresOn >= this.today ? 'valid' : 'expired';
    this.insertLicence.run(
      id,
      citizenId,
      l.licenceNumber,
      l.classes,
      isoDate(l.issuedOn),
      isoDate(l.expiresOn),
      status,
      this.updatedAt,
    );
    return id;
  }

  vehicle(ownerId: number, v: VehicleRecord): number {
    const id = ++this.counts.vehicles;
    this.insertVehicle.run(
      id,
      v.plate,
      ownerId,
      v.make,
      v.model,
      v.year,
      v.insuranceExpiresOn === null ? null : isoDate(v.insuranceExpiresOn),
      v.inspectionExpiresOn === null ? null : isoDate(v.inspectionExpiresOn),
      this.updatedAt,
    );
    return id;
  }

  fine(citizenId: number, f: FineRecord): number {
    const id = ++this.counts.fines;
    this.insertFine.run(
      id,
      f.reference,
      citizenId,
      f.vehicleId,
      f.offence.en,
      f.offence.sw,
      f.amount,
      isoDate(f.issuedOn),
      f.status,
      this.updatedAt,
    );
    return id;
  }

  fee(f: FeeEntry): void {
    this.upsertFee.run(f.code, f.service, f.nameEn, f.nameSw, f.amount, f.convenienceFee, this.updatedAt);
    this.counts.fees++;
  }
}
