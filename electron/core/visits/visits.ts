import { randomUUID } from 'node:crypto';
import type { Locale } from '@shared/result';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { OffThreadSync } from '../db/off-thread-sync';
import { KioskError } from '../errors';
import type { CoreEvents } from '../events';

export type VisitEndReason = 'done' | 'idle' | 'start-over' | 'staff' | 'screen-lost';

export interface Visit {
  readonly id: string;
  readonly startedAt: Date;
  locale: Locale;
  lastActivityAt: Date;
  /** Per-visit state of each feature; dropped with the visit, so nothing outlives it. */
  readonly slots: Map<symbol, unknown>;
}

/**
 * The one visit at this screen. A kiosk serves one person at a time; the core keeps what
 * it learned during the visit (lookups made, codes sent) here and forgets it at the end.
 * The renderer ends visits on idle; the core also ends one that has been silent past the
 * idle timeout plus a grace period, in case the renderer died mid-visit.
 */
export class Visits {
  private visit: Visit | undefined;
  private readonly insertStmt;
  private readonly endStmt;

  constructor(
    private readonly commits: OffThreadSync,
    db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly events: CoreEvents,
    private readonly maxSilenceMs: () => number,
  ) {
    this.insertStmt = db.prepare('INSERT INTO visits (id, started_at, locale) VALUES (?, ?, ?)');
    this.endStmt = db.prepare('UPDATE visits SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL');
  }

  start(locale: Locale): Visit {
    if (this.visit) this.end('start-over');
    const now = this.clock.now();
    const visit: Visit = { id: randomUUID(), startedAt: now, locale, lastActivityAt: now, slots: new Map() };
    // One commit, so one sync (off this thread): the row and its audit entry.
    this.commits.commit(() => {
      this.insertStmt.run(visit.id, now.toISOString(), locale);
      this.audit.append({ action: 'visit.start', outcome: 'ok', actor: 'citizen', visitId: visit.id, details: { locale } });
    });
    this.visit = visit;
    return visit;
  }

  /** The open visit, if any; ends it first if it has been silent too long. */
  current(): Visit | undefined {
    const visit = this.visit;
    if (visit && this.clock.now().getTime() - visit.lastActivityAt.getTime() > this.maxSilenceMs()) {
      this.end('idle');
      return undefined;
    }
    return visit;
  }

  /** The open visit, marked active; a refusal the citizen sees when there is none. */
  require(): Visit {
    const visit = this.current();
    if (!visit) throw new KioskError('visit.none');
    visit.lastActivityAt = this.clock.now();
    return visit;
  }

  /** Activity that is not the citizen's call (a staff touch): keeps an open visit from going silent. */
  markActive(): void {
    const visit = this.current();
    if (visit) visit.lastActivityAt = this.clock.now();
  }

  end(reason: VisitEndReason): void {
    const visit = this.visit;
    if (!visit) return;
    this.visit = undefined;
    visit.slots.clear();
    this.commits.commit(() => {
      this.endStmt.run(this.clock.now().toISOString(), reason, visit.id);
      this.audit.append({ action: 'visit.end', outcome: reason, actor: 'citizen', visitId: visit.id });
    });
    this.events.emit('visit.ended', { visitId: visit.id, reason });
  }

  /** A typed per-visit slot for a feature's state, created on first use in each visit. */
  slot<T>(init: () => T): (visit: Visit) => T {
    const key = Symbol('visit-slot');
    return (visit) => {
      if (!visit.slots.has(key)) visit.slots.set(key, init());
      return visit.slots.get(key) as T;
    };
  }
}
