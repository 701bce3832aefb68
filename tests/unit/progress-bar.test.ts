import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../electron/core/progress-bar';

/** Output that is not a terminal (a log file, a pipe), collected. */
function notATerminal(): { stream: NodeJS.WriteStream; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream: Object.assign(stream, { isTTY: false }) as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('the progress bar of the long commands', () => {
  it('prints plain lines, not carriage returns, when the output is not a terminal, with counts as Kenya writes them', () => {
    const out = notATerminal();
    const bar = progressBar('Seeding', 'citizens', 2_000_000, out.stream);
    bar.update(1_000_000);
    bar.update(2_000_000, undefined, 'done');
    bar.stop();
    const lines = out.text().split('\n').filter(Boolean);
    expect(out.text()).not.toContain('\r');
    expect(lines[0]).toContain('Seeding');
    expect(lines[0]).toContain('0 of 2,000,000 citizens');
    expect(lines.at(-1)).toContain('100% · 2,000,000 of 2,000,000 citizens · done');
  });
});
