import { unclaimedMpesaSchema, type UnclaimedMpesa } from '@shared/contract/reports';
import type { LocalSettings } from '../settings/local-settings';

const KEY = 'sync.unclaimedMpesa';

/** Kept as the hub last reported it, for the supervisor's day screen (offline it shows the last report). */
export function rememberUnclaimedMpesa(local: LocalSettings, unclaimed: readonly UnclaimedMpesa[]): void {
  local.set(KEY, JSON.stringify(unclaimed));
}

export function lastUnclaimedMpesa(local: LocalSettings): UnclaimedMpesa[] {
  const stored = local.get(KEY);
  if (stored === undefined) return [];
  const parsed = unclaimedMpesaSchema.array().safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : [];
}
