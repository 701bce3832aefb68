import http from 'node:http';
import { SECRET_HEADER } from '../../electron/host/request-guard';

const SEARCH_EVERY_MS = 100;
/** The core's default per-visit allowance: a fresh visit, as the next citizen, after so many. */
const SEARCHES_PER_VISIT = 3;

export interface SearchSample {
  ms: number;
  /** The lookup's outcome, or the error code of a refusal (`error` when no answer came). */
  outcome: string;
}

/**
 * A citizen tapping Search every 100 ms at the browser host, in another process than the
 * one measured, over HTTP exactly as the renderer calls: the launch token traded for the
 * API secret, the page's Origin, the secret header, the event stream held open, a visit
 * started before searching and a new one when its allowance is spent. One search at a time
 * (a citizen waits for the answer); each one's latency is from its send to its answer.
 */
export class SearchClient {
  private readonly agent = new http.Agent({ keepAlive: true });
  private running: Promise<void> | undefined;
  private stopping = false;
  private samples: SearchSample[] = [];
  private searchesInVisit = SEARCHES_PER_VISIT;
  private next = 0;
  private events: http.ClientRequest | undefined;

  private constructor(
    private readonly origin: string,
    private readonly secret: string,
    /** ID numbers to search, found and not-found ones mixed, used in turn. */
    private readonly idNumbers: readonly string[],
  ) {}

  static async connect(launchUrl: string, idNumbers: readonly string[]): Promise<SearchClient> {
    const { origin } = new URL(launchUrl);
    const token = /#launch=([\w-]+)$/.exec(launchUrl)?.[1];
    if (!token) throw new Error(`no launch token in ${launchUrl}`);
    const answer = (await post(origin, '/api/launch', { token }, {})) as { ok: boolean; value?: { secret?: string } };
    if (!answer.ok || !answer.value?.secret) throw new Error('the host refused the launch token');
    const client = new SearchClient(origin, answer.value.secret, idNumbers);
    client.listen();
    return client;
  }

  /** Starts searching (again); the samples since the last take stay, so a window may pause. */
  resume(): void {
    if (this.running) return;
    // Whatever happened at the kiosk meanwhile (staff at the screen) ended the visit: a new citizen starts.
    this.searchesInVisit = SEARCHES_PER_VISIT;
    this.stopping = false;
    this.running = this.loop();
  }

  /** The window's samples so far; the next window starts empty. */
  takeSamples(): SearchSample[] {
    const taken = this.samples;
    this.samples = [];
    return taken;
  }

  /** Stops after the search in flight; its samples stay until taken. */
  async pause(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = undefined;
  }

  async close(): Promise<void> {
    await this.pause();
    this.events?.destroy();
    this.agent.destroy();
  }

  private async loop(): Promise<void> {
    let due = performance.now();
    while (!this.stopping) {
      if (this.searchesInVisit >= SEARCHES_PER_VISIT) {
        // Not timed: the next citizen's first tap. A failure shows as the searches' errors.
        await this.call('visit.start', { locale: 'en' }).catch(() => undefined);
        this.searchesInVisit = 0;
      }
      const value = this.idNumbers[this.next++ % this.idNumbers.length]!;
      const started = performance.now();
      let outcome = 'error';
      try {
        const answer = (await this.call('lookup.search', { kind: 'idNumber', value })) as { ok: boolean; value?: { outcome: string }; error?: { code: string } };
        outcome = (answer.ok ? answer.value?.outcome : answer.error?.code) ?? 'error';
      } catch {
        // Counted as an error below; the next tap tries again.
      }
      this.samples.push({ ms: performance.now() - started, outcome });
      // A visit the core ended (its idle backstop, staff at the screen): the next tap starts one.
      this.searchesInVisit = outcome === 'visit.none' ? SEARCHES_PER_VISIT : this.searchesInVisit + 1;
      due = Math.max(due + SEARCH_EVERY_MS, performance.now());
      await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    }
  }

  private call(name: string, payload: unknown): Promise<unknown> {
    return post(this.origin, `/api/call/${encodeURIComponent(name)}`, payload, { [SECRET_HEADER]: this.secret }, this.agent);
  }

  /** The page's event stream, held open and read, as the renderer does. */
  private listen(): void {
    const { origin, secret } = this;
    this.events = http.get(`${origin}/api/events`, { headers: { [SECRET_HEADER]: secret, 'sec-fetch-site': 'same-origin' } }, (response) => response.resume());
    this.events.on('error', () => undefined);
  }
}

/** A same-origin POST as Chromium sends it from the kiosk page. */
function post(origin: string, target: string, body: unknown, headers: Record<string, string>, agent?: http.Agent): Promise<unknown> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}${target}`,
      {
        method: 'POST',
        agent,
        headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers },
      },
      (response) => {
        let received = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (received += chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(received));
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}
