// What one map source shows, kept in step with the store by object identity: the store replaces a
// record whenever it changes and never edits one in place, so a feature is built again only when
// the record(s) it is made from are new objects — no per-frame JSON.stringify of 2,000 units.
// A rebuilt feature is compared with the one on the map, and the diff carries only what differs:
// a unit that moved sends its new point, nothing else; a status change sends that property alone.
// So 2,000 units moving is 2,000 small geometries to MapLibre's worker, not 2,000 whole features.
import type { GeoJSONFeatureDiff } from 'maplibre-gl';
import type { Feature } from './features.js';

export interface SourceDiff {
  add: Feature[];
  /** In MapLibre's updateData shape: only the geometry and the properties that changed. */
  update: GeoJSONFeatureDiff[];
  remove: string[];
}

interface Stamp {
  a: unknown;
  b: unknown;
}

/** Same positions: points and lines, coordinate by coordinate. */
function sameCoordinates(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCoordinates(a[i], b[i])) return false;
  return true;
}

/** What changed from `was` to `now`, or null when nothing did. */
function featureDiff(was: Feature, now: Feature): GeoJSONFeatureDiff | null {
  const diff: GeoJSONFeatureDiff = { id: String(now.id) };
  let changed = false;
  if (was.geometry.type !== now.geometry.type || !sameCoordinates(was.geometry.coordinates, now.geometry.coordinates)) {
    diff.newGeometry = now.geometry;
    changed = true;
  }
  const changedProperties: { key: string; value: unknown }[] = [];
  for (const key in now.properties)
    if (was.properties[key] !== now.properties[key]) changedProperties.push({ key, value: now.properties[key] });
  const goneProperties = Object.keys(was.properties).filter((key) => !(key in now.properties));
  if (changedProperties.length) diff.addOrUpdateProperties = changedProperties;
  if (goneProperties.length) diff.removeProperties = goneProperties;
  return changed || changedProperties.length || goneProperties.length ? diff : null;
}

export class FeatureSet {
  /** What the map shows: id → feature. */
  readonly shown = new Map<string, Feature>();
  private readonly stamps = new Map<string, Stamp>();
  private seen = new Set<string>();
  private diff: SourceDiff = { add: [], update: [], remove: [] };

  /** Starts a pass over everything the source should show now. */
  begin(): void {
    this.seen = new Set();
    this.diff = { add: [], update: [], remove: [] };
  }

  /**
   * Offers one item, made from `a` and `b` (e.g. a unit and the own centre's id). `build` runs only
   * when either is a different object or value than last time; a null feature is not drawn.
   */
  offer<A, B>(id: string, a: A, b: B, build: (a: A, b: B) => Feature | null): void {
    this.seen.add(id);
    const stamp = this.stamps.get(id);
    if (stamp && stamp.a === a && stamp.b === b) return;
    this.stamps.set(id, { a, b });
    const f = build(a, b);
    const was = this.shown.get(id);
    if (f) {
      this.shown.set(id, f);
      if (!was) this.diff.add.push(f);
      else {
        const d = featureDiff(was, f);
        if (d) this.diff.update.push(d);
      }
    } else if (was) {
      this.shown.delete(id);
      this.diff.remove.push(id);
    }
  }

  /** Ends the pass: whatever was not offered leaves the map. Returns what changed. */
  end(): SourceDiff {
    for (const id of this.stamps.keys()) {
      if (this.seen.has(id)) continue;
      this.stamps.delete(id);
      if (this.shown.delete(id)) this.diff.remove.push(id);
    }
    return this.diff;
  }
}

export const isEmpty = (d: SourceDiff) => !d.add.length && !d.update.length && !d.remove.length;
