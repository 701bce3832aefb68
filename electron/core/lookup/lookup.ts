import type { LookupQuery } from '@shared/contract/lookup';
import type { CoreContext } from '../context';
import { isReplicaReady } from '../db/replica-attachment';
import { KioskError } from '../errors';
import { SmsSimulator } from '../sms/sms-simulator';
import { markVisitVerified, visitVerification } from '../verification/visit-verification';
import type { Visit } from '../visits/visits';
import { LookupLimits, SEARCH_ACTION } from './lookup-limits';
import { LookupService } from './lookup-service';

/** What the core remembers of the lookup during one visit; gone when the visit ends. */
interface LookupVisit {
  searches: number;
  /** The last account found: the one a code may be sent for. */
  match?: { citizenId: number; idHash: string; phone: string | null };
  codeId?: string;
}

/** Back-office events: anonymous search statistics, and which account a visit proved to be. */
export const LOOKUP_SEARCHED_EVENT = 'lookup.searched';
export const IDENTITY_VERIFIED_EVENT = 'identity.verified';

/**
 * Identity lookup: search (masked answer), a code to the registered phone, then the full
 * picture. Every search, refusal and verification is audited under a keyed hash of the
 * identifier; the outbox event commits in the same transaction as its audit row. It also
 * keeps the visit's search allowance, which recovery spends and a clerk may lift.
 */
export class Lookup {
  private readonly reader: LookupService;
  private readonly limits: LookupLimits;
  private readonly stateOf: (visit: Visit) => LookupVisit;

  constructor(private readonly ctx: CoreContext) {
    this.reader = new LookupService(ctx.db);
    this.limits = new LookupLimits(ctx.db, ctx.offThreadSync, ctx.clock, ctx.audit, ctx.settings.lookup);
    this.stateOf = ctx.visits.slot<LookupVisit>(() => ({ searches: 0 }));
  }

  search(query: LookupQuery) {
    const { ctx } = this;
    const visit = ctx.visits.require();
    const state = this.stateOf(visit);
    const lookupsLeft = this.spendSearch(visit, query.kind);
    const result = this.reader.find(query);
    ctx.offThreadSync.commit(() => {
      ctx.audit.append({ action: SEARCH_ACTION, outcome: result.outcome, actor: 'citizen', visitId: visit.id, subject: ctx.hashIdentifier(query.kind, query.value), details: { kind: query.kind } });
      ctx.outbox.enqueue(LOOKUP_SEARCHED_EVENT, { kioskId: ctx.kioskId, visitId: visit.id, kind: query.kind, outcome: result.outcome, at: ctx.clock.now().toISOString() });
    });
    delete state.codeId;
    if (result.outcome !== 'found') {
      delete state.match;
      return { outcome: result.outcome, lookupsLeft };
    }
    state.match = { citizenId: result.citizen.id, idHash: ctx.hashIdentifier('idNumber', result.citizen.idNumber), phone: result.citizen.phone };
    return { outcome: 'found' as const, account: result.account, lookupsLeft };
  }

  async sendCode() {
    const visit = this.ctx.visits.require();
    const state = this.stateOf(visit);
    if (!state.match) throw new KioskError('lookup.searchFirst');
    if (!state.match.phone) throw new KioskError('lookup.noPhone');
    const sent = await this.ctx.codes.send(visit, { purpose: 'lookup', phoneE164: state.match.phone });
    state.codeId = sent.codeId;
    return sent;
  }

  async verifyCode(codeId: string, code: string) {
    const { ctx } = this;
    const visit = ctx.visits.require();
    const state = this.stateOf(visit);
    const match = state.match;
    if (!match || state.codeId !== codeId) throw new KioskError('lookup.searchFirst');
    await ctx.codes.check(visit, codeId, code);
    const now = ctx.clock.now();
    ctx.offThreadSync.commit(() => {
      ctx.audit.append({ action: 'lookup.verified', outcome: 'otp', actor: 'citizen', visitId: visit.id, subject: match.idHash });
      ctx.outbox.enqueue(IDENTITY_VERIFIED_EVENT, { kioskId: ctx.kioskId, visitId: visit.id, citizenId: match.citizenId, method: 'otp', at: now.toISOString() });
    });
    markVisitVerified(visit, match.citizenId, 'otp', now);
    delete state.codeId;
    return { verified: true as const };
  }

  details() {
    const { ctx } = this;
    const visit = ctx.visits.require();
    const verified = visitVerification(visit);
    if (!verified) throw new KioskError('lookup.notVerified');
    const details = this.reader.detailsOf(verified.citizenId, verified.method, ctx.clock.now(), ctx.settings.lookup.expiringWithinDays);
    if (!details) throw new KioskError('lookup.notVerified');
    ctx.offThreadSync.commit(() =>
      ctx.audit.append({ action: 'lookup.details', outcome: 'shown', actor: 'citizen', visitId: visit.id, subject: ctx.hashIdentifier('citizen', String(verified.citizenId)), details: { method: verified.method } }),
    );
    return details;
  }

  /** The SMS the simulator "sent", for the demo's and the tests' eyes only. */
  simulatedSms() {
    if (!(this.ctx.sms instanceof SmsSimulator)) throw new KioskError('sms.notSimulated');
    return { messages: this.ctx.sms.outbox().map(({ to, text, sentAt }) => ({ to, text, sentAt })) };
  }

  /**
   * Spends one of the visit's searches (refusing, audited, past the visit's or the kiosk's
   * limit) and returns how many are left: a search, and the start of a recovery, which also
   * answers whether an identifier is on record.
   */
  spendSearch(visit: Visit, kind: string): number {
    // Before the first load completes, "not found" would be a lie: say so, and spend nothing.
    if (!isReplicaReady(this.ctx.db)) throw new KioskError('lookup.replicaLoading');
    const state = this.stateOf(visit);
    const left = this.limits.admit(visit, state.searches, kind);
    state.searches += 1;
    return left;
  }

  /** True when the visit can search no more (or be sent no more codes). */
  searchLimitReached(visit: Visit): boolean {
    return this.stateOf(visit).searches >= this.ctx.settings.lookup.lookupsPerVisit || this.ctx.codes.visitLimitReached(visit);
  }

  /** Searches the visit has spent (a clerk's override records it). */
  searchesSpent(visit: Visit): number {
    return this.stateOf(visit).searches;
  }

  /** A clerk's override: the visit's searches (and its code limit, if reached) start again. */
  liftSearchLimit(visit: Visit): void {
    this.stateOf(visit).searches = 0;
    if (this.ctx.codes.visitLimitReached(visit)) this.ctx.codes.liftVisitLimit(visit);
  }
}
