// The units as lists show them (the status board, the wall's crew list, a call's dispatch): every
// field but where the unit is. Positions change every second for every unit; a list that does not
// show them must not re-render for them. The hook hands back the same record until something other
// than a position changed, so React skips the list entirely while units only drive along. What the
// board does show about positions stays true: whether a unit has one at all (its "show on the map"
// button) changes the record at once, and the age of a position ("posisjon 2 min gammel") is read
// from records refreshed at least every POSITION_REFRESH_MS while units move, never from one kept
// since the unit's last status change.
import type { UnitSummary } from '@amk/contracts';
import { useState } from 'react';
import { useConsole } from './console-store.js';
import { unitsDiffer } from './unit-changes.js';

type Units = Record<string, UnitSummary>;
const POSITION_FIELDS = new Set<string>(['lat', 'lon', 'positionAt']);

/**
 * While only positions change, the records are still refreshed this often: a position age shown
 * from them is at most this much too old, well inside the 30 s after which it is shown at all.
 */
const POSITION_REFRESH_MS = 10_000;

/** A field other than where the unit is differs, or the unit gained or lost a position. */
const boardFieldDiffers = (a: UnitSummary, b: UnitSummary) =>
  (a.lat === null) !== (b.lat === null) ||
  Object.keys(b).some((key) => !POSITION_FIELDS.has(key) && a[key as keyof UnitSummary] !== b[key as keyof UnitSummary]);

/**
 * A selector of the store's units that hands back the record it gave last time while only positions
 * changed, for up to POSITION_REFRESH_MS. Zustand re-renders a component when its selection is a
 * different object, so with this selector a position batch re-renders nothing. Each component
 * holds its own (useUnitBoard).
 */
export function boardSelector(now: () => number = Date.now): (s: { units: Units }) => Units {
  let last: Units | null = null;
  let takenAt = 0;
  return (s) => {
    if (!last || (last !== s.units && (now() - takenAt >= POSITION_REFRESH_MS || unitsDiffer(last, s.units, boardFieldDiffers)))) {
      last = s.units;
      takenAt = now();
    }
    return last;
  };
}

/**
 * The store's units, replaced when something but a position changed, and at least every
 * POSITION_REFRESH_MS while units move. Where a unit is now comes from the store itself (the map
 * reads it there), never from this record.
 */
export function useUnitBoard(): Units {
  const [select] = useState(boardSelector);
  return useConsole(select);
}
