// The units as lists show them (the status board, the wall's crew list, a call's dispatch): every
// field but where the unit is. Positions change every second for every unit; a list that does not
// show them must not re-render for them. The hook hands back the same record until something other
// than a position changed, so React skips the list entirely while units only drive along.
import type { UnitSummary } from '@amk/contracts';
import { useState } from 'react';
import { useConsole } from './console-store.js';

type Units = Record<string, UnitSummary>;
const POSITION_FIELDS = new Set<string>(['lat', 'lon', 'positionAt']);

/** True when `next` holds the same units as `prev` with the same fields, positions aside. */
function sameBoard(prev: Units, next: Units): boolean {
  if (prev === next) return true;
  let count = 0;
  for (const id in next) {
    count++;
    const a = prev[id];
    const b = next[id]!;
    if (!a) return false;
    if (a === b) continue;
    for (const key in b) if (!POSITION_FIELDS.has(key) && a[key as keyof UnitSummary] !== b[key as keyof UnitSummary]) return false;
  }
  return count === Object.keys(prev).length;
}

/**
 * A selector of the store's units that hands back the record it gave last time while only positions
 * changed. Zustand re-renders a component when its selection is a different object, so with this
 * selector a position batch re-renders nothing. Each component holds its own (useUnitBoard).
 */
export function boardSelector(): (s: { units: Units }) => Units {
  let last: Units | null = null;
  return (s) => {
    if (!last || !sameBoard(last, s.units)) last = s.units;
    return last;
  };
}

/**
 * The store's units, replaced only when something but a position changed. The positions in it may
 * be old: read where a unit is from the store itself (the map does), never from this record.
 */
export function useUnitBoard(): Units {
  const [select] = useState(boardSelector);
  return useConsole(select);
}
