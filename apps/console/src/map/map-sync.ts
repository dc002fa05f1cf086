// Keeps the map's live sources in step with the store: at most once per animation frame, it
// offers each source what the store holds and sends only the difference (GeoJSONSource.updateData).
// A source whose store collections are the same objects as last frame is not looked at; within a
// source, a feature is rebuilt only when its record is a new object (see feature-set.ts). With
// 2,000 units moving every second that is one small diff a frame, not 2,000 DOM nodes or a reload.
import type { UnitSummary } from '@amk/contracts';
import type { GeoJSONSource, Map as MapLibre } from 'maplibre-gl';
import { throttle } from '../lib/throttle.js';
import { useMajorIncidents, type MajorIncidentState } from '../store/major-incident-store.js';
import { useConsole, type ConsoleState } from '../store/console-store.js';
import { FeatureSet, isEmpty, type SourceDiff } from './feature-set.js';
import { CLUSTER_MAX_ZOOM } from './layers.js';
import { highlightedFor, SelectionOnMap } from './map-selection.js';
import {
  callFeature,
  linkFeature,
  responderFeature,
  SCENE_POINTS,
  sceneFeature,
  stackPlaces,
  stationFeature,
  unitFeature,
  type Feature,
} from './features.js';

const LIVE_SOURCES = ['calls', 'units', 'stations', 'links', 'responders', 'scene'] as const;
export type LiveSource = (typeof LIVE_SOURCES)[number];

/**
 * The MapLibre source each set of features is drawn from. The lines to the missions go in the
 * units' source, so a batch of moves is one job for MapLibre's worker and one frame. As two
 * sources, the lines' tiles came back first and were drawn in a frame of their own (see
 * live-map.ts for what a frame costs).
 */
const MAP_SOURCE: Record<LiveSource, string> = {
  calls: 'calls',
  units: 'units',
  stations: 'stations',
  links: 'units',
  responders: 'responders',
  scene: 'scene',
};
export const MAP_SOURCES = [...new Set(Object.values(MAP_SOURCE))];

/** Everything a map source shows now: its first data when the map is made. */
export const mapSourceFeatures = (source: string): Feature[] =>
  LIVE_SOURCES.filter((name) => MAP_SOURCE[name] === source).flatMap((name) => [...shown[name].values()]);

interface SourceSpec {
  /** The store values the source is made from; when none changed, the source is skipped. */
  inputs(s: ConsoleState, mi: MajorIncidentState): unknown[];
  offer(s: ConsoleState, set: FeatureSet, mi: MajorIncidentState): void;
}

/** Changes once a minute: how often a unit's position is judged stale again. */
const STALE_CHECK_MS = 60_000;
const staleTick = () => Math.floor(Date.now() / STALE_CHECK_MS);

const SPECS: Record<LiveSource, SourceSpec> = {
  calls: {
    inputs: (s) => [s.calls],
    offer: (s, set) => {
      for (const c of Object.values(s.calls)) set.offer(c.id, c, undefined, callFeature);
    },
  },
  units: {
    // Once a minute every unit is looked at again, so a position that grew old shows as stale.
    inputs: (s) => [s.units, s.centre?.id, staleTick()],
    // Units at one spot (a station's yard) stack as rings with a label each (stackPlaces); a
    // unit's feature is rebuilt when it or its place in a stack changes.
    offer: (s, set) => {
      const own = s.centre?.id;
      const now = Date.now();
      const units = Object.values(s.units);
      const stacks = stackPlaces(units);
      const key = `${own}|${staleTick()}`;
      for (const u of units) {
        const stack = stacks.get(u.id);
        set.offer(u.id, u, stack ? `${key}|${stack.index}/${stack.size}` : key, (unit: UnitSummary) => unitFeature(unit, own, now, stack));
      }
    },
  },
  stations: {
    inputs: (s) => [s.stations],
    offer: (s, set) => {
      for (const st of Object.values(s.stations)) set.offer(st.id, st, undefined, stationFeature);
    },
  },
  links: {
    inputs: (s) => [s.missions, s.units],
    offer: (s, set) => {
      for (const m of Object.values(s.missions)) {
        for (const mu of m.units) if (!mu.releasedAt) set.offer(`${m.id}:${mu.unitId}`, m, s.units[mu.unitId], linkFeature);
      }
    },
  },
  responders: {
    inputs: (s) => [s.alerts],
    offer: (s, set) => {
      for (const a of Object.values(s.alerts)) set.offer(a.id, a, undefined, responderFeature);
    },
  },
  // Each open major incident's place and its scene organisation (rendezvous, holding area, casualty clearing).
  scene: {
    inputs: (_s, mi) => [mi.incidents],
    offer: (_s, set, mi) => {
      for (const m of Object.values(mi.incidents)) {
        if (m.closedAt) continue;
        for (const what of SCENE_POINTS) set.offer(`${m.id}:${what}`, m, what, sceneFeature);
      }
    },
  },
};

