import { DAYS_PER_YEAR, MINUTES_PER_DAY, dayOf, dayOfYearStart } from './calendar';
import type { UniqueIdentifiers } from './kenyan-identifiers';
import { BUSINESS_KINDS, BUSINESS_SUFFIXES, CHRISTIAN_NAMES, COMMUNITIES, MUSLIM_NAMES, type Community } from './names';
import { LICENCE_CLASSES, TRAFFIC_OFFENCES, VEHICLE_MODELS } from './ntsa-records';
import { WeightedTable, type Random } from './random';
import type { AccountStatus, AccountType, FineStatus, ReplicaWriter } from './replica-writer';

const BORN_FROM = dayOfYearStart(1950);
const BORN_UNTIL = dayOfYearStart(2008) - 1;
/** Born before this, a citizen often holds a 7-digit ID number. */
const OLDER_GENERATION_BEFORE = dayOfYearStart(1970);
const ADULT_AFTER_DAYS = Math.ceil(18 * DAYS_PER_YEAR);
const ECITIZEN_LAUNCH = dayOf('2014-06-01');

/** Licence expiry is spread from two years ago to three years ahead. */
const LICENCE_EXPIRED_UP_TO_DAYS = 730;
const LICENCE_TERMS_DAYS: readonly (readonly [number, number])[] = [
  [1_095, 80],
  [365, 20],
];

const ACCOUNT_TYPES: readonly (readonly [AccountType, number])[] = [
  ['citizen', 95.5],
  ['resident', 3],
  ['visitor', 1.2],
  ['diplomat', 0.3],
];
const ACCOUNT_STATUSES: readonly (readonly [AccountStatus, number])[] = [
  ['active', 94],
  ['locked', 4],
  ['suspended', 1.5],
  ['closed', 0.5],
];
const FINE_STATUSES: readonly (readonly [FineStatus, number])[] = [
  ['unpaid', 75],
  ['paid', 20],
  ['cancelled', 5],
];
const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 70],
  ['yahoo.com', 20],
  ['outlook.com', 10],
];

/**
 * Writes random but plausible citizens, each with their eCitizen account(s) and, for some,
 * a driving licence, vehicles and fines. Shares follow the demo brief: ~95% have a phone,
 * ~60% an email, ~15% a passport, ~40% a KRA PIN, ~2% a business account, ~45% a
 * licence, ~30% vehicles, ~20% fines.
 */
export class RandomCitizens {
  private readonly communities = new WeightedTable(COMMUNITIES.map((c) => [c, c.population] as const));
  private readonly accountTypes = new WeightedTable(ACCOUNT_TYPES);
  private readonly accountStatuses = new WeightedTable(ACCOUNT_STATUSES);
  private readonly licenceTerms = new WeightedTable(LICENCE_TERMS_DAYS);
  private readonly licenceClasses = new WeightedTable(LICENCE_CLASSES);
  private readonly vehicleModels = new WeightedTable(VEHICLE_MODELS);
  private readonly offences = new WeightedTable(TRAFFIC_OFFENCES);
  private readonly fineStatuses = new WeightedTable(FINE_STATUSES);
  private readonly emailDomains = new WeightedTable(EMAIL_DOMAINS);
  /** Lower-case ASCII forms of names for email addresses ("Nyang'au" -> "nyangau"). */
  private readonly emailForms = new Map<string, string>();

  constructor(
    private readonly random: Random,
    private readonly ids: UniqueIdentifiers,
    private readonly writer: ReplicaWriter,
    private readonly today: number,
  ) {}

  write(): void {
    const r = this.random;
    const community = this.communities.pick(r);
    const sex = r.chance(0.5) ? 'F' : 'M';
    const { firstName, middleName, lastName } = this.names(community, sex === 'F');
    const dateOfBirth = r.int(BORN_FROM, BORN_UNTIL);
    const adultFrom = dateOfBirth + ADULT_AFTER_DAYS;
    const accountType = this.accountTypes.pick(r);
    // Residents, visitors and diplomats identify with a passport as well.
    const hasPassport = accountType !== 'citizen' || r.chance(0.11);

    const citizenId = this.writer.citizen({
      idNumber: this.ids.idNumber(dateOfBirth < OLDER_GENERATION_BEFORE),
      idSerial: this.ids.idSerial(),
      passportNumber: hasPassport ? this.ids.passport() : null,
      kraPin: r.chance(0.4) ? this.ids.individualKraPin() : null,
      firstName,
      middleName,
      lastName,
      dateOfBirth,
      sex,
      phone: r.chance(0.95) ? this.ids.phone() : null,
      email: r.chance(0.6)
        ? this.ids.email(`${this.emailForm(firstName)}.${this.emailForm(lastName)}`, this.emailDomains.pick(r))
        : null,
    });

    this.accounts(citizenId, accountType, lastName, adultFrom);
    if (r.chance(0.45)) this.licence(citizenId, adultFrom);
    const vehicles = r.chance(0.3) ? (r.chance(0.8) ? 1 : 2) : 0;
    const firstVehicleId = this.vehicles(citizenId, vehicles);
    if (r.chance(0.2)) this.fines(citizenId, firstVehicleId, vehicles, adultFrom);
  }

