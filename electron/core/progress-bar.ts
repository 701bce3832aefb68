import { Presets, SingleBar } from 'cli-progress';

/** When the output is not a terminal (a log file, a pipe), a plain line at most this often. */
const PLAIN_LINE_MS = 10_000;

const count = (n: number): string => n.toLocaleString('en-KE');

export interface ProgressBar {
  /** `total` when it became known, or changed, only now; `note` names the step under way. */
  update(done: number, total?: number, note?: string): void;
  /** Draws the last figures and ends the bar's line. */
  stop(): void;
}

/**
 * A progress bar for the long commands and the demo's console (cli-progress): a bar redrawn
 * in place on a terminal, occasional plain lines otherwise, on stderr so what a command
 * prints on stdout stays parseable.
 */
export function progressBar(label: string, unit: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const bar = new SingleBar(
    {
      format: `${label} {bar} {percentage}% · {value} of {total} ${unit}{note} · {eta_formatted} left`,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? count(value) : String(value)),
      stream,
      noTTYOutput: true,
      notTTYSchedule: PLAIN_LINE_MS,
      hideCursor: stream.isTTY ? true : null,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { note: '' });
  let plainLineAt = performance.now();
  return {
    update(done, newTotal, note) {
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done, note === undefined ? {} : { note: ` · ${note}` });
      // cli-progress draws plain lines from a timer, which a synchronous job (the seed's one
      // transaction) never lets run: draw them from here as well.
      if (!stream.isTTY && performance.now() - plainLineAt >= PLAIN_LINE_MS) {
        plainLineAt = performance.now();
        bar.render();
      }
    },
    stop: () => bar.stop(),
  };
}
