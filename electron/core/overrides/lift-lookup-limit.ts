import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { Lookup } from '../lookup/lookup';
import type { SignedInStaff } from '../staff-presence';
import type { Visit } from '../visits/visits';
import { recordOverride } from './override-record';

/**
 * A clerk letting the citizen in front of them search again. Only the visit's own limits
 * are lifted (its searches, and the codes sent if that limit was reached too), and only
 * for this visit: the counts live in the visit's slots, so the next visit starts limited.
 * The per-kiosk rate limit is never lifted: it protects the replica against scraping, one
 * visit after another, which a clerk standing beside one citizen cannot vouch for.
 */
export class LookupLimitOverride {
  constructor(
    private readonly ctx: CoreContext,
    private readonly lookup: Lookup,
  ) {}

  /** True when the open visit can search no more (or be sent no more codes). */
  reached(visit: Visit): boolean {
    return this.lookup.searchLimitReached(visit);
  }

  lift(staff: SignedInStaff, reason: string, note: string | undefined): { lookupsLeft: number } {
    const visit = this.ctx.visits.current();
    if (!visit) throw new KioskError('overrides.noVisit');
    if (!this.reached(visit)) throw new KioskError('overrides.limitNotReached');
    const searchesBefore = this.lookup.searchesSpent(visit);
    const codesLimited = this.ctx.codes.visitLimitReached(visit);
    this.ctx.offThreadSync.commit(() => {
      recordOverride(this.ctx, {
        kind: 'lift-lookup-limit',
        staff,
        reason,
        note,
        outcome: 'lifted',
        visitId: visit.id,
        details: { searchesBefore, codesLimitLifted: codesLimited },
      });
    });
    // The counts are memory of this visit only; they change once the audit row is written.
    this.lookup.liftSearchLimit(visit);
    return { lookupsLeft: this.ctx.settings.lookup.lookupsPerVisit };
  }
}