  private names(community: Community, female: boolean): { firstName: string; middleName: string | null; lastName: string } {
    const r = this.random;
    const religious = community.faith === 'christian' ? CHRISTIAN_NAMES : MUSLIM_NAMES;
    const firstPool = r.chance(0.65) ? religious : community;
    const firstName = r.pick(female ? firstPool.female : firstPool.male);
    const middlePool = female && !community.patronymic ? community.female : community.male;
    const lastName = r.pick(community.surnames);
    const middle = r.chance(0.85) ? r.pick(middlePool) : null;
    // "Kamau Kamau" happens, but rarely; leave the middle name out instead.
    const middleName = middle === firstName || middle === lastName ? null : middle;
    return { firstName, middleName, lastName };
  }

  private accounts(citizenId: number, type: AccountType, lastName: string, adultFrom: number): void {
    const r = this.random;
    const createdDay = this.dayBetween(Math.max(ECITIZEN_LAUNCH, adultFrom), this.today);
    this.writer.account(citizenId, {
      type,
      status: this.accountStatuses.pick(r),
      businessName: null,
      kraPin: null,
      createdDay,
      createdMinute: r.int(0, MINUTES_PER_DAY - 1),
    });
    if (r.chance(0.02)) {
      this.writer.account(citizenId, {
        type: 'business',
        status: r.chance(0.97) ? 'active' : 'suspended',
        businessName: `${lastName} ${r.pick(BUSINESS_KINDS)} ${r.pick(BUSINESS_SUFFIXES)}`,
        kraPin: this.ids.businessKraPin(),
        createdDay: this.dayBetween(createdDay, this.today),
        createdMinute: r.int(0, MINUTES_PER_DAY - 1),
      });
    }
  }

  /** Issued on or after the 18th birthday, so young citizens sometimes hold none yet. */
  private licence(citizenId: number, adultFrom: number): void {
    const r = this.random;
    const term = this.licenceTerms.pick(r);
    const earliestIssue = Math.max(adultFrom, this.today - LICENCE_EXPIRED_UP_TO_DAYS - term);
    if (earliestIssue > this.today) return;
    const issuedOn = r.int(earliestIssue, this.today);
    this.writer.licence(citizenId, {
      licenceNumber: this.ids.licenceNumber(),
      classes: this.licenceClasses.pick(r),
      issuedOn,
      expiresOn: issuedOn + term,
    });
  }

  /** Returns the first vehicle's id (the others follow it), or null if there are none. */
  private vehicles(ownerId: number, count: number): number | null {
    const r = this.random;
    let firstId: number | null = null;
    for (let i = 0; i < count; i++) {
      const { make, model, commercial } = this.vehicleModels.pick(r);
      const id = this.writer.vehicle(ownerId, {
        plate: this.ids.plate(),
        make,
        model,
        year: r.int(2005, 2024),
        // Some covers and inspections have lapsed; the kiosk must show it.
        insuranceExpiresOn: this.today + r.int(-120, 365),
        inspectionExpiresOn: commercial ? this.today + r.int(-90, 365) : null,
      });
      firstId ??= id;
    }
    return firstId;
  }

  private fines(citizenId: number, firstVehicleId: number | null, vehicles: number, adultFrom: number): void {
    const r = this.random;
    const count = r.chance(0.6) ? 1 : r.chance(0.75) ? 2 : 3;
    for (let i = 0; i < count; i++) {
      const { offence, amount } = this.offences.pick(r);
      const onOwnVehicle = firstVehicleId !== null && r.chance(0.7);
      this.writer.fine(citizenId, {
        reference: this.ids.fineReference(),
        vehicleId: onOwnVehicle ? firstVehicleId + r.int(0, vehicles - 1) : null,
        offence,
        amount,
        issuedOn: this.dayBetween(Math.max(adultFrom, this.today - 730), this.today),
        status: this.fineStatuses.pick(r),
      });
    }
  }

  /** A day from `from` to `to`; `to` itself when the range is empty. */
  private dayBetween(from: number, to: number): number {
    return from >= to ? to : this.random.int(from, to);
  }

  private emailForm(name: string): string {
    let form = this.emailForms.get(name);
    if (form === undefined) {
      form = name.toLowerCase().replace(/[^a-z]/g, '');
      this.emailForms.set(name, form);
    }
    return form;
  }
}
