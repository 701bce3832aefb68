import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body as far as it came before the connection closed or the head was all we waited for. */
  body: string;
}

/**
 * One HTTP/1.1 request written byte for byte to a socket: the request target goes out exactly
 * as given (fetch and node:http would normalise or refuse some spellings an attacker can
 * send). Reads until the server closes, or only the head and the first body bytes when the
 * answer is a stream that never ends.
 */
export function rawRequest(
  origin: string,
  request: { method: string; target: string; headers: Record<string, string>; body?: string },
  timeoutMs = 10_000,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  const body = request.body ?? '';
  const lines = [`${request.method} ${request.target} HTTP/1.1`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`), 'connection: close'];
  if (body || request.method === 'POST') lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    let settled = false;
    const finish = () => {
      if (settled) return;
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const [statusLine = '', ...headerLines] = received.slice(0, headEnd).split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      const answer = { status: Number(statusLine.split(' ')[1]), headers, body: received.slice(headEnd + 4) };
      // An event stream stays open: its head (all a HEAD request gets) and first event are the answer.
      const streaming = headers['content-type']?.startsWith('text/event-stream') && (request.method === 'HEAD' || answer.body.length > 0);
      if (socket.readableEnded || streaming) {
        settled = true;
        socket.destroy();
        resolve(answer);
      }
    };
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`${request.method} ${request.target}: no answer in ${timeoutMs} ms`)));
    socket.on('data', (chunk: string) => {
      received += chunk;
      finish();
    });
    socket.on('end', () => {
      finish();
      if (!settled) reject(new Error(`${request.method} ${request.target}: connection closed before an HTTP answer: ${received.slice(0, 200)}`));
    });
    socket.on('error', (error) => {
      if (!settled) reject(error);
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
}
