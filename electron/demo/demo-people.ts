import { OFFENCES, type OffenceName } from './ntsa-records';
import type { AccountStatus, AccountType, FineStatus, Sex } from './replica-writer';

/**
 * Fixed citizens that the demo script and tests rely on, written first with ids 1..k.
 * Dates that decide a status (licence expiry, insurance, fines) are relative to the seed's
 * `now`, so Jane's licence is valid and her insurance lapsed whenever the demo runs.
 */
export interface DemoPerson {
  readonly id: number;
  /** What the demo uses this person for. */
  readonly role: string;
  readonly idNumber: string;
  readonly idSerial: string;
  readonly passportNumber: string | null;
  readonly kraPin: string | null;
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly phone: string | null;
  readonly email: string | null;
  readonly accounts: readonly DemoAccount[];
  readonly licence: DemoLicence | null;
  readonly vehicles: readonly DemoVehicle[];
  readonly fines: readonly DemoFine[];
}

export interface DemoAccount {
  readonly type: AccountType;
  readonly status: AccountStatus;
  readonly businessName: string | null;
  readonly kraPin: string | null;
  readonly createdOn: string;
}

export interface DemoLicence {
  readonly licenceNumber: string;
  readonly classes: string;
  readonly issuedDaysAgo: number;
  /** Negative: expired that many days ago. */
  readonly expiresInDays: number;
}

export interface DemoVehicle {
  readonly plate: string;
  readonly make: string;
  readonly model: string;
  readonly year: number;
  /** Negative: lapsed that many days ago. */
  readonly insuranceExpiresInDays: number | null;
  readonly inspectionExpiresInDays: number | null;
}

export interface DemoFine {
  readonly reference: string;
  readonly offence: OffenceName;
  readonly amount: number;
  /** The vehicle it was issued against, if any (one of this person's plates). */
  readonly plate: string | null;
  readonly issuedDaysAgo: number;
  readonly status: FineStatus;
}

