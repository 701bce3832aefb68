/** One line of `npm run bench`'s table: a measured figure, beside its raw baseline when there is one. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same work done the rawest way, in the same run and the same unit. */
  baseline?: number;
  note?: string;
}
