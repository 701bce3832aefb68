import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import { KioskError } from '../errors';
import type { Visit } from '../visits/visits';
import type { LookupSettings } from '../settings/lookup-settings';

/** The audit action of a search that ran; refusals are written as `lookup.refused`. */
export const SEARCH_ACTION = 'lookup.search';
/** Starting a recovery tells whether an ID number is on record too, so it counts like a search. */
export const RECOVERY_START_ACTION = 'recovery.start';

/**
 * The abuse limits on searching: so many per visit (anyone can type anyone's ID number),
 * and so many per kiosk in a sliding window. Every call that answers whether an identifier
 * is on record counts: a search, and the start of a recovery (which also sends a code).
 * The kiosk count is read from the audit trail itself (indexed by action and time), so it
 * survives restarts and needs no table of its own.
 */
export class LookupLimits {
  private readonly searchesSince;

  constructor(
    db: Db,
    private readonly offThreadSync: OffThreadSync,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly settings: LookupSettings,
  ) {
    this.searchesSince = db.prepare<[string, string, string], { n: number }>('SELECT count(*) AS n FROM audit_log WHERE action IN (?, ?) AND at >= ?');
  }

  /** Refuses (and audits the refusal) when this search would go past a limit; else how many the visit has left after it. */
  admit(visit: Visit, searchesSoFar: number, kind: string): number {
    const { lookupsPerVisit, kioskLookupsPerWindow, kioskWindowSeconds } = this.settings;
    if (searchesSoFar >= lookupsPerVisit) {
      this.refuse(visit, 'visit-limit', kind);
      throw new KioskError('lookup.visitLimit', { params: { count: lookupsPerVisit } });
    }
    const since = new Date(this.clock.now().getTime() - kioskWindowSeconds * 1000).toISOString();
    if ((this.searchesSince.get(SEARCH_ACTION, RECOVERY_START_ACTION, since)?.n ?? 0) >= kioskLookupsPerWindow) {
      this.refuse(visit, 'kiosk-limit', kind);
      throw new KioskError('lookup.kioskBusy');
    }
    return lookupsPerVisit - searchesSoFar - 1;
  }

  private refuse(visit: Visit, outcome: string, kind: string): void {
    this.offThreadSync.commit(() => this.audit.append({ action: 'lookup.refused', outcome, actor: 'citizen', visitId: visit.id, details: { kind } }));
  }
}
