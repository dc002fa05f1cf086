// `pnpm bench --readme`: README's benchmark table is written from the run, never by hand, between
// the markers `<!-- bench:start -->` and `<!-- bench:end -->`, with the commit, date and machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/config.js';
import type { BenchRow } from './stats.js';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const figure = (n: number | null, unit: string) => (n === null || Number.isNaN(n) ? '—' : `${n.toLocaleString('en')} ${unit}`);
const cpu = (r: BenchRow) => (r.cpu ? `${r.cpu.server ?? '—'} / ${r.cpu.database ?? '—'} / ${r.cpu.load}` : '—');

export function writeReadmeTable(rows: BenchRow[], about: { commit: string; date: string; machine: string; pinned: boolean }): void {
  const file = join(repoRoot, 'README.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  const lines = [
    START,
    `Commit ${about.commit}, ${about.date.slice(0, 16).replace('T', ' ')} UTC, ${about.machine}` +
      `${about.pinned ? '; load generator and browser on core 0, server and PostgreSQL on core 1' : ''}.`,
    '',
    '| measure | value | baseline | ratio | goal | CPU % server / db / load |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${figure(r.value, r.unit)} | ${figure(r.baseline, r.unit)} | ${r.ratio ?? '—'} | ${r.goal ?? '—'} | ${cpu(r)} |`,
    ),
    END,
  ];
  writeFileSync(file, text.slice(0, a) + lines.join('\n') + text.slice(b + END.length));
}
