import type { CentreLockout } from '@shared/sync/centre-state';
import type { StaffSignInEvent } from './store/hub-store';

/** The kiosk's own defaults (staff.maxFailedPins, staff.lockoutMinutes), counted across a centre. */
export interface LockoutPolicy {
  maxFailedPins: number;
  lockoutMinutes: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailedPins: 5, lockoutMinutes: 15 };

/**
 * Staff numbers locked by wrong PINs on any of a centre's kiosks. Only outcomes received
 * within the last `lockoutMinutes` count (older ones are forgotten, as a lock runs out); a
 * right PIN anywhere clears the count before it. Reaching `maxFailedPins` locks until
 * `lockoutMinutes` after the last wrong PIN. Times are the hub's receipt times, so kiosks'
 * clocks need not agree.
 */
export function centreLockouts(events: readonly StaffSignInEvent[], policy: LockoutPolicy, now: Date): CentreLockout[] {
  const failures = new Map<string, string[]>();
  for (const event of events) {
    if (!event.failed) failures.delete(event.staffId);
    else failures.set(event.staffId, [...(failures.get(event.staffId) ?? []), event.receivedAt]);
  }
  const lockouts: CentreLockout[] = [];
  for (const [staffId, times] of failures) {
    const last = times.at(-1);
    if (times.length < policy.maxFailedPins || last === undefined) continue;
    const until = new Date(Date.parse(last) + policy.lockoutMinutes * 60_000);
    if (until > now) lockouts.push({ staffId, until: until.toISOString() });
  }
  return lockouts;
}

/** Where the centre's sign-in outcomes start to count. */
export function lockoutWindowStart(policy: LockoutPolicy, now: Date): string {
  return new Date(now.getTime() - policy.lockoutMinutes * 60_000).toISOString();
}
