/** What NTSA records on Kenyan roads look like, for the demo generator. Weights are relative shares. */

export interface VehicleModel {
  readonly make: string;
  readonly model: string;
  /** Commercial vehicles need a yearly inspection; private cars carry no inspection date. */
  readonly commercial: boolean;
}

/** Mostly Japanese used imports, as on Kenyan roads. */
export const VEHICLE_MODELS: readonly (readonly [VehicleModel, number])[] = [
  [{ make: 'Toyota', model: 'Probox', commercial: true }, 8],
  [{ make: 'Toyota', model: 'Fielder', commercial: false }, 10],
  [{ make: 'Toyota', model: 'Vitz', commercial: false }, 8],
  [{ make: 'Toyota', model: 'Axio', commercial: false }, 6],
  [{ make: 'Toyota', model: 'Premio', commercial: false }, 5],
  [{ make: 'Toyota', model: 'Harrier', commercial: false }, 3],
  [{ make: 'Toyota', model: 'Land Cruiser Prado', commercial: false }, 3],
  [{ make: 'Toyota', model: 'Hilux', commercial: true }, 4],
  [{ make: 'Toyota', model: 'Hiace', commercial: true }, 3],
  [{ make: 'Toyota', model: 'Succeed', commercial: true }, 3],
  [{ make: 'Nissan', model: 'Note', commercial: false }, 6],
  [{ make: 'Nissan', model: 'X-Trail', commercial: false }, 4],
  [{ make: 'Nissan', model: 'Navara', commercial: true }, 2],
  [{ make: 'Nissan', model: 'Caravan', commercial: true }, 2],
  [{ make: 'Subaru', model: 'Forester', commercial: false }, 4],
  [{ make: 'Subaru', model: 'Outback', commercial: false }, 2],
  [{ make: 'Subaru', model: 'Impreza', commercial: false }, 2],
  [{ make: 'Mazda', model: 'Demio', commercial: false }, 6],
  [{ make: 'Mazda', model: 'CX-5', commercial: false }, 2],
  [{ make: 'Mazda', model: 'Axela', commercial: false }, 2],
  [{ make: 'Isuzu', model: 'D-Max', commercial: true }, 3],
  [{ make: 'Isuzu', model: 'NPR', commercial: true }, 2],
  [{ make: 'Honda', model: 'Fit', commercial: false }, 5],
  [{ make: 'Honda', model: 'Vezel', commercial: false }, 2],
  [{ make: 'Honda', model: 'CR-V', commercial: false }, 2],
  [{ make: 'Mitsubishi', model: 'Outlander', commercial: false }, 2],
  [{ make: 'Mitsubishi', model: 'Canter', commercial: true }, 2],
  [{ make: 'Volkswagen', model: 'Golf', commercial: false }, 2],
  [{ make: 'Mercedes-Benz', model: 'C200', commercial: false }, 1],
  [{ make: 'Suzuki', model: 'Swift', commercial: false }, 2],
];

/** Class sets as printed on the licence: B is a car, A2 a motorcycle, C1/C/CE lorries, D1 a minibus. */
export const LICENCE_CLASSES: readonly (readonly [string, number])[] = [
  ['B', 50],
  ['B, C1', 15],
  ['A, B', 10],
  ['A2', 8],
  ['B, C1, C', 6],
  ['B, D1', 6],
  ['B, C1, C, CE', 5],
];

/** An offence as the back office names it, in both of the kiosk's languages. */
export interface OffenceName {
  readonly en: string;
  readonly sw: string;
}

export const OFFENCES = {
  expiredLicence: { en: 'Driving with an expired licence', sw: 'Kuendesha gari kwa leseni iliyokwisha muda wake' },
  phoneWhileDriving: { en: 'Using a mobile phone while driving', sw: 'Kutumia simu ya mkononi wakati wa kuendesha gari' },
  speeding6to10: { en: 'Exceeding the speed limit by 6-10 km/h', sw: 'Kuzidi kikomo cha kasi kwa km/h 6-10' },
  speeding11to15: { en: 'Exceeding the speed limit by 11-15 km/h', sw: 'Kuzidi kikomo cha kasi kwa km/h 11-15' },
  speeding16to20: { en: 'Exceeding the speed limit by 16-20 km/h', sw: 'Kuzidi kikomo cha kasi kwa km/h 16-20' },
  licenceNotCarried: { en: 'Failing to carry a driving licence', sw: 'Kutobeba leseni ya udereva' },
  noSeatBelt: { en: 'Driving without a seat belt', sw: 'Kuendesha gari bila kufunga mkanda wa usalama' },
  noInsuranceSticker: { en: 'Failing to display an insurance sticker', sw: 'Kutobandika stika ya bima kwenye gari' },
} as const satisfies Record<string, OffenceName>;

export interface TrafficOffence {
  readonly offence: OffenceName;
  /** Instant fine in whole shillings. */
  readonly amount: number;
}

/** Instant fines with the amounts in the project's reference notes (KES 500 to 10,000). */
export const TRAFFIC_OFFENCES: readonly (readonly [TrafficOffence, number])[] = [
  [{ offence: OFFENCES.expiredLicence, amount: 1_000 }, 25],
  [{ offence: OFFENCES.phoneWhileDriving, amount: 2_000 }, 20],
  [{ offence: OFFENCES.speeding6to10, amount: 500 }, 30],
  [{ offence: OFFENCES.speeding11to15, amount: 3_000 }, 17],
  [{ offence: OFFENCES.speeding16to20, amount: 10_000 }, 8],
];
