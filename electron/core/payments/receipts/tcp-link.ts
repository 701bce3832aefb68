import { connect } from 'node:net';
import type { PrinterLink } from './link-printer';
import { ReceivedBytes } from './received-bytes';

/**
 * A network printer's raw port (9100, "JetDirect"): one TCP connection per exchange, as
 * such printers take one client at a time. Rejects when nothing accepts within the timeout.
 */
export function openTcpLink(host: string, port: number, connectTimeoutMs: number): Promise<PrinterLink> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const received = new ReceivedBytes();
    let failure: Error | undefined;
    const timer = setTimeout(() => socket.destroy(new Error(`no connection to ${host}:${port} within ${connectTimeoutMs} ms`)), connectTimeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (error) => {
      failure = error;
      clearTimeout(timer);
      reject(error);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve({
        write: (bytes) =>
          new Promise((done, fail) => {
            if (failure || socket.destroyed) {
              fail(failure ?? new Error('the printer closed the connection'));
              return;
            }
            socket.write(bytes, (error) => (error ? fail(error) : done()));
          }),
        nextByte: (timeoutMs) => received.next(timeoutMs),
        close: () => socket.destroy(),
      });
    });
  });
}
