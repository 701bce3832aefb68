import { createServer, type AddressInfo, type Socket } from 'node:net';
import { paperStatusAnswer, printing, realtimeAnswer, type SimulatedPrinterState } from './escpos-printer-state';

export interface PrinterSimulatorOptions {
  state?: Partial<SimulatedPrinterState>;
  /** The paper runs out once this many bytes have been printed: the rest of the receipt is lost. */
  paperRunsOutAfterBytes?: number;
  /** A printer that takes bytes and answers no status query at all. */
  silent?: boolean;
  /**
   * Prints from its buffer at this speed, as a real mechanism does: the kiosk's last bytes may
   * still wait in the buffer after its last real-time check. Unset: prints as bytes arrive.
   */
  bytesPerSecond?: number;
}

export interface PrinterSimulator {
  readonly host: string;
  readonly port: number;
  /** Every byte printed, status queries left out, across connections. */
  printed(): Buffer;
  /** Real-time status queries answered (DLE EOT n). */
  readonly queries: number;
  set(state: Partial<SimulatedPrinterState>): void;
  paperRunsOutAfter(bytes: number | undefined): void;
  close(): Promise<void>;
}

const DLE = 0x10;
const EOT = 0x04;
const GS = 0x1d;
const R = 0x72;

/**
 * A network receipt printer's raw port on loopback, speaking what the kiosk uses of ESC/POS:
 * it answers DLE EOT 1/2/4 at once from its state, answers GS r 1 when its mechanism reaches
 * it (never, once stopped), prints every other byte while it has paper, cover shut and is
 * online (at once, or from its buffer at `bytesPerSecond`), and can be told to run out of paper
 * after so many bytes. Everything else in the stream is print data
 * (as on a real printer, a DLE EOT inside raster data would be taken as a query).
 */
export async function startPrinterSimulator(options: PrinterSimulatorOptions = {}): Promise<PrinterSimulator> {
  const state: SimulatedPrinterState = { online: true, coverOpen: false, paper: 'adequate', ...options.state };
  let runsOutAfter = options.paperRunsOutAfterBytes;
  const printed: Buffer[] = [];
  let printedBytes = 0;
  let queries = 0;
  const sockets = new Set<Socket>();

  // The receive buffer: bytes to print, and GS r queries answered when the mechanism reaches them.
  const buffer: (number | Socket)[] = [];
  const work = (item: number | Socket) => {
    if (!printing(state)) return; // stopped: the rest of the receipt is lost, GS r never answered
    if (typeof item !== 'number') {
      if (!options.silent) item.write(Buffer.of(paperStatusAnswer(state)));
      return;
    }
    printed.push(Buffer.of(item));
    printedBytes += 1;
    if (runsOutAfter !== undefined && printedBytes >= runsOutAfter) state.paper = 'out';
  };
  const TICK_MS = 10;
  const perTick = options.bytesPerSecond === undefined ? Infinity : Math.max(1, Math.round((options.bytesPerSecond * TICK_MS) / 1000));
  const drain = () => {
    for (let done = 0; done < perTick && buffer.length > 0; done += 1) work(buffer.shift()!);
  };
  const mechanism = options.bytesPerSecond === undefined ? undefined : setInterval(drain, TICK_MS);

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // A command cut between two TCP segments waits here for its last bytes.
    let pending: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      const bytes = [...pending, ...chunk];
      pending = [];
      for (let i = 0; i < bytes.length; i += 1) {
        const byte = bytes[i]!;
        if (byte === DLE || byte === GS) {
          const rest = bytes.length - i;
          const second = bytes[i + 1];
          if (rest === 1 || (rest === 2 && ((byte === DLE && second === EOT) || (byte === GS && second === R)))) {
            pending = bytes.slice(i);
            break;
          }
          if (byte === DLE && second === EOT) {
            queries += 1;
            const answer = realtimeAnswer(state, bytes[i + 2]!);
            if (answer !== undefined && !options.silent) socket.write(Buffer.of(answer));
            i += 2;
            continue;
          }
          if (byte === GS && second === R) {
            buffer.push(socket);
            i += 2;
            continue;
          }
        }
        buffer.push(byte);
      }
      if (!mechanism) drain();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    printed: () => Buffer.concat(printed),
    get queries() {
      return queries;
    },
    set: (next) => Object.assign(state, next),
    paperRunsOutAfter: (bytes) => (runsOutAfter = bytes === undefined ? undefined : printedBytes + bytes),
    close: () =>
      new Promise((resolve) => {
        clearInterval(mechanism);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
