import type { DayView, Total } from '@shared/console/console-api';
import { kenyaDayBounds } from '@shared/kenya/time';
import type { ConsolePayment, ConsoleStore, EventScope, PaymentGroup } from '../store/console-store';

/** Payments listed on the day's page; the exports carry every one. */
const LISTED_PAYMENTS = 200;
const LISTED_ROWS = 500;
const EXPORT_PAGE = 2_000;
const EAT_HOURS_AHEAD = 3;

/**
 * The events of a Kenyan day, of all kiosks or of the kiosks given. A centre's day is the day
 * of its kiosks: once the hub knows centres, the caller resolves the centre to its kiosk ids here.
 */
export function dayScope(businessDate: string, kioskIds: readonly string[] | null): EventScope {
  const { from, to } = kenyaDayBounds(businessDate);
  return { from, to, kioskIds };
}

function totals<K extends string | number>(groups: readonly PaymentGroup[], keyOf: (group: PaymentGroup) => K): Map<K, Total> {
  const sums = new Map<K, Total>();
  for (const group of groups) {
    const key = keyOf(group);
    const sum = sums.get(key) ?? { count: 0, amount: 0 };
    sums.set(key, { count: sum.count + group.count, amount: sum.amount + group.amount });
  }
  return sums;
}

/** The day's figures: one query a section. */
export async function buildDayView(store: ConsoleStore, businessDate: string, kioskIds: readonly string[] | null, centre: string | null = null): Promise<DayView> {
  const scope = dayScope(businessDate, kioskIds);
  const [groups, listed, shifts, overrides, recoveries] = await Promise.all([
    store.dayPaymentGroups(scope),
    store.dayPayments(scope, null, LISTED_PAYMENTS + 1),
    store.dayShifts(scope, LISTED_ROWS),
    store.dayOverrides(scope, LISTED_ROWS),
    store.dayRecoveries(scope),
  ]);
  const byHour = totals(groups, (g) => (g.utcHour + EAT_HOURS_AHEAD) % 24);
  const paid = groups.reduce((sum, g) => ({ count: sum.count + g.count, amount: sum.amount + g.amount }), { count: 0, amount: 0 });
  return {
    businessDate,
    centre,
    kioskIds: kioskIds === null ? null : [...kioskIds],
    paid,
    byMethod: [...totals(groups, (g) => g.method)].map(([method, total]) => ({ method, ...total })),
    byService: [...totals(groups, (g) => g.service)].map(([service, total]) => ({ service, ...total })),
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, ...(byHour.get(hour) ?? { count: 0, amount: 0 }) })),
    shifts,
    overrides: overrides.map(({ kioskId, at, staffId, kind, reason, outcome }) => ({ kioskId, at, staffId, kind, reason, outcome })),
    recoveries: { approved: recoveries.find((r) => r.outcome === 'approved')?.count ?? 0, rejected: recoveries.find((r) => r.outcome === 'rejected')?.count ?? 0 },
    payments: listed.slice(0, LISTED_PAYMENTS).map(({ kioskId, paymentId, at, service, method, state, amount, providerReference }) => ({ kioskId, paymentId, at, service, method, state, amount, providerReference })),
    paymentsTruncated: listed.length > LISTED_PAYMENTS,
  };
}

/** Every payment of the scope, a page at a time, for the exports. */
export async function allDayPayments(store: ConsoleStore, scope: EventScope): Promise<ConsolePayment[]> {
  const payments: ConsolePayment[] = [];
  for (;;) {
    const page = await store.dayPayments(scope, payments.at(-1)?.key ?? null, EXPORT_PAGE);
    payments.push(...page);
    if (page.length < EXPORT_PAGE) return payments;
  }
}
