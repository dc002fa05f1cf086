export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** CPU used while a row's step ran, in % of one core (100 = one core fully busy). */
interface StepCpu {
  /** the server under test (its Node process) */
  server: number | null;
  /** every PostgreSQL process together */
  database: number | null;
  /** this process: the load generator (and the browser's driver; the browser itself is not counted) */
  load: number;
}

export interface BenchRow {
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
  /** what the issue asks of this figure, in words (e.g. "≤ 100 ms") */
  goal?: string;
  cpu?: StepCpu;
  /** filled by run.ts for every row of a run: the commit, when, and on what */
  commit?: string;
  date?: string;
  machine?: string;
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

export const roundCpu = (n: number | null) => (n === null ? null : round(n, 1));
