// From the store to GeoJSON features: one function per layer kind, pure, so the diffing in
// map-sync.ts can compare what it drew last with what it should draw now.
import type { CallSummary, MissionSummary, StationSummary, UnitSummary } from '@amk/contracts';

export type Feature = GeoJSON.Feature<GeoJSON.Point | GeoJSON.LineString, Record<string, unknown>>;

const point = (id: string, lon: number, lat: number, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id, ...properties },
});

/** Pixels of the accuracy circle at zoom 0; the layer doubles it per zoom level. */
const radiusAtZoom0 = (radiusM: number, lat: number) => radiusM / (156_543.03 * Math.cos((lat * Math.PI) / 180));

export function callFeatures(calls: CallSummary[]): Feature[] {
  return calls
    .filter((c) => c.lat !== null && c.lon !== null)
    .map((c) =>
      point(c.id, c.lon!, c.lat!, {
        urgency: c.urgency ?? 'none',
        state: c.state,
        label: c.addressText ?? c.callerNumber ?? '',
        radius0: c.positionRadiusM ? radiusAtZoom0(c.positionRadiusM, c.lat!) : 0,
      }),
    );
}

export function unitFeatures(units: UnitSummary[], ownCentreId: string | undefined): Feature[] {
  return units
    .filter((u) => u.lat !== null && u.lon !== null)
    .map((u) => point(u.id, u.lon!, u.lat!, { status: u.status, kind: u.kind, label: u.callSign, own: u.centreId === ownCentreId, crewOk: u.crewOk }));
}

export function stationFeatures(stations: StationSummary[]): Feature[] {
  return stations.map((s) => point(s.id, s.lon, s.lat, { label: s.name }));
}

/** A line from each unit on a mission to the place it is going. */
export function linkFeatures(missions: MissionSummary[], units: Record<string, UnitSummary>): Feature[] {
  const links: Feature[] = [];
  for (const m of missions) {
    if (m.lat === null || m.lon === null) continue;
    for (const mu of m.units) {
      const u = units[mu.unitId];
      if (mu.releasedAt || !u || u.lat === null || u.lon === null) continue;
      const id = `${m.id}:${u.id}`;
      links.push({ type: 'Feature', id, geometry: { type: 'LineString', coordinates: [[u.lon, u.lat], [m.lon, m.lat]] }, properties: { id, status: u.status } });
    }
  }
  return links;
}
