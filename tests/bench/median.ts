/** The middle of `samples` (the mean of the two middles for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of nothing');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `measure` `times` times, one after another, and returns the median. */
export async function medianOf(times: number, measure: () => Promise<number> | number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await measure());
  return median(samples);
}

export function round(value: number, digits = 0): number {
  return Number(value.toFixed(digits));
}

/** Nearest-rank percentile; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
