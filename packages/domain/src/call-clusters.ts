// Several calls about the same place within minutes often mean one large accident: a bus crash
// brings many callers before anyone has counted the injured. The console suggests declaring a
// major incident (§ 15 o) when it sees such a cluster; it never declares by itself — the operator
// decides, and a cluster near a major incident already declared is not suggested again.
import { haversineKmRaw } from './geo.js';
import type { LatLon } from './vocabulary.js';

export interface PlacedCall {
  id: string;
  lat: number | null;
  lon: number | null;
  /** ms since epoch the call rang */
  at: number;
}

export interface CallCluster {
  /** the calls of the cluster, earliest first */
  callIds: string[];
  /** the mean place of its calls */
  centre: LatLon;
  firstAt: number;
  lastAt: number;
}

export interface ClusterOptions {
  /** calls this close to the cluster's first call belong to it (metres) */
  radiusM?: number;
  /** only calls that rang within this many minutes before now count */
  windowMinutes?: number;
  /** how many calls make a cluster worth a suggestion */
  minCalls?: number;
  /** places of major incidents already declared: a cluster this close to one is not suggested */
  declared?: readonly LatLon[];
}

// Four callers within 300 m in ten minutes: a bus crash brings many more; a city centre's ordinary
// evening rarely brings four about one spot.
export const CLUSTER_DEFAULTS = { radiusM: 300, windowMinutes: 10, minCalls: 4 } as const;

/**
 * Clusters of at least `minCalls` recent calls within `radiusM` of one another's first call, the
 * largest first. Deterministic: calls are taken in order of ringing (then id), each in one cluster.
 */
export function callClusters(calls: readonly PlacedCall[], now: number, opts: ClusterOptions = {}): CallCluster[] {
  const radiusKm = (opts.radiusM ?? CLUSTER_DEFAULTS.radiusM) / 1000;
  const since = now - (opts.windowMinutes ?? CLUSTER_DEFAULTS.windowMinutes) * 60_000;
  const minCalls = opts.minCalls ?? CLUSTER_DEFAULTS.minCalls;
  const recent = calls
    .filter((c): c is PlacedCall & { lat: number; lon: number } => c.lat !== null && c.lon !== null && c.at >= since && c.at <= now)
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const taken = new Set<string>();
  const clusters: CallCluster[] = [];
  for (const seed of recent) {
    if (taken.has(seed.id)) continue;
    const members = recent.filter((c) => !taken.has(c.id) && haversineKmRaw(seed.lat, seed.lon, c.lat, c.lon) <= radiusKm);
    if (members.length < minCalls) continue;
    for (const m of members) taken.add(m.id);
    const centre = {
      lat: members.reduce((s, c) => s + c.lat, 0) / members.length,
      lon: members.reduce((s, c) => s + c.lon, 0) / members.length,
    };
    const nearDeclared = (opts.declared ?? []).some((d) => haversineKmRaw(d.lat, d.lon, centre.lat, centre.lon) <= radiusKm * 2);
    if (nearDeclared) continue;
    clusters.push({ callIds: members.map((c) => c.id), centre, firstAt: members[0]!.at, lastAt: members.at(-1)!.at });
  }
  return clusters.sort((a, b) => b.callIds.length - a.callIds.length || a.firstAt - b.firstAt);
}
