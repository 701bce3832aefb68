import { describe, expect, it } from 'vitest';
import type { HubStore } from '../../hub/store/hub-store';
import { freshStoreEachTest, HUB_STORES } from '../support/hub-stores';

const WRITERS = 8;
const WRITES_EACH = 50;
/** Positions drawn a round trip apart within each transaction: another writer's draws fall between them. */
const ROWS_EACH_EDIT = 5;

const fee = (code: string) => ({ code, service: 'ntsa', name_en: code, name_sw: code, amount: 100, updated_at: '2025-03-01T08:00:00.000Z' });

/**
 * History positions become visible in commit order: a kiosk that follows the history with
 * its cursor while many back-office writers commit at once still receives every row. With
 * positions drawn in call order (a plain sequence), a writer that drew n can commit after the
 * one that drew n+1; the kiosk's cursor then passes n before n is visible, and that row never
 * reaches it.
 */
describe.each(HUB_STORES)('history positions on $name', ({ open }) => {
  let store: HubStore;
  freshStoreEachTest(open, (opened) => (store = opened));

  it(`reach a kiosk following its cursor while ${WRITERS} writers commit ${WRITES_EACH} edits each`, async () => {
    const written = new Set<string>();
    const received = new Set<string>();
    let cursor = 0;
    const follow = async () => {
      // Pages larger than the writers' output, so the kiosk stays at the head, where commits land.
      const slice = await store.readChanges(cursor, 1_000);
      // A slice is a snapshot: never past its own head, never behind the cursor.
      expect(slice.through).toBeLessThanOrEqual(slice.head);
      expect(slice.through).toBeGreaterThanOrEqual(cursor);
      for (const change of slice.changes) for (const row of change.upserts) received.add(String(row[0]));
      cursor = slice.through;
    };

    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; i < WRITES_EACH; i++) {
        const codes = Array.from({ length: ROWS_EACH_EDIT }, (_, row) => `W${writer}-${i}-${row}`);
        await store.writeReplica([{ table: 'fees', upserts: codes.map(fee) }]);
        for (const code of codes) written.add(code);
      }
    });
    const reader = (async () => {
      while (writing) await follow();
    })();
    await Promise.all(writers);
    writing = false;
    await reader;
    // Caught up: whatever the kiosk missed while following is missing for good.
    for (let slice = await store.readChanges(cursor, 1_000); ; slice = await store.readChanges(cursor, 1_000)) {
      for (const change of slice.changes) for (const row of change.upserts) received.add(String(row[0]));
      cursor = slice.through;
      if (!slice.hasMore) break;
    }

    expect(written.size).toBe(WRITERS * WRITES_EACH * ROWS_EACH_EDIT);
    expect([...written].filter((code) => !received.has(code))).toEqual([]);
    expect(received.size).toBe(written.size);
  });
});
