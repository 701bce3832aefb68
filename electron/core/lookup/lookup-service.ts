import { kenyaDate } from '@shared/kenya/time';
import type { AccountDetails, LookupQuery, MaskedAccount } from '@shared/contract/lookup';
import type { Db } from '../db/open';
import type { VerificationMethod } from '../verification/visit-verification';
import { AccountDetailsReader } from './account-details';
import { CitizenFinder, type MatchedCitizen } from './citizen-finder';
import { maskedAccount } from './masked-account';

export type Lookup =
  | { outcome: 'found'; citizen: MatchedCitizen; account: MaskedAccount }
  | { outcome: 'not-found' }
  | { outcome: 'ambiguous' };

/**
 * Reading the replica for the lookup flow, with no side effects: what the handlers call
 * and what the benchmark measures against raw queries.
 */
export class LookupService {
  private readonly finder: CitizenFinder;
  private readonly details: AccountDetailsReader;

  constructor(db: Db) {
    this.finder = new CitizenFinder(db);
    this.details = new AccountDetailsReader(db);
  }

  /** The masked answer for a query (already validated and normalised). */
  find(query: LookupQuery): Lookup {
    const found = this.finder.find(query);
    if (found.outcome !== 'found') return found;
    return { outcome: 'found', citizen: found.citizen, account: maskedAccount(found.citizen, found.accounts) };
  }

  /** The full picture of a citizen the visit has proved to be; undefined if the replica no longer has them. */
  detailsOf(citizenId: number, verifiedBy: VerificationMethod, now: Date, expiringWithinDays: number): AccountDetails | undefined {
    const found = this.finder.citizen(citizenId);
    if (!found) return undefined;
    return this.details.read(found.citizen, found.accounts, verifiedBy, kenyaDate(now), expiringWithinDays);
  }
}
