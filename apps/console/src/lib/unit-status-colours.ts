// One table for a unit status's colour wherever it is drawn: the map's circles and legend (bright,
// on a dark map) and the status pills in the tables (dark, under light text). The groups are the
// domain's: free (isAvailable), on the way (on a mission, not yet arrived), arrived (hasArrived),
// and the rest (unavailable, out of service). No unit colour is a call's red, so red on the map
// always means an acute call.
import { hasArrived, isAvailable, isOnMission, UNIT_STATUSES, type UnitStatus } from '@amk/domain';

export type StatusGroup = 'free' | 'alerted' | 'onScene' | 'other';

export function statusGroup(status: UnitStatus): StatusGroup {
  if (isAvailable(status)) return 'free';
  if (hasArrived(status)) return 'onScene';
  return isOnMission(status) ? 'alerted' : 'other';
}

/** The statuses of each group, in the vocabulary's order. */
export const statusesOf = (group: StatusGroup): UnitStatus[] => UNIT_STATUSES.filter((s) => statusGroup(s) === group);

/** On the map and in its legend. */
export const STATUS_COLOURS: Readonly<Record<StatusGroup, string>> = {
  free: '#2ecc71',
  alerted: '#ff9800',
  onScene: '#29b6f6',
  other: '#78909c',
};

/** Behind a status pill's text; the rest keep the panel's own background. */
export const PILL_COLOURS: Readonly<Record<StatusGroup, string | undefined>> = {
  free: '#1b5e20',
  alerted: '#e65100',
  onScene: '#01579b',
  other: undefined,
};
