import type { KioskTransport } from '../../../shared/bridge';

const SECRET_KEY = 'kiosk.host.secret';
const SECRET_HEADER = 'x-kiosk-secret';
const RECONNECT_MS = 2_000;

/**
 * The per-launch secret arrives in the launch URL's fragment (never sent to a server).
 * Kept for this tab only, so a reload still works, and removed from the address.
 */
export function takeLaunchSecret(): string | null {
  const match = /(?:^#|&)secret=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(SECRET_KEY);
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
