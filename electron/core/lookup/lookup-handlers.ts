import type { lookupCalls } from '../../../shared/contract/lookup';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { HandlersFor } from '../handlers';
import { SmsSimulator } from '../sms/sms-simulator';
import { markVisitVerified, visitVerification } from '../verification/visit-verification';
import { LookupLimits, SEARCH_ACTION } from './lookup-limits';
import { LookupService } from './lookup-service';
import type { Visit, Visits } from '../visits/visits';

/** What the core remembers of the lookup during one visit; gone when the visit ends. */
export interface LookupVisit {
  searches: number;
  /** The last account found: the one a code may be sent for. */
  match?: { citizenId: number; idHash: string; phone: string | null };
  codeId?: string;
}

const lookupSlots = new WeakMap<Visits, (visit: Visit) => LookupVisit>();

/** The lookup's per-visit state, shared with a clerk's override (which may reset its count). */
export function lookupVisitState(visits: Visits): (visit: Visit) => LookupVisit {
  let slot = lookupSlots.get(visits);
  if (!slot) {
    slot = visits.slot<LookupVisit>(() => ({ searches: 0 }));
    lookupSlots.set(visits, slot);
  }
  return slot;
}

/** Back-office events: anonymous search statistics, and which account a visit proved to be. */
export const LOOKUP_SEARCHED_EVENT = 'lookup.searched';
export const IDENTITY_VERIFIED_EVENT = 'identity.verified';

/**
 * Identity lookup: search (masked answer), a code to the registered phone, then the full
 * picture. Every search, refusal and verification is audited under a keyed hash of the
 * identifier; the outbox event commits in the same transaction as its audit row.
 */
export function lookupHandlers(ctx: CoreContext): HandlersFor<keyof typeof lookupCalls> {
  const service = new LookupService(ctx.db);
  const limits = new LookupLimits(ctx.db, ctx.clock, ctx.audit, ctx.settings.lookup);
  const stateOf = lookupVisitState(ctx.visits);

  return {
    'lookup.search': (query) => {
      const visit = ctx.visits.require();
      const state = stateOf(visit);
      const lookupsLeft = limits.admit(visit, state.searches, query.kind);
      const result = service.find(query);
      ctx.db.transaction(() => {
        ctx.audit.append({ action: SEARCH_ACTION, outcome: result.outcome, actor: 'citizen', visitId: visit.id, subject: ctx.hashIdentifier(query.kind, query.value), details: { kind: query.kind } });
        ctx.outbox.enqueue(LOOKUP_SEARCHED_EVENT, { kioskId: ctx.kioskId, visitId: visit.id, kind: query.kind, outcome: result.outcome, at: ctx.clock.now().toISOString() });
      })();
      state.searches += 1;
      delete state.codeId;
      if (result.outcome !== 'found') {
        delete state.match;
        return { outcome: result.outcome, lookupsLeft };
      }
      state.match = { citizenId: result.citizen.id, idHash: ctx.hashIdentifier('idNumber', result.citizen.idNumber), phone: result.citizen.phone };
      return { outcome: 'found', account: result.account, lookupsLeft };
    },

    'lookup.sendCode': async () => {
      const visit = ctx.visits.require();
      const state = stateOf(visit);
      if (!state.match) throw new KioskError('lookup.searchFirst');
      if (!state.match.phone) throw new KioskError('lookup.noPhone');
      const sent = await ctx.codes.send(visit, { purpose: 'lookup', phoneE164: state.match.phone });
      state.codeId = sent.codeId;
      return sent;
    },

    'lookup.verifyCode': async ({ codeId, code }) => {
      const visit = ctx.visits.require();
      const state = stateOf(visit);
      const match = state.match;
      if (!match || state.codeId !== codeId) throw new KioskError('lookup.searchFirst');
      await ctx.codes.check(visit, codeId, code);
      const now = ctx.clock.now();
      ctx.db.transaction(() => {
        ctx.audit.append({ action: 'lookup.verified', outcome: 'otp', actor: 'citizen', visitId: visit.id, subject: match.idHash });
        ctx.outbox.enqueue(IDENTITY_VERIFIED_EVENT, { kioskId: ctx.kioskId, visitId: visit.id, citizenId: match.citizenId, method: 'otp', at: now.toISOString() });
      })();
      markVisitVerified(visit, match.citizenId, 'otp', now);
      delete state.codeId;
      return { verified: true as const };
    },

    'lookup.details': () => {
      const visit = ctx.visits.require();
      const verified = visitVerification(visit);
      if (!verified) throw new KioskError('lookup.notVerified');
      const details = service.detailsOf(verified.citizenId, verified.method, ctx.clock.now(), ctx.settings.lookup.expiringWithinDays);
      if (!details) throw new KioskError('lookup.notVerified');
      ctx.audit.append({ action: 'lookup.details', outcome: 'shown', actor: 'citizen', visitId: visit.id, subject: ctx.hashIdentifier('citizen', String(verified.citizenId)), details: { method: verified.method } });
      return details;
    },

    'sms.simulatorOutbox': () => {
      if (!(ctx.sms instanceof SmsSimulator)) throw new KioskError('sms.notSimulated');
      return { messages: ctx.sms.outbox().map(({ to, text, sentAt }) => ({ to, text, sentAt })) };
    },
  };
}
