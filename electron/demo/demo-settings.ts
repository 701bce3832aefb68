/**
 * What a shell runs with when no settings were written at all: the demo, with its payment
 * simulators named explicitly (the core offers no payment method it was not told of).
 */
export const DEMO_SETTINGS = { mpesa: { simulator: true }, card: { simulator: true } } as const;

/** The stored settings, or the demo preset when nothing was stored; says which. */
export function settingsOrDemo(stored: unknown): { settings: unknown; demo: boolean } {
  const empty = stored === undefined || stored === null || (typeof stored === 'object' && Object.keys(stored).length === 0);
  return empty ? { settings: DEMO_SETTINGS, demo: true } : { settings: stored, demo: false };
}
