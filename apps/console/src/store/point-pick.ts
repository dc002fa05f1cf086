// A one-shot "pick a point in the map" request: a part of the console (the call record's position)
// asks for one point, the map's next click answers it. One request at a time: a new request, or
// cancelling, answers the pending one with null. The map reads `owner` to show that it is picking
// (a crosshair) and to keep the click from also selecting a call under the cursor.
import { create } from 'zustand';

export interface PickedPoint {
  lat: number;
  lon: number;
}

interface PointPickState {
  /** Who asked for the pending pick (e.g. a call id), or null when none is pending. */
  owner: string | null;
}

export const usePointPick = create<PointPickState>(() => ({ owner: null }));

let answer: ((p: PickedPoint | null) => void) | null = null;

function settle(p: PickedPoint | null) {
  const pending = answer;
  answer = null;
  usePointPick.setState({ owner: null });
  pending?.(p);
}

/** Ask for the next click in the map; null when the request is cancelled or replaced. */
export function pickPoint(owner: string): Promise<PickedPoint | null> {
  settle(null);
  return new Promise((resolve) => {
    answer = resolve;
    usePointPick.setState({ owner });
  });
}

/** Cancel the pending pick, or only the one of this owner when given. */
export function cancelPick(owner?: string): void {
  if (answer && (owner === undefined || usePointPick.getState().owner === owner)) settle(null);
}

/** The map was clicked: answers the pending pick. False when no pick was pending. */
export function deliverPoint(p: PickedPoint): boolean {
  if (!answer) return false;
  settle(p);
  return true;
}

export const isPicking = (): boolean => answer !== null;
