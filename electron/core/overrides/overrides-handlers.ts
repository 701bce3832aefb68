import type { overrideCalls } from '../../../shared/contract/overrides';
import type { CoreContext } from '../context';
import { KioskError } from '../errors';
import type { HandlersFor } from '../handlers';
import type { PaymentService } from '../payments/payment-service';
import { LookupLimitOverride } from './lift-lookup-limit';
import { StuckPayments } from './stuck-payments';

/**
 * What a clerk in attended mode may override, each with a reason and audited under their
 * staff number: the visit's lookup limit, and a payment stuck waiting for its provider.
 */
export function overridesHandlers(ctx: CoreContext, payments: PaymentService): HandlersFor<keyof typeof overrideCalls> {
  const lookupLimit = new LookupLimitOverride(ctx);
  const stuck = new StuckPayments(ctx, payments);
  // The dispatcher checks the role too; this names the clerk for the audit row.
  const signedIn = () => {
    const staff = ctx.staff.current();
    if (!staff) throw new KioskError('overrides.signInFirst');
    return staff;
  };

  return {
    'overrides.status': () => {
      signedIn();
      const visit = ctx.visits.current();
      return { visitOpen: visit !== undefined, lookupLimitReached: visit ? lookupLimit.reached(visit) : false, stuckPayments: stuck.list() };
    },
    'overrides.liftLookupLimit': ({ reason, note }) => lookupLimit.lift(signedIn(), reason, note || undefined),
    'overrides.cancelStuckPayment': ({ paymentId, reason, note }) => stuck.checkAndCancel(signedIn(), paymentId, reason, note || undefined),
  };
}
