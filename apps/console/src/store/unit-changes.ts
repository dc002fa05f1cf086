// Which store changes can change a ranking of free units (recommendations, preparedness): a unit
// added or gone, a status changed, a crew came to fail § 11 or pass it, or a free unit moved. A
// busy unit driving along cannot.
import { isAvailable } from '@amk/domain';
import type { UnitSummary } from '@amk/contracts';

type Units = Record<string, UnitSummary>;

/**
 * True when a unit was added or removed, or when `differs` says a unit that is a new object in
 * `next` changed in a way the caller cares about. Units kept as the same object are skipped.
 */
export function unitsDiffer(prev: Units, next: Units, differs: (a: UnitSummary, b: UnitSummary) => boolean): boolean {
  if (prev === next) return false;
  let count = 0;
  for (const id in next) {
    count++;
    const a = prev[id];
    const b = next[id]!;
    if (!a) return true;
    if (a !== b && differs(a, b)) return true;
  }
  return count !== Object.keys(prev).length;
}

export function unitsChangedForRanking(prev: Units, next: Units): boolean {
  return unitsDiffer(
    prev,
    next,
    (a, b) =>
      a.status !== b.status ||
      a.centreId !== b.centreId ||
      a.crewOk !== b.crewOk ||
      (isAvailable(b.status) && (a.lat !== b.lat || a.lon !== b.lon)),
  );
}
