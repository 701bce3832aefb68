import type { OverrideKind } from '@shared/contract/overrides';
import type { CoreContext } from '../context';
import type { SignedInStaff } from '../staff-presence';

/** The back office hears of every override: who, why, and what it touched. */
export const OVERRIDE_EVENT = 'override.used';

export interface OverrideRecord {
  readonly kind: OverrideKind;
  readonly staff: SignedInStaff;
  readonly reason: string;
  readonly note: string | undefined;
  readonly outcome: string;
  readonly visitId: string | null;
  readonly details: Record<string, string | number | boolean | null>;
}

/**
 * Writes an override's audit row (under the clerk's staff number) and its outbox event.
 * Callers run it inside the transaction that makes the change, so neither exists without the other.
 */
export function recordOverride(ctx: Pick<CoreContext, 'audit' | 'outbox' | 'clock' | 'kioskId'>, record: OverrideRecord): void {
  const { kind, staff, reason, note, outcome, visitId, details } = record;
  ctx.audit.append({
    action: `override.${kind}`,
    outcome,
    actor: `staff:${staff.staffId}`,
    visitId,
    details: { ...details, reason, ...(note ? { note } : {}), shiftId: staff.shiftId },
  });
  ctx.outbox.enqueue(OVERRIDE_EVENT, {
    kioskId: ctx.kioskId,
    kind,
    staffId: staff.staffId,
    reason,
    note: note ?? null,
    outcome,
    visitId,
    ...details,
    at: ctx.clock.now().toISOString(),
  });
}
