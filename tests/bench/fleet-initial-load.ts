import { HubClient } from '../../electron/core/sync/hub-client';

export interface InitialLoad {
  rows: number;
  ms: number;
  /** The cursor at the end: the hub's head, where a kiosk that has loaded starts its deltas. */
  cursor: string;
}

/**
 * One kiosk's first load from the hub, page by page with the next page asked for before the
 * current one is counted (as electron/core/sync/downloader.ts does). The pages are parsed
 * through the kiosk's HubClient but not written to a replica: this times what the hub serves,
 * and the sync rows time the kiosk's own writing.
 */
export async function loadReplica(hubUrl: string, token: string, pageRows: number): Promise<InitialLoad> {
  const client = new HubClient({ hubUrl, kioskToken: token, timeoutMs: 300_000 });
  const signal = new AbortController().signal;
  const t0 = performance.now();
  let rows = 0;
  let pending = client.download(undefined, pageRows, signal);
  for (;;) {
    const page = await pending;
    if ('mustRefetch' in page) throw new Error('the hub answered mustRefetch to a first load');
    if (page.hasMore) pending = client.download(page.cursor, pageRows, signal);
    rows += page.changes.reduce((sum, table) => sum + table.upserts.length + table.deletes.length, 0);
    if (!page.hasMore) return { rows, ms: performance.now() - t0, cursor: page.cursor };
  }
}

/** `kiosks` first loads at once: each kiosk's time, and the whole. */
export async function loadReplicaAtOnce(hubUrl: string, tokens: string[], pageRows: number): Promise<{ loads: InitialLoad[]; ms: number }> {
  const t0 = performance.now();
  const loads = await Promise.all(tokens.map((token) => loadReplica(hubUrl, token, pageRows)));
  return { loads, ms: performance.now() - t0 };
}

/** Follows the history from `cursor` to its head: a loaded kiosk's cursor after the back office's latest edits. */
export async function cursorAtHead(hubUrl: string, token: string, cursor: string): Promise<string> {
  const client = new HubClient({ hubUrl, kioskToken: token, timeoutMs: 60_000 });
  for (;;) {
    const page = await client.download(cursor, 25_000, new AbortController().signal);
    if ('mustRefetch' in page) throw new Error('the hub answered mustRefetch to a loaded kiosk');
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}
