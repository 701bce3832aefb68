import type { Logger } from '@shared/node/logging/logger';
import { CENTRE_SETTING_PATHS, centreSettingsProblems, centreSettingsSchema } from '@shared/sync/centre-settings';
import type { CentreState } from '@shared/sync/centre-state';
import type { AuditLog } from '../audit/audit-log';
import { kioskSettingsSchema, type KioskSettings } from './kiosk-settings';
import type { LocalSettings } from './local-settings';

/** The last centre settings document applied, kept so the kiosk starts with them offline too. */
const STORED_KEY = 'centre.settings';

interface HubSettingsDeps {
  /** The live settings every service reads: changed in place, leaf by leaf, never replaced. */
  settings: KioskSettings;
  /** The deployment's own settings as the shell gave them, before any centre's. */
  own: unknown;
  local: LocalSettings;
  audit: AuditLog;
  log: Logger;
}

type Sections = Record<string, Record<string, unknown>>;

/**
 * The settings the centre's back office decides (shared/sync/centre-settings.ts), laid over
 * the kiosk's own: for an allow-listed setting the centre wins, and one the centre's document
 * leaves out is the kiosk's own again. The merged whole must pass the kiosk's full schema
 * (a centre's `idle.timeoutSeconds` of 15 beside a local warning of 20 would not); if it does
 * not, the kiosk keeps what it runs with and logs why, once per document.
 *
 * Services read these leaves when they use them (`ctx.settings.lookup.lookupsPerVisit` at each
 * search, `staff.maxFailedPins` at each sign-in, the receipt lines at each print), so a change
 * takes effect at once, without a restart. The screen runs its own idle timers: it re-reads the
 * visit's idle times as each visit starts, and a signed-in clerk's screen keeps the staff idle
 * time it signed in with (the core ends attended mode by the new one). Each change is an audit row `settings.fromHub` naming the keys, old and new values
 * (none is a secret). Nothing comes from a hub that placed the kiosk in no centre.
 */
export class HubSettings {
  /** The document in force (as JSON), to skip the same one every interval. */
  private applied: string | undefined;
  private refused: string | undefined;

  constructor(private readonly deps: HubSettingsDeps) {}

  /** At start: the document last applied, before any service runs; its changes were audited when it came. */
  restore(): void {
    const stored = this.deps.local.get(STORED_KEY);
    if (stored === undefined) return;
    const merged = this.merge(JSON.parse(stored) as unknown);
    if ('problems' in merged) {
      this.deps.log.warn({ problems: merged.problems }, "the centre's stored settings no longer fit this kiosk's own: running on its own");
      return;
    }
    this.put(merged.settings);
    this.applied = stored;
  }

  apply(state: CentreState): void {
    const { centre } = state;
    if (!centre) return;
    const received = JSON.stringify(state.settings);
    if (received === this.applied) return;
    const merged = this.merge(state.settings);
    if ('problems' in merged) {
      if (received !== this.refused) this.deps.log.warn({ centre: centre.id, problems: merged.problems }, "the centre's settings were not applied: the kiosk keeps its current ones");
      this.refused = received;
      return;
    }
    const changes = this.put(merged.settings);
    this.deps.local.set(STORED_KEY, received);
    this.applied = received;
    if (changes.length === 0) return;
    this.deps.audit.append({
      action: 'settings.fromHub',
      outcome: changes.map(({ key }) => key).join(','),
      actor: 'hub',
      details: { centre: centre.id, ...Object.fromEntries(changes.map(({ key, from, to }) => [key, `${from} -> ${to}`])) },
    });
    this.deps.log.info({ centre: centre.id, changed: changes.map(({ key }) => key) }, "the centre's settings were applied");
  }

  /** The kiosk's own settings with the document's allow-listed values over them, checked whole. */
  private merge(document: unknown): { settings: KioskSettings } | { problems: string } {
    const allowed = centreSettingsSchema.safeParse(document);
    if (!allowed.success) return { problems: centreSettingsProblems(allowed.error) };
    const input = structuredClone(this.deps.own ?? {}) as Sections;
    const centre = allowed.data as Sections;
    for (const [section, key] of CENTRE_SETTING_PATHS) {
      const value = centre[section]?.[key];
      if (value !== undefined) input[section] = { ...input[section], [key]: value };
    }
    const merged = kioskSettingsSchema.safeParse(input);
    if (!merged.success) return { problems: merged.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
    return { settings: merged.data };
  }

  /** Sets each allow-listed leaf that differs, in place; what changed, as JSON text. */
  private put(next: KioskSettings): Array<{ key: string; from: string; to: string }> {
    const live = this.deps.settings as unknown as Sections;
    const target = next as unknown as Sections;
    const changes = [];
    for (const [section, key] of CENTRE_SETTING_PATHS) {
      const [from, to] = [JSON.stringify(live[section]?.[key]), JSON.stringify(target[section]?.[key])];
      if (from === to) continue;
      (live[section] as Record<string, unknown>)[key] = target[section]?.[key];
      changes.push({ key: `${section}.${key}`, from, to });
    }
    return changes;
  }
}
