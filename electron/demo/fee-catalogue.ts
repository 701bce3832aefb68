/**
 * NTSA services the kiosk sells, with starting prices from the project's reference notes.
 * `amount + convenienceFee` is what the citizen pays. The notes give the KES 50
 * convenience fee only for licence renewal; the smart DL and vehicle search prices are
 * all-in totals there, so they carry no separate fee here. Deployments update these rows.
 */
export interface FeeEntry {
  readonly code: string;
  readonly service: 'driving_licence' | 'vehicle';
  readonly nameEn: string;
  readonly nameSw: string;
  /** Whole Kenya shillings. */
  readonly amount: number;
  readonly convenienceFee: number;
}

export const FEE_CATALOGUE: readonly FeeEntry[] = [
  {
    code: 'DL_RENEW_1Y',
    service: 'driving_licence',
    nameEn: 'Driving licence renewal (1 year)',
    nameSw: 'Kuhuisha leseni ya udereva (mwaka 1)',
    amount: 600,
    convenienceFee: 50,
  },
  {
    code: 'DL_RENEW_3Y',
    service: 'driving_licence',
    nameEn: 'Driving licence renewal (3 years)',
    nameSw: 'Kuhuisha leseni ya udereva (miaka 3)',
    amount: 1_400,
    convenienceFee: 50,
  },
  {
    code: 'SMART_DL',
    service: 'driving_licence',
    nameEn: 'Smart driving licence (3 years)',
    nameSw: 'Leseni janja ya udereva (miaka 3)',
    amount: 3_050,
    convenienceFee: 0,
  },
  {
    code: 'VEHICLE_SEARCH',
    service: 'vehicle',
    nameEn: 'Vehicle search (copy of records)',
    nameSw: 'Utafutaji wa rekodi za gari (nakala ya kumbukumbu)',
    amount: 550,
    convenienceFee: 0,
  },
];
