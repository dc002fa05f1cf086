// The units as lists show them (the status board, the wall's crew list, a call's dispatch): every
// field but where the unit is. Positions change every second for every unit; a list that does not
// show them must not re-render for them. The hook hands back the same record until something other
// than a position changed, so React skips the list entirely while units only drive along.
import type { UnitSummary } from '@amk/contracts';
import { useState } from 'react';
import { useConsole } from './console-store.js';
import { unitsDiffer } from './unit-changes.js';

type Units = Record<string, UnitSummary>;
const POSITION_FIELDS = new Set<string>(['lat', 'lon', 'positionAt']);

/** A field other than where the unit is differs. */
const boardFieldDiffers = (a: UnitSummary, b: UnitSummary) =>
  Object.keys(b).some((key) => !POSITION_FIELDS.has(key) && a[key as keyof UnitSummary] !== b[key as keyof UnitSummary]);

/**
 * A selector of the store's units that hands back the record it gave last time while only positions
 * changed. Zustand re-renders a component when its selection is a different object, so with this
 * selector a position batch re-renders nothing. Each component holds its own (useUnitBoard).
 */
export function boardSelector(): (s: { units: Units }) => Units {
  let last: Units | null = null;
  return (s) => {
    if (!last || unitsDiffer(last, s.units, boardFieldDiffers)) last = s.units;
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
