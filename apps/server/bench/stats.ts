export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface BenchRow {
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
}

export function row(name: string, unit: string, value: number, baseline: number | null = null): BenchRow {
  return {
    name,
    unit,
    value: round(value),
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline ? round(value / baseline) : null,
  };
}
