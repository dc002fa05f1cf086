// Unit recommendation: which free unit reaches the patient first (§ 15 h–i: AMK coordinates the
// ambulance resources and keeps an overview of preparedness, including neighbouring areas).
// This is an estimate to put the best candidates on top, not a routing engine:
//   cars         great-circle distance × roadFactor ÷ speed  (roads are ~30 % longer than the crow flies)
//   boats        great-circle distance × seaFactor ÷ speed   (sailing around islands and skerries)
//   helicopter   straight line ÷ speed + start-up time       (crew to the aircraft, rotor start)
//   plane        straight line ÷ speed + start-up time
// Built for the whole country's fleet on every keystroke: one pass into typed arrays, then a sort
// of an index; result objects are only created for the units that are kept.
import { haversineKmRaw } from './geo.js';
import { isAvailable } from './unit-status.js';
import type { LatLon, UnitKind, UnitStatus } from './vocabulary.js';

export interface RankableUnit {
  id: string;
  kind: UnitKind;
  status: UnitStatus;
  lat: number | null;
  lon: number | null;
  /** ms since epoch of the last position report; null if none. */
  positionAt: number | null;
  /** Belongs to the operator's own centre (neighbouring centres' units are shown too, § 15 i). */
  own: boolean;
  /** Its home station: where a unit "available at station" is, whatever its last report says. */
  station?: LatLon | null;
  /** § 11: a unit whose crew fails is never ranked (absent: passes). */
  crewOk?: boolean;
}

/** Why a unit is not in the ranking; null when it is ranked. */
export type NotRanked = 'ON_ANOTHER_MISSION' | 'NOT_IN_SERVICE' | 'CREW_FAILS_SECTION_11' | 'POSITION_STALE';

export const DEFAULT_MAX_POSITION_AGE_MS = 10 * 60_000;

/** Where the ranking places a unit: its station when it is at the station, else a fresh report; null if neither. */
function placeOf(u: RankableUnit, now: number, maxAge: number): LatLon | null {
  // A unit at its station is there: a quiet terminal does not make it vanish from the list.
  // Any other stale position is not trusted (the unit may have moved anywhere).
  if (u.status === 'AVAILABLE_AT_STATION' && u.station) return u.station;
  const fresh = u.lat !== null && u.lon !== null && u.positionAt !== null && now - u.positionAt <= maxAge;
  return fresh ? { lat: u.lat as number, lon: u.lon as number } : null;
}

/** The reason a unit is left out of the ranking (the same tests rankUnits applies), or null. */
export function whyNotRanked(u: RankableUnit, now: number, maxPositionAgeMs = DEFAULT_MAX_POSITION_AGE_MS): NotRanked | null {
  if (!isAvailable(u.status)) return u.status === 'UNAVAILABLE' || u.status === 'OUT_OF_SERVICE' ? 'NOT_IN_SERVICE' : 'ON_ANOTHER_MISSION';
  if (u.crewOk === false) return 'CREW_FAILS_SECTION_11';
  if (!placeOf(u, now, maxPositionAgeMs)) return 'POSITION_STALE';
  return null;
}

export type EtaMethod = 'road' | 'sea' | 'straight';

export interface RankedUnit {
  id: string;
  kind: UnitKind;
  etaMinutes: number;
  /** Straight-line (great-circle) distance to the target. */
  distanceKm: number;
  method: EtaMethod;
  own: boolean;
}

export interface RankOptions {
  now: number;
  /** A position older than this is not trusted (the unit may have moved anywhere). Default 10 min. */
  maxPositionAgeMs?: number;
  roadFactor?: number;
  seaFactor?: number;
  speedsKmh?: Partial<Record<UnitKind, number>>;
  helicopterStartupMin?: number;
  planeStartupMin?: number;
  /** Keep only the first n; default all. */
  limit?: number;
}

export const DEFAULT_SPEEDS_KMH: Readonly<Record<UnitKind, number>> = {
  AMBULANCE_CAR: 70,
  LEGEVAKT_CAR: 60,
  AMBULANCE_BOAT: 40,
  HELICOPTER: 220,
  PLANE: 400,
};

