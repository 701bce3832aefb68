import type { overrideCalls } from '@shared/contract/overrides';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { Feature } from '../feature';
import type { Lookup } from '../lookup/lookup';
import type { PaymentService } from '../payments/payment-service';
import { LookupLimitOverride } from './lift-lookup-limit';
import { StuckPayments } from './stuck-payments';

/**
 * What a clerk in attended mode may override, each with a reason and audited under their
 * staff number: the visit's lookup limit, and a payment stuck waiting for its provider.
 */
export function createOverrides(ctx: CoreContext, services: { lookup: Lookup; payments: PaymentService }): Feature<keyof typeof overrideCalls, { lookupLimit: LookupLimitOverride; stuck: StuckPayments }> {
  const lookupLimit = new LookupLimitOverride(ctx, services.lookup);
  const stuck = new StuckPayments(ctx, services.payments);
  // The dispatcher checks the role too; this names the clerk for the audit row.
  const signedIn = () => {
    const staff = ctx.staff.current();
    if (!staff) throw new KioskError('overrides.signInFirst');
    return staff;
  };

  return {
    service: { lookupLimit, stuck },
    handlers: {
      'overrides.status': () => {
        signedIn();
        const visit = ctx.visits.current();
        return { visitOpen: visit !== undefined, lookupLimitReached: visit ? lookupLimit.reached(visit) : false, stuckPayments: stuck.list() };
      },
      'overrides.liftLookupLimit': ({ reason, note }) => lookupLimit.lift(signedIn(), reason, note || undefined),
      'overrides.cancelStuckPayment': ({ paymentId, reason, note }) => stuck.checkAndCancel(signedIn(), paymentId, reason, note || undefined),
    },
    start: () => undefined,
  };
}
