// What one map source shows, kept in step with the store by object identity: the store replaces a
// record whenever it changes and never edits one in place, so a feature is built again only when
// the record(s) it is made from are new objects — no per-frame JSON.stringify of 2,000 units.
import type { Feature } from './features.js';

export interface SourceDiff {
  add: Feature[];
  update: Feature[];
  remove: string[];
}

interface Stamp {
  a: unknown;
  b: unknown;
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
    if (f) {
      (this.shown.has(id) ? this.diff.update : this.diff.add).push(f);
      this.shown.set(id, f);
    } else if (this.shown.delete(id)) {
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
