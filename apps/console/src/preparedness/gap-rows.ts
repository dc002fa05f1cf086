// The kommuner an operator must act on first: those with a preparedness gap, the worst first — no
// free ambulance at all, then the longest time beyond the guideline — then by name.
import type { PreparednessReport } from '@amk/contracts';

export type KommunePreparedness = PreparednessReport['kommuner'][number];

/** Minutes beyond the guideline for the nearest free ambulance; Infinity when there is none. */
const overrun = (k: KommunePreparedness): number =>
  k.nearestFreeEtaMinutes === null ? Infinity : k.nearestFreeEtaMinutes - k.guidelineMinutes;

export function gapRows(report: PreparednessReport | null): KommunePreparedness[] {
  if (!report) return [];
  return report.kommuner
    .filter((k) => k.gap)
    .sort((a, b) => {
      const oa = overrun(a);
      const ob = overrun(b);
      return oa === ob ? a.kommunenavn.localeCompare(b.kommunenavn, 'nb') : ob > oa ? 1 : -1;
    });
}
