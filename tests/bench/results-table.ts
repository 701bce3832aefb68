import type { BenchRow } from './bench-row';

const formatNumber = (value: number) => (Number.isNaN(value) ? '—' : value.toLocaleString('en-GB', { maximumFractionDigits: 2 }));

/** One markdown table: each figure beside its raw baseline and the ratio between them. */
export function resultsTable(rows: readonly BenchRow[], heading: string): string {
  const lines = [
    heading,
    '',
    '| Measure | Median | Unit | Raw baseline | Ratio | Note |',
    '|---|---:|---|---:|---:|---|',
    ...rows.map((row) => {
      const baseline = row.baseline === undefined ? '' : formatNumber(row.baseline);
      const ratio = row.baseline ? `${formatNumber(Number((row.value / row.baseline).toFixed(2)))}×` : '';
      return `| ${row.name} | ${formatNumber(row.value)} | ${row.unit} | ${baseline} | ${ratio} | ${row.note ?? ''} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
