// Units sent to a major incident check in at the holding area (venteplass), and are assigned from
// there (§ 15 o). A unit never gets lost between "alerted" and "at the holding area": one that has
// not checked in by the time it should have got there (its estimated travel from where it was sent
// from, by the ranking's own rule, plus a margin) is flagged, so the operator phones it.
import { rankUnits } from './eta.js';
import type { LatLon, UnitKind } from './vocabulary.js';

/** Minutes past the estimated arrival before a unit that has not checked in is flagged. */
export const CHECK_IN_MARGIN_MINUTES = 10;

export interface SentUnit {
  kind: UnitKind;
  /** where it was sent from: its station, or its last position; null when unknown */
  from: LatLon | null;
  /** ms since epoch it was put on the mission */
  assignedAt: number;
}

/**
 * When the unit should have checked in (ms since epoch): sent + estimated travel + margin. Without
 * a place to start from, sent + the margin alone (a unit whose place nobody knows is asked soon).
 */
export function checkInDue(unit: SentUnit, holdingArea: LatLon, marginMinutes = CHECK_IN_MARGIN_MINUTES): number {
  const travel = unit.from
    ? (rankUnits(
        holdingArea,
        [
          {
            id: 'u',
            kind: unit.kind,
            status: 'AVAILABLE_AT_STATION',
            lat: null,
            lon: null,
            positionAt: null,
            own: true,
            station: unit.from,
          },
        ],
        { now: unit.assignedAt },
      )[0]?.etaMinutes ?? 0)
    : 0;
  return unit.assignedAt + (travel + marginMinutes) * 60_000;
}

/** Flagged: not checked in, and past the time it should have been. */
export const isCheckInOverdue = (dueAt: number, checkedInAt: number | null, now: number): boolean => checkedInAt === null && now > dueAt;
