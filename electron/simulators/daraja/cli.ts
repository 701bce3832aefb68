import { parseArgs } from 'node:util';
import { createLogger } from '@shared/node/logging/logger';
import { startDarajaSimulator } from './daraja-simulator';
import { SCENARIOS_BY_PHONE } from './scenarios';

/** `tsx electron/simulators/daraja/cli.ts [--port 8989] [--result-ms 1000] ...`: prints the URL. */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'result-ms': { type: 'string' },
    'slow-answer-ms': { type: 'string' },
    'no-answer-ms': { type: 'string' },
  },
});

function wholeNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

const port = wholeNumber('port', values.port) ?? 0;
const resultMs = wholeNumber('result-ms', values['result-ms']);
const slowAnswerMs = wholeNumber('slow-answer-ms', values['slow-answer-ms']);
const noAnswerMs = wholeNumber('no-answer-ms', values['no-answer-ms']);
const simulator = await startDarajaSimulator({
  port,
  log: createLogger({ level: 'warn' }),
  delays: {
    ...(resultMs !== undefined && { resultMs }),
    ...(slowAnswerMs !== undefined && { slowAnswerMs }),
    ...(noAnswerMs !== undefined && { noAnswerMs }),
  },
});

console.log(simulator.url);
console.error('Scripted payer phones (any other number pays):');
for (const [phone, scenario] of Object.entries(SCENARIOS_BY_PHONE)) console.error(`  ${phone}  ${scenario.name}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void simulator.close().then(() => process.exit(0)));
}
