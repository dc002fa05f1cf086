// From the store to GeoJSON features: one function per record, pure, so map-sync.ts can build a
// feature only when the record it comes from is a new object (the store never edits in place).
import type { AlertSummary, CallSummary, MajorIncidentSummary, MissionSummary, StationSummary, UnitSummary } from '@amk/contracts';
import { DEFAULT_MAX_POSITION_AGE_MS, isOnMission } from '@amk/domain';

export type Feature = GeoJSON.Feature<GeoJSON.Point | GeoJSON.LineString, Record<string, unknown>>;

const point = (id: string, lon: number, lat: number, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id, ...properties },
});

/** Pixels of the accuracy circle at zoom 0; the layer doubles it per zoom level. */
const radiusAtZoom0 = (radiusM: number, lat: number) => radiusM / (156_543.03 * Math.cos((lat * Math.PI) / 180));

export function callFeature(c: CallSummary): Feature | null {
  if (c.lat === null || c.lon === null) return null;
  return point(c.id, c.lon, c.lat, {
    urgency: c.urgency ?? 'none',
    state: c.state,
    label: c.addressText ?? c.callerNumber ?? '',
    radius0: c.positionRadiusM ? radiusAtZoom0(c.positionRadiusM, c.lat) : 0,
  });
}

/**
 * A position the ranking no longer trusts (older than its limit), so the map does not either: the
 * unit may be anywhere. A unit free at its station is at its station, however quiet its terminal.
 */
function isPositionStale(u: UnitSummary, now: number): boolean {
  if (u.status === 'AVAILABLE_AT_STATION') return false;
  return u.positionAt === null || now - Date.parse(u.positionAt) > DEFAULT_MAX_POSITION_AGE_MS;
}

/** A unit on a mission is never clustered away and never loses its label. */
const isBusy = (u: Pick<UnitSummary, 'status'>) => isOnMission(u.status);

/** A unit's place in a stack of units at one spot: 0 is drawn on top, the rest as rings around it. */
export interface StackPlace {
  index: number;
  size: number;
}
const ALONE: StackPlace = { index: 0, size: 1 };

/** About 10 m: units this close are one spot on any map a dispatcher reads (a station's yard). */
const SPOT_DECIMALS = 4;
const spotKey = (lat: number, lon: number) => `${lat.toFixed(SPOT_DECIMALS)},${lon.toFixed(SPOT_DECIMALS)}`;

/**
 * Which units share a spot, and in what order they stack: units on a mission first (they matter
 * now), then by call sign, so the order does not jump between frames. Units alone are left out.
 */
export function stackPlaces(units: Iterable<UnitSummary>): Map<string, StackPlace> {
  const spots = new Map<string, UnitSummary[]>();
  for (const u of units) {
    if (u.lat === null || u.lon === null) continue;
    const key = spotKey(u.lat, u.lon);
    const spot = spots.get(key);
    if (spot) spot.push(u);
    else spots.set(key, [u]);
  }
  const places = new Map<string, StackPlace>();
  for (const spot of spots.values()) {
    if (spot.length < 2) continue;
    spot.sort((a, b) => Number(isBusy(b)) - Number(isBusy(a)) || a.callSign.localeCompare(b.callSign));
    for (const [index, u] of spot.entries()) places.set(u.id, { index, size: spot.length });
  }
  return places;
}

export function unitFeature(u: UnitSummary, ownCentreId: string | undefined, now = Date.now(), stack = ALONE): Feature | null {
  if (u.lat === null || u.lon === null) return null;
  const stale = isPositionStale(u, now);
  return point(u.id, u.lon, u.lat, {
    status: u.status,
    kind: u.kind,
    label: stale ? `${u.callSign} ?` : u.callSign,
    own: u.centreId === ownCentreId,
    crewOk: u.crewOk,
    stale,
    busy: isBusy(u),
    stack: stack.index,
    stackSize: stack.size,
  });
}

export const stationFeature = (s: StationSummary): Feature => point(s.id, s.lon, s.lat, { label: s.name });

/** A line from a unit on a mission to the place it is going (the caller leaves out released units). */
export function linkFeature(m: MissionSummary, u: UnitSummary | undefined): Feature | null {
  if (m.lat === null || m.lon === null || !u || u.lat === null || u.lon === null) return null;
  const id = `${m.id}:${u.id}`;
  return {
    type: 'Feature',
    id,
    geometry: {
      type: 'LineString',
      coordinates: [
        [u.lon, u.lat],
        [m.lon, m.lat],
      ],
    },
    properties: { id, status: u.status },
  };
}

/** An akutthjelper's shared phone position while on the mission (accepted or arrived). */
export function responderFeature(a: AlertSummary): Feature | null {
  if (!a.position || (a.state !== 'ACCEPTED' && a.state !== 'ARRIVED')) return null;
  return point(a.id, a.position.lon, a.position.lat, { label: `${a.memberName} (${a.unitName})`, state: a.state });
}

/** The places of a major incident the map shows: where it happened and the scene organisation. */
export const SCENE_POINTS = ['place', 'rendezvous', 'holdingArea', 'casualtyClearing'] as const;
export type ScenePointKind = (typeof SCENE_POINTS)[number];
const SCENE_LABELS: Record<ScenePointKind, string> = {
  place: 'Skadested',
  rendezvous: 'Oppmøteplass',
  holdingArea: 'Venteplass',
  casualtyClearing: 'Samleplass skadde',
};

/** One place of a major incident's scene; null when it is not set. Labels as the Norwegian plans name them. */
export function sceneFeature(m: MajorIncidentSummary, what: ScenePointKind): Feature | null {
  const at = what === 'place' ? { lat: m.lat, lon: m.lon } : m.scene[what];
  if (!at) return null;
  return point(`${m.id}:${what}`, at.lon, at.lat, { kind: what, label: SCENE_LABELS[what], level: m.level });
}
