import { afterEach, describe, expect, it } from 'vitest';
import { tempKiosk, type TempKiosk } from '../support/temp-kiosk';

describe('visits in the core', () => {
  let kiosk: TempKiosk;
  afterEach(() => kiosk.dispose());

  it('records start and end, and tells the renderer when the core ends one', async () => {
    kiosk = tempKiosk();
    const events: unknown[] = [];
    // The visit's events only: the printer's status arrives on its own time.
    kiosk.core.subscribe((name, payload) => name.startsWith('visit.') && events.push({ name, payload }));
    const started = await kiosk.core.invoke('visit.start', { locale: 'sw' });
    expect(started.ok).toBe(true);
    const visitId = started.ok ? (started.value as { visitId: string }).visitId : '';

    // A second citizen starting ends the first visit.
    await kiosk.core.invoke('visit.start', { locale: 'en' });
    expect(events).toEqual([{ name: 'visit.ended', payload: { visitId, reason: 'start-over' } }]);
    const rows = kiosk.core.context.db.prepare('SELECT locale, end_reason FROM visits ORDER BY started_at, rowid').all();
    expect(rows).toEqual([
      { locale: 'sw', end_reason: 'start-over' },
      { locale: 'en', end_reason: null },
    ]);
  });

  it('ends a visit left silent past the idle timeout, warning and grace', async () => {
    kiosk = tempKiosk({ settings: { idle: { timeoutSeconds: 60, warningSeconds: 20 } } });
    await kiosk.core.invoke('visit.start', { locale: 'en' });
    kiosk.clock.advance(100_000);
    expect(await kiosk.core.invoke('visit.keepAlive', {})).toMatchObject({ ok: true });
    kiosk.clock.advance(111_000);
    expect(await kiosk.core.invoke('visit.keepAlive', {})).toMatchObject({ ok: false, error: { code: 'visit.none' } });
    expect(kiosk.core.context.db.prepare('SELECT end_reason FROM visits').get()).toEqual({ end_reason: 'idle' });
  });

  it('audits every visit in a hash chain', async () => {
    kiosk = tempKiosk();
    await kiosk.core.invoke('visit.start', { locale: 'en' });
    await kiosk.core.invoke('visit.end', { reason: 'done' });
    const rows = kiosk.core.context.db.prepare<[], { action: string; prev_hash: string; hash: string }>('SELECT action, prev_hash, hash FROM audit_log ORDER BY id').all();
    expect(rows.map((r) => r.action)).toEqual(['visit.start', 'visit.end']);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(() => kiosk.core.context.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('rejects settings that make no sense', () => {
    expect(() => tempKiosk({ settings: { idle: { timeoutSeconds: -1 } } })).toThrow();
    kiosk = tempKiosk();
  });
});
