// Which store changes can change a ranking of free units (recommendations, preparedness): a unit
// added or gone, a status changed, a crew came to fail § 11 or pass it, or a free unit moved. A
// busy unit driving along cannot.
import { isAvailable } from '@amk/domain';
import type { UnitSummary } from '@amk/contracts';

export function unitsChangedForRanking(prev: Record<string, UnitSummary>, next: Record<string, UnitSummary>): boolean {
  if (prev === next) return false;
  let count = 0;
  for (const id in next) {
    count++;
    const a = prev[id];
    const b = next[id]!;
    if (!a) return true;
    if (a === b) continue;
    if (a.status !== b.status || a.centreId !== b.centreId || a.crewOk !== b.crewOk) return true;
    if (isAvailable(b.status) && (a.lat !== b.lat || a.lon !== b.lon)) return true;
  }
  return count !== Object.keys(prev).length;
}
