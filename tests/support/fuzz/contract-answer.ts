import { calls, isCallName } from '../../../shared/contract';
import { errorCatalog } from '../../../shared/errors';
import type { Db } from '../../../electron/core/db/open';

/**
 * Checks that `answer` is what the contract promises for `name`: a success whose value
 * passes the call's response schema, or a typed error from the catalogue with both
 * languages. Returns whether it was a refusal; throws with the reason otherwise.
 */
export function checkContractAnswer(name: unknown, answer: unknown): { refused: boolean; code?: string } {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) throw new Error(`${String(name)}: not a Result: ${preview(answer)}`);
  const result = answer as { ok: unknown; value?: unknown; error?: { code?: unknown; message?: { en?: unknown; sw?: unknown } } };
  if (result.ok === true) {
    if (!isCallName(name)) throw new Error(`${String(name)}: an unknown call succeeded`);
    const parsed = calls[name].response.safeParse(result.value);
    if (!parsed.success) throw new Error(`${name}: answer breaks the response schema: ${parsed.error.message}\n${preview(result.value)}`);
    return { refused: false };
  }
  const error = result.error;
  if (result.ok !== false || !error) throw new Error(`${String(name)}: malformed Result: ${preview(answer)}`);
  const code = String(error.code);
  if (!Object.hasOwn(errorCatalog, code)) throw new Error(`${String(name)}: error code "${code}" is not in the catalogue`);
  if (typeof error.message?.en !== 'string' || !error.message.en || typeof error.message.sw !== 'string' || !error.message.sw) {
    throw new Error(`${String(name)}: error "${code}" lacks a message in both languages`);
  }
  return { refused: true, code };
}

/**
 * Everything a write would move: this connection's change counter, other connections'
 * commits (data_version) and the row count of every table, the outbox included.
 */
export function dbFingerprint(db: Db): string {
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n;
  const dataVersion = db.pragma('data_version', { simple: true });
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const counts = tables.map(({ name }) => `${name}=${db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()?.n}`);
  return JSON.stringify({ changes, dataVersion, counts });
}

function preview(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300) ?? String(value);
  } catch {
    return String(value).slice(0, 300);
  }
}
