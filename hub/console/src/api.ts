import { CONSOLE_API, CONSOLE_REQUEST_HEADER } from '@shared/console/console-api';

/** A refusal from the hub: its code, which the screens put into words in both languages. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** One call of the console's API with the session cookie; every call carries the console's header (CSRF). */
export async function callConsole<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let answer: Response;
  try {
    answer = await fetch(`${CONSOLE_API}${path}`, {
      method,
      credentials: 'same-origin',
      headers: { [CONSOLE_REQUEST_HEADER]: '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ConsoleApiError(0, 'unreachable');
  }
  if (answer.status === 204) return undefined as T;
  const payload = (await answer.json().catch(() => ({}))) as { error?: string };
  if (!answer.ok) throw new ConsoleApiError(answer.status, payload.error ?? 'refused');
  return payload as T;
}

/** The day's query: a date, and a centre or (none) every kiosk of the hub. */
export const dayQuery = (date: string, centre: string | null) => `date=${encodeURIComponent(date)}${centre === null ? '' : `&centre=${encodeURIComponent(centre)}`}`;
export const exportUrl = (date: string, centre: string | null, format: string) => `${CONSOLE_API}/day/export?${dayQuery(date, centre)}&format=${format}`;
