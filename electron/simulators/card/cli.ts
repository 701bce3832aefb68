import { parseArgs } from 'node:util';
import { startCardTerminalServer } from './card-terminal-server';

/** `tsx electron/simulators/card/cli.ts [--port 8990] [--delay-ms 3000]`: prints the URL. */
const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, 'delay-ms': { type: 'string', default: '3000' } } });
const port = Number(values.port);
const delayMs = Number(values['delay-ms']);
if (!Number.isInteger(port) || port < 0 || !Number.isInteger(delayMs) || delayMs < 0) {
  console.error('--port and --delay-ms take whole numbers');
  process.exit(2);
}
const server = await startCardTerminalServer({ port, delayMs });
console.log(server.url);
console.error('Amounts ending in 51 are declined, 52 time out, 53 are cancelled; any other is approved.');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
