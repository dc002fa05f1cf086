// The call the operator has open, found at a glance on a map of hundreds: its circle, the units on
// its missions and the lines to them are drawn highlighted (layers.ts, SELECTED_COLOUR); so is a
// unit the operator asked to see from the unit board.
//
// Through feature-state, as MapLibre's authors recommend for what a user picks: a feature's state is
// set on the main thread and read by the layers' paint, so choosing another call rebuilds no tile
// and sends nothing to the worker; the next frame draws the new highlight. A unit's status stays in
// its data (features.ts): layer filters (which labels may give way) and the clusters' counts of free
// units read it, and neither can read feature-state.
import type { Map as MapLibre } from 'maplibre-gl';
import type { ConsoleState } from '../store/console-store.js';

/** What is highlighted, by MapLibre source: source → feature ids. */
export type Highlighted = Map<string, Set<string>>;

/**
 * The features drawn highlighted: the selected call, and for each of its missions still open the
 * units not released from it and their lines; and the unit shown from the unit board. `sourceOf`
 * names the MapLibre source each kind of feature is drawn from (map-sync.ts). Ids are those
 * features.ts gives.
 */
export function highlightedFor(
  s: Pick<ConsoleState, 'selectedCallId' | 'shownUnitId' | 'missions'>,
  sourceOf: (kind: 'calls' | 'units' | 'links') => string,
): Highlighted {
  const out: Highlighted = new Map();
  const add = (kind: 'calls' | 'units' | 'links', id: string) => {
    const source = sourceOf(kind);
    const ids = out.get(source) ?? new Set<string>();
    ids.add(id);
    out.set(source, ids);
  };
  if (s.shownUnitId) add('units', s.shownUnitId);
  const callId = s.selectedCallId;
  if (!callId) return out;
  add('calls', callId);
  for (const m of Object.values(s.missions)) {
    if (m.callId !== callId || m.closedAt) continue;
    for (const mu of m.units) {
      if (mu.releasedAt) continue;
      add('units', mu.unitId);
      add('links', `${m.id}:${mu.unitId}`);
    }
  }
  return out;
}

/**
 * Keeps the map's `selected` feature-state equal to what `highlightedFor` says, changing only the
 * features that enter or leave the selection. A state set for a feature the source does not hold yet
 * (a unit without a position) applies once it is added.
 */
export class SelectionOnMap {
  private shown: Highlighted = new Map();

  constructor(private readonly map: Pick<MapLibre, 'setFeatureState'>) {}

  show(next: Highlighted): void {
    const set = (source: string, id: string, selected: boolean) => this.map.setFeatureState({ source, id }, { selected });
    for (const [source, ids] of this.shown) for (const id of ids) if (!next.get(source)?.has(id)) set(source, id, false);
    for (const [source, ids] of next) for (const id of ids) if (!this.shown.get(source)?.has(id)) set(source, id, true);
    this.shown = next;
  }
}