const citizenAccount = (createdOn: string, status: AccountStatus = 'active'): DemoAccount => ({
  type: 'citizen',
  status,
  businessName: null,
  kraPin: null,
  createdOn,
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: 1,
    role: 'happy path: valid licence, lapsed insurance, two unpaid fines',
    idNumber: '12345678',
    idSerial: '234567891',
    passportNumber: 'AK1234567',
    kraPin: 'A012345678K',
    firstName: 'Jane',
    middleName: 'Wanjiku',
    lastName: 'Kamau',
    dateOfBirth: '1988-04-15',
    sex: 'F',
    phone: '+254712345457',
    email: 'jane.kamau@gmail.com',
    accounts: [citizenAccount('2016-03-10')],
    licence: { licenceNumber: 'DL-1234567', classes: 'B', issuedDaysAgo: 30, expiresInDays: 1_065 },
    vehicles: [
      {
        plate: 'KDA 123A',
        make: 'Toyota',
        model: 'Fielder',
        year: 2012,
        insuranceExpiresInDays: -30,
        inspectionExpiresInDays: null,
      },
    ],
    fines: [
      {
        reference: 'NTSA-F-10000001',
        offence: OFFENCES.expiredLicence,
        amount: 1_000,
        plate: 'KDA 123A',
        issuedDaysAgo: 45,
        status: 'unpaid',
      },
      {
        reference: 'NTSA-F-10000002',
        offence: OFFENCES.phoneWhileDriving,
        amount: 2_000,
        plate: 'KDA 123A',
        issuedDaysAgo: 12,
        status: 'unpaid',
      },
    ],
  },
  {
    id: 2,
    role: 'licence expired 200 days ago: renewal',
    idNumber: '23456789',
    idSerial: '345678912',
    passportNumber: null,
    kraPin: 'A009876543M',
    firstName: 'Peter',
    middleName: 'Otieno',
    lastName: 'Ochieng',
    dateOfBirth: '1979-11-02',
    sex: 'M',
    phone: '+254722000111',
    email: 'peter.ochieng@yahoo.com',
    accounts: [citizenAccount('2018-07-22')],
    licence: { licenceNumber: 'DL-2345678', classes: 'B, C1', issuedDaysAgo: 1_295, expiresInDays: -200 },
    vehicles: [],
    fines: [
      {
        reference: 'NTSA-F-10000003',
        offence: OFFENCES.expiredLicence,
        amount: 1_000,
        plate: null,
        issuedDaysAgo: 20,
        status: 'unpaid',
      },
    ],
  },
  {
    id: 3,
    role: 'business account holder with two vehicles',
    idNumber: '27654321',
    idSerial: '456789123',
    passportNumber: null,
    kraPin: 'A011223344C',
    firstName: 'Grace',
    middleName: 'Chebet',
    lastName: 'Koech',
    dateOfBirth: '1983-02-19',
    sex: 'F',
    phone: '+254733555666',
    email: 'grace.koech@outlook.com',
    accounts: [
      citizenAccount('2015-11-05'),
      {
        type: 'business',
        status: 'active',
        businessName: 'Chebet Agrovet Supplies Ltd',
        kraPin: 'P051234567X',
        createdOn: '2019-01-14',
      },
    ],
    licence: { licenceNumber: 'DL-3456789', classes: 'B, C1, C', issuedDaysAgo: 400, expiresInDays: 695 },
    vehicles: [
      {
        plate: 'KCX 456B',
        make: 'Isuzu',
        model: 'D-Max',
        year: 2017,
        insuranceExpiresInDays: 200,
        inspectionExpiresInDays: 90,
      },
      {
        plate: 'KDB 789C',
        make: 'Toyota',
        model: 'Probox',
        year: 2015,
        insuranceExpiresInDays: 15,
        inspectionExpiresInDays: -10,
      },
    ],
    fines: [
      {
        reference: 'NTSA-F-10000004',
        offence: OFFENCES.speeding11to15,
        amount: 3_000,
        plate: 'KDB 789C',
        issuedDaysAgo: 150,
        status: 'paid',
      },
    ],
  },
  {
    id: 4,
    role: 'no phone and no email: recovery only in person',
    idNumber: '1234567',
    idSerial: '567891234',
    passportNumber: null,
    kraPin: null,
    firstName: 'Joseph',
    middleName: 'Mutua',
    lastName: 'Musyoka',
    dateOfBirth: '1952-06-30',
    sex: 'M',
    phone: null,
    email: null,
    accounts: [citizenAccount('2021-09-01')],
    licence: null,
    vehicles: [],
    fines: [],
  },
  {
    id: 5,
    role: 'ICAO 9303 specimen data, documents reissued to 2034: passport L898902C3 (TD3), ID card D23145890 (TD1)',
    idNumber: '34567890',
    idSerial: 'D23145890',
    passportNumber: 'L898902C3',
    kraPin: null,
    firstName: 'Anna',
    middleName: 'Maria',
    lastName: 'Eriksson',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    phone: '+254711000222',
    email: 'anna.eriksson@outlook.com',
    accounts: [{ type: 'resident', status: 'active', businessName: null, kraPin: null, createdOn: '2022-05-16' }],
    licence: null,
    vehicles: [],
    fines: [],
  },
  {
    id: 6,
    role: 'locked account, no email: recovery by phone; paid, unpaid and cancelled fines',
    idNumber: '29876543',
    idSerial: '678912345',
    passportNumber: 'BK7654321',
    kraPin: 'A015566778H',
    firstName: 'Mohamed',
    middleName: 'Abdi',
    lastName: 'Hassan',
    dateOfBirth: '1990-01-20',
    sex: 'M',
    phone: '+254745678901',
    email: null,
    accounts: [citizenAccount('2017-02-28', 'locked')],
    licence: { licenceNumber: 'DL-4567891', classes: 'A, B', issuedDaysAgo: 200, expiresInDays: 165 },
    vehicles: [
      {
        plate: 'KDC 321D',
        make: 'Honda',
        model: 'Fit',
        year: 2014,
        insuranceExpiresInDays: 120,
        inspectionExpiresInDays: null,
      },
    ],
    fines: [
      {
        reference: 'NTSA-F-10000005',
        offence: OFFENCES.speeding6to10,
        amount: 500,
        plate: 'KDC 321D',
        issuedDaysAgo: 300,
        status: 'paid',
      },
      {
        reference: 'NTSA-F-10000006',
        offence: OFFENCES.speeding16to20,
        amount: 10_000,
        plate: 'KDC 321D',
        issuedDaysAgo: 5,
        status: 'unpaid',
      },
      {
        reference: 'NTSA-F-10000007',
        offence: OFFENCES.phoneWhileDriving,
        amount: 2_000,
        plate: null,
        issuedDaysAgo: 90,
        status: 'cancelled',
      },
    ],
  },
  {
    id: 7,
    role: 'card outcomes: three unpaid fines whose amounts end in 51, 52 and 53 (declined, timeout, cancelled)',
    idNumber: '30123456',
    idSerial: '789123456',
    passportNumber: null,
    kraPin: 'A017788990P',
    firstName: 'Daniel',
    middleName: 'Kipchirchir',
    lastName: 'Rotich',
    dateOfBirth: '1985-09-09',
    sex: 'M',
    phone: '+254701555777',
    email: 'daniel.rotich@gmail.com',
    accounts: [citizenAccount('2020-08-03')],
    licence: { licenceNumber: 'DL-5678912', classes: 'B', issuedDaysAgo: 500, expiresInDays: 595 },
    vehicles: [
      {
        plate: 'KDD 505E',
        make: 'Toyota',
        model: 'Axio',
        year: 2013,
        insuranceExpiresInDays: 250,
        inspectionExpiresInDays: null,
      },
    ],
    // The card terminal simulator decides by the amount's last two digits (card-terminal-simulator.ts).
    fines: [
      {
        reference: 'NTSA-F-10000008',
        offence: OFFENCES.licenceNotCarried,
        amount: 1_051,
        plate: null,
        issuedDaysAgo: 8,
        status: 'unpaid',
      },
      {
        reference: 'NTSA-F-10000009',
        offence: OFFENCES.noSeatBelt,
        amount: 1_052,
        plate: 'KDD 505E',
        issuedDaysAgo: 6,
        status: 'unpaid',
      },
      {
        reference: 'NTSA-F-10000010',
        offence: OFFENCES.noInsuranceSticker,
        amount: 1_053,
        plate: 'KDD 505E',
        issuedDaysAgo: 4,
        status: 'unpaid',
      },
    ],
  },
];
