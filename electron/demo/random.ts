/**
 * Seeded pseudo-random numbers (sfc32, which passes PractRand): the same seed gives the
 * same sequence, so the same seed gives the same demo database. Not for anything secret.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    // Fixed constants (digits of pi and the golden ratio) in the other words, so that
    // small seeds such as 1 and 2 still start from well-mixed states.
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88 ^ Math.floor(seed / 0x1_0000_0000);
    this.c = 0xb7e15162;
    this.d = seed | 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability (0 to 1). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items.at(Math.floor(this.next() * items.length));
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  /** `length` random decimal digits, leading zeros kept. */
  digits(length: number): string {
    return String(Math.floor(this.next() * 10 ** length)).padStart(length, '0');
  }
}

/** Picks items in proportion to their weights; build once, pick many times. */
export class WeightedTable<T> {
  private readonly items: readonly T[];
  private readonly cumulative: readonly number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [item: T, weight: number])[]) {
    if (entries.length === 0) throw new RangeError('a weighted table needs at least one entry');
    let running = 0;
    const cumulative: number[] = [];
    for (const [, weight] of entries) {
      if (!(weight > 0)) throw new RangeError(`weights must be positive, got ${weight}`);
      running += weight;
      cumulative.push(running);
    }
    this.items = entries.map(([item]) => item);
    this.cumulative = cumulative;
    this.total = running;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    // Tables are short (a few dozen entries), so a linear scan beats a binary search.
    let index = 0;
    while (index < this.cumulative.length - 1 && (this.cumulative.at(index) ?? 0) <= target) index++;
    const item = this.items.at(index);
    if (item === undefined) throw new RangeError('weighted table is empty');
    return item;
  }
}
