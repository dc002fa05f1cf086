// Keeps the map's live sources in step with the store: at most once per animation frame, it
// compares what each source shows with what the store holds and sends only the difference
// (GeoJSONSource.updateData). With 2,000 units moving every second that is one small diff a frame,
// not 2,000 DOM nodes or a full reload of the data.
import type { GeoJSONSource, Map as MapLibre } from 'maplibre-gl';
import { useConsole } from '../store/console-store.js';
import { callFeatures, linkFeatures, stationFeatures, unitFeatures, type Feature } from './features.js';

export const LIVE_SOURCES = ['calls', 'units', 'stations', 'links'] as const;
export type LiveSource = (typeof LIVE_SOURCES)[number];

function featuresNow(): Record<LiveSource, Feature[]> {
  const s = useConsole.getState();
  return {
    calls: callFeatures(Object.values(s.calls)),
    units: unitFeatures(Object.values(s.units), s.centre?.id),
    stations: stationFeatures(Object.values(s.stations)),
    links: linkFeatures(Object.values(s.missions), s.units),
  };
}

/** What the map shows, per source: id → feature. Read by tests through window.__amk. */
export const shown: Record<LiveSource, Map<string, Feature>> = { calls: new Map(), units: new Map(), stations: new Map(), links: new Map() };
const signature = new Map<string, string>();

let map: MapLibre | null = null;

/**
 * Zoomed out, units are clustered. A clustered source cannot take diffs, so it is refreshed whole,
 * but at most every CLUSTER_REFRESH_MS: clusters show where free units are, not each metre moved.
 */
const CLUSTER_REFRESH_MS = 2_000;
let lastClusterRefresh = 0;
function refreshClusters(force = false): void {
  if (!map || (!force && Date.now() - lastClusterRefresh < CLUSTER_REFRESH_MS)) return;
  lastClusterRefresh = Date.now();
  const features = [...shown.units.values()].map((f) => ({ ...f, properties: { ...f.properties, free: String(f.properties.status).startsWith('AVAILABLE') ? 1 : 0 } }));
  (map.getSource('units-clustered') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
}

/** The loaded map joins the sync; its sources start from `shown` (see MapView). */
export function attachMap(m: MapLibre | null): void {
  map = m;
  refreshClusters(true);
}

export function startMapSync(): () => void {
  let frame = 0;
  const flush = () => {
    frame = 0;
    refreshClusters();
    const next = featuresNow();
    for (const name of LIVE_SOURCES) {
      const before = shown[name];
      const add: Feature[] = [];
      const update: Feature[] = [];
      const seen = new Set<string>();
      for (const f of next[name]) {
        const id = String(f.id);
        seen.add(id);
        const sig = JSON.stringify([f.geometry, f.properties]);
        const key = `${name}:${id}`;
        if (!before.has(id)) add.push(f);
        else if (signature.get(key) !== sig) update.push(f);
        else continue;
        signature.set(key, sig);
        before.set(id, f);
      }
      const remove = [...before.keys()].filter((id) => !seen.has(id));
      for (const id of remove) {
        before.delete(id);
        signature.delete(`${name}:${id}`);
      }
      if (!map || !(add.length || update.length || remove.length)) continue;
      const source = map.getSource(name) as GeoJSONSource | undefined;
      void source?.updateData({
        add,
        update: update.map((f) => ({ id: String(f.id), newGeometry: f.geometry, addOrUpdateProperties: Object.entries(f.properties).map(([key, value]) => ({ key, value })) })),
        remove,
      });
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(flush);
  };
  const unsubscribe = useConsole.subscribe(schedule);
  schedule();
  return () => {
    unsubscribe();
    if (frame) cancelAnimationFrame(frame);
  };
}