const KINDS: readonly UnitKind[] = ['AMBULANCE_CAR', 'LEGEVAKT_CAR', 'AMBULANCE_BOAT', 'HELICOPTER', 'PLANE'];

function methodOf(kind: UnitKind): EtaMethod {
  if (kind === 'AMBULANCE_BOAT') return 'sea';
  if (kind === 'HELICOPTER' || kind === 'PLANE') return 'straight';
  return 'road';
}

/** Roads are ~30 % longer than the crow flies. */
export const DEFAULT_ROAD_FACTOR = 1.3;

type TravelOptions = Omit<RankOptions, 'now' | 'limit' | 'maxPositionAgeMs'>;

/** [minutes per straight-line km, fixed minutes (start-up)] for a kind of unit. */
function travelTerms(kind: UnitKind, opts: TravelOptions): [number, number] {
  const speed = opts.speedsKmh?.[kind] ?? DEFAULT_SPEEDS_KMH[kind];
  const method = methodOf(kind);
  const detour = method === 'road' ? (opts.roadFactor ?? DEFAULT_ROAD_FACTOR) : method === 'sea' ? (opts.seaFactor ?? 1.2) : 1; // air: straight line
  const fixed = kind === 'HELICOPTER' ? (opts.helicopterStartupMin ?? 5) : kind === 'PLANE' ? (opts.planeStartupMin ?? 10) : 0;
  return [(detour * 60) / speed, fixed];
}

/**
 * Estimated minutes for one unit over a straight-line distance, by the rule rankUnits ranks with;
 * for a unit already on a mission (which rankUnits leaves out).
 */
export function travelMinutes(kind: UnitKind, straightKm: number, opts: TravelOptions = {}): number {
  const [perKm, fixed] = travelTerms(kind, opts);
  return straightKm * perKm + fixed;
}

export function rankUnits(target: LatLon, units: readonly RankableUnit[], opts: RankOptions): RankedUnit[] {
  const maxAge = opts.maxPositionAgeMs ?? DEFAULT_MAX_POSITION_AGE_MS;
  // Per kind: minutes per straight-line km, and fixed minutes added (start-up).
  const factor = {} as Record<UnitKind, number>;
  const fixed = {} as Record<UnitKind, number>;
  for (const kind of KINDS) [factor[kind], fixed[kind]] = travelTerms(kind, opts);

  const n = units.length;
  const eta = new Float64Array(n);
  const dist = new Float64Array(n);
  const order = new Int32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    if (!u || !isAvailable(u.status) || u.crewOk === false) continue;
    const at = placeOf(u, opts.now, maxAge);
    if (!at) continue;
    const d = haversineKmRaw(target.lat, target.lon, at.lat, at.lon);
    dist[i] = d;
    eta[i] = d * factor[u.kind] + fixed[u.kind];
    order[kept++] = i;
  }

  // Ties (same ETA): own centre's unit first, then the nearer one, then by id for a stable list.
  const idx = order.subarray(0, kept);
  idx.sort((a, b) => {
    const byEta = (eta[a] ?? 0) - (eta[b] ?? 0);
    if (byEta !== 0) return byEta;
    const ua = units[a];
    const ub = units[b];
    if (ua?.own !== ub?.own) return ua?.own ? -1 : 1;
    const byDist = (dist[a] ?? 0) - (dist[b] ?? 0);
    if (byDist !== 0) return byDist;
    return (ua?.id ?? '') < (ub?.id ?? '') ? -1 : 1;
  });

  const count = Math.min(kept, opts.limit ?? kept);
  const result: RankedUnit[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const i = idx[k] ?? 0;
    const u = units[i] as RankableUnit;
    result[k] = { id: u.id, kind: u.kind, etaMinutes: eta[i] ?? 0, distanceKm: dist[i] ?? 0, method: methodOf(u.kind), own: u.own };
  }
  return result;
}