const sets = Object.fromEntries(LIVE_SOURCES.map((name) => [name, new FeatureSet()])) as Record<LiveSource, FeatureSet>;
const lastInputs: Partial<Record<LiveSource, unknown[]>> = {};

/** What the map shows, per source: id → feature. Read by tests through window.__amk. */
export const shown = Object.fromEntries(LIVE_SOURCES.map((name) => [name, sets[name].shown])) as Record<LiveSource, Map<string, Feature>>;

let map: MapLibre | null = null;
/** The selected call's highlight on the attached map (map-selection.ts), and what it was made from. */
let selection: SelectionOnMap | null = null;
let lastSelectionInputs: unknown[] | undefined;

/**
 * Zoomed out, units are clustered. A clustered source cannot take diffs, so it is refreshed whole,
 * at most every CLUSTER_REFRESH_MS (clusters show where free units are, not each metre moved) and
 * always once more after the last change, so a last status change is never left out. Zoomed in
 * past the clusters nothing draws them, so they are not refreshed at all until the map zooms out
 * again: 2,000 units moving cost no cluster work where nobody sees clusters.
 */
const CLUSTER_REFRESH_MS = 2_000;
let clustersStale = false;
const clustersShow = () => !!map && map.getZoom() < CLUSTER_MAX_ZOOM;
const refreshClusters = throttle(() => {
  if (!clustersShow()) {
    clustersStale = true;
    return;
  }
  clustersStale = false;
  (map?.getSource('units-clustered') as GeoJSONSource | undefined)?.setData({
    type: 'FeatureCollection',
    // Units on a mission are never folded into a cluster: they are drawn and labelled at every zoom.
    // Only what the cluster layers and their popup read is sent to the worker.
    features: [...shown.units.values()]
      .filter((f) => !f.properties.busy)
      .map((f) => ({
        ...f,
        properties: { id: f.id, label: f.properties.label, status: f.properties.status, kind: f.properties.kind, own: f.properties.own },
      })),
  });
}, CLUSTER_REFRESH_MS);
const onZoom = () => {
  if (clustersStale && clustersShow()) refreshClusters.flush();
};

/** The loaded map joins the sync; its sources start from `shown` (see MapView). */
export function attachMap(m: MapLibre | null): void {
  map?.off('zoom', onZoom);
  map = m;
  selection = m && new SelectionOnMap(m);
  lastSelectionInputs = undefined;
  if (m) {
    showSelection(useConsole.getState());
    m.on('zoom', onZoom);
    clustersStale = true;
    refreshClusters.flush();
  } else refreshClusters.cancel();
}

const sameInputs = (a: unknown[] | undefined, b: unknown[]) => !!a && a.length === b.length && a.every((v, i) => v === b[i]);

/** The selected call, its units and their lines, and a unit shown from the board, highlighted: feature-state only, no data sent. */
function showSelection(s: ConsoleState): void {
  const inputs = [s.selectedCallId, s.shownUnitId, s.missions];
  if (!selection || sameInputs(lastSelectionInputs, inputs)) return;
  lastSelectionInputs = inputs;
  selection.show(highlightedFor(s, (kind) => MAP_SOURCE[kind]));
}

function flush(): void {
  // The console's store, and the major incidents' (their scene places).
  const s = useConsole.getState();
  const mi = useMajorIncidents.getState();
  const diffs = new Map<string, SourceDiff>();
  for (const name of LIVE_SOURCES) {
    const spec = SPECS[name];
    const inputs = spec.inputs(s, mi);
    if (sameInputs(lastInputs[name], inputs)) continue;
    lastInputs[name] = inputs;
    const set = sets[name];
    set.begin();
    spec.offer(s, set, mi);
    const diff = set.end();
    if (isEmpty(diff)) continue;
    // After `shown` is up to date, so the refresh (now or trailing) draws this change.
    if (name === 'units') refreshClusters();
    const source = MAP_SOURCE[name];
    const other = diffs.get(source);
    diffs.set(
      source,
      other
        ? { add: [...other.add, ...diff.add], update: [...other.update, ...diff.update], remove: [...other.remove, ...diff.remove] }
        : diff,
    );
  }
  for (const [source, diff] of diffs) void (map?.getSource(source) as GeoJSONSource | undefined)?.updateData(diff);
  showSelection(s);
}

export function startMapSync(): () => void {
  let frame = 0;
  const schedule = () => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        flush();
      });
  };
  const unsubscribe = useConsole.subscribe(schedule);
  const unsubscribeScene = useMajorIncidents.subscribe(schedule);
  const staleCheck = setInterval(schedule, STALE_CHECK_MS);
  schedule();
  return () => {
    unsubscribe();
    unsubscribeScene();
    clearInterval(staleCheck);
    if (frame) cancelAnimationFrame(frame);
  };
}
