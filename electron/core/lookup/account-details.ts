import type { AccountDetails, ExpiryStatus } from '@shared/contract/lookup';
import { maskEmail } from '@shared/identifiers';
import type { Db } from '../db/open';
import type { VerificationMethod } from '../verification/visit-verification';
import type { MatchedAccount, MatchedCitizen } from './citizen-finder';
import { fullName, maskStoredPhone } from './masked-account';

interface LicenceRow {
  id: number;
  number: string;
  classes: string;
  expiresOn: string;
  status: 'valid' | 'expired' | 'suspended' | 'revoked';
}

interface VehicleRow {
  plate: string;
  make: string;
  model: string;
  year: number;
  insuranceExpiresOn: string | null;
  inspectionExpiresOn: string | null;
}

type UnpaidFine = AccountDetails['unpaidFines'][number];
type PaidHere = AccountDetails['paidHere'][number];

interface PaidHereRow extends Omit<PaidHere, 'offence'> {
  offence: string;
  offenceSw: string | null;
}

interface FineRow extends Omit<UnpaidFine, 'offence'> {
  offence: string;
  offenceSw: string | null;
}

/** 'YYYY-MM-DD' of the day `days` after the ISO day `day`. */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a date-bound thing (cover, inspection, licence) still holds on `today`, and for how long. */
export function expiryStatus(expiresOn: string | null, today: string, expiringWithinDays: number): ExpiryStatus {
  if (!expiresOn) return 'none';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, expiringWithinDays) ? 'expiring' : 'valid';
}

/**
 * The verified view: the licence (latest), vehicles with their cover and inspection, and
 * unpaid fines. Statuses are computed from dates against Kenyan `today`, since a replica
 * row's own status may be older than the day.
 */
export class AccountDetailsReader {
  private readonly licence;
  private readonly vehicles;
  private readonly fines;
  private readonly paidHere;

  constructor(db: Db) {
    this.licence = db.prepare<[number], LicenceRow>(
      `SELECT id, licence_number AS number, classes, expires_on AS expiresOn, status
       FROM driving_licences WHERE citizen_id = ? ORDER BY expires_on DESC LIMIT 1`,
    );
    this.vehicles = db.prepare<[number], VehicleRow>(
      `SELECT plate, make, model, year, insurance_expires_on AS insuranceExpiresOn, inspection_expires_on AS inspectionExpiresOn
       FROM vehicles WHERE owner_citizen_id = ? ORDER BY plate`,
    );
    this.fines = db.prepare<[number], FineRow>(
      `SELECT f.id, f.reference, f.offence, f.offence_sw AS offenceSw, f.amount, f.issued_on AS issuedOn, v.plate
       FROM fines f LEFT JOIN vehicles v ON v.id = f.vehicle_id
       WHERE f.citizen_id = ? AND f.status = 'unpaid'
         -- Paid at this kiosk: the replica says unpaid until the back office's copy comes back.
         AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.fine_id = f.id AND b.status = 'paid')
       ORDER BY f.issued_on, f.id`,
    );
    this.paidHere = db.prepare<[number], PaidHereRow>(
      `SELECT f.id, f.reference, f.offence, f.offence_sw AS offenceSw, p.amount, p.receipt_number AS receiptNumber, p.settled_at AS paidAt
       FROM fines f JOIN bills b ON b.fine_id = f.id JOIN payments p ON p.bill_id = b.id AND p.state = 'paid'
       WHERE f.citizen_id = ? ORDER BY p.settled_at`,
    );
  }

  read(
    citizen: MatchedCitizen,
    accounts: readonly MatchedAccount[],
    verifiedBy: VerificationMethod,
    today: string,
    expiringWithinDays: number,
  ): AccountDetails {
    const licence = this.licence.get(citizen.id);
    const unpaidFines = this.fines.all(citizen.id).map(bilingualFine);
    return {
      name: fullName(citizen),
      verifiedBy,
      accounts: accounts.map(({ type, status, businessName }) => ({ type, status, businessName })),
      maskedPhone: maskStoredPhone(citizen.phone),
      maskedEmail: maskEmail(citizen.email) || null,
      licence: licence ? { ...licence, status: licenceStatus(licence, today, expiringWithinDays) } : null,
      vehicles: this.vehicles.all(citizen.id).map((vehicle) => ({
        plate: vehicle.plate,
        make: vehicle.make,
        model: vehicle.model,
        year: vehicle.year,
        insurance: { status: expiryStatus(vehicle.insuranceExpiresOn, today, expiringWithinDays), expiresOn: vehicle.insuranceExpiresOn },
        inspection: { status: expiryStatus(vehicle.inspectionExpiresOn, today, expiringWithinDays), expiresOn: vehicle.inspectionExpiresOn },
      })),
      unpaidFines,
      unpaidTotal: unpaidFines.reduce((sum, fine) => sum + fine.amount, 0),
      paidHere: this.paidHere.all(citizen.id).map(bilingualFine),
    };
  }
}

/** A fine with its offence named in both languages; English stands in for a missing Kiswahili name. */
function bilingualFine<T extends { offence: string; offenceSw: string | null }>({ offence, offenceSw, ...fine }: T): Omit<T, 'offence' | 'offenceSw'> & { offence: { en: string; sw: string } } {
  return { ...fine, offence: { en: offence, sw: offenceSw ?? offence } };
}

function licenceStatus(licence: LicenceRow, today: string, expiringWithinDays: number): NonNullable<AccountDetails['licence']>['status'] {
  if (licence.status === 'suspended' || licence.status === 'revoked') return licence.status;
  const byDate = expiryStatus(licence.expiresOn, today, expiringWithinDays);
  return byDate === 'none' ? 'valid' : byDate;
}
