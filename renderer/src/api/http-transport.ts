import type { KioskTransport } from '@shared/bridge';

const SECRET_KEY = 'kiosk.host.secret';
const SECRET_HEADER = 'x-kiosk-secret';
const RECONNECT_MS = 2_000;

/**
 * The launch address carries a one-time token in its fragment (never sent to a server; the
 * secret itself is never put where other local users could read it, like Chromium's command
 * line). The page trades the token for the API secret at once, keeps the secret for this tab
 * only, so a reload after a crash still works, and takes the token out of the address.
 */
export async function takeLaunchSecret(): Promise<string | null> {
  const token = /(?:^#|&)launch=([\w-]+)/.exec(window.location.hash)?.[1];
  if (token) {
    history.replaceState(null, '', window.location.pathname);
    const secret = await tradeLaunchToken(token);
    if (secret) sessionStorage.setItem(SECRET_KEY, secret);
  }
  return sessionStorage.getItem(SECRET_KEY);
}

async function tradeLaunchToken(token: string): Promise<string | null> {
  try {
    const response = await fetch('/api/launch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const answer = (await response.json()) as { ok: boolean; value?: { secret?: unknown } };
    return answer.ok && typeof answer.value?.secret === 'string' ? answer.value.secret : null;
  } catch {
    return null;
  }
}

/** Server-sent events read through fetch, because EventSource cannot send the secret header. */
async function readEvents(secret: string, listener: (name: string, payload: unknown) => void, signal: AbortSignal) {
  const response = await fetch('/api/events', { headers: { [SECRET_HEADER]: secret }, signal });
  if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (name && data) listener(name, JSON.parse(data));
    }
  }
}

export function httpTransport(secret: string): KioskTransport {
  return {
    async invoke(name, request) {
      const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
        body: JSON.stringify(request ?? {}),
      });
      return response.json();
    },
    subscribe(listener) {
      const controller = new AbortController();
      const loop = async () => {
        while (!controller.signal.aborted) {
          await readEvents(secret, listener, controller.signal).catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
        }
      };
      void loop();
      return () => controller.abort();
    },
  };
}
