import type { StationSummary, UnitSummary } from '@amk/contracts';
import type { Station, Unit } from '@amk/db';
import { iso } from '../../lib/iso.js';

export function toUnitSummary(u: Unit): UnitSummary {
  return {
    id: u.id,
    callSign: u.callSign,
    kind: u.kind,
    centreId: u.centreId,
    stationId: u.stationId,
    status: u.status,
    statusAt: u.statusAt.toISOString(),
    lat: u.lat,
    lon: u.lon,
    positionAt: iso(u.positionAt),
    crewOk: u.crewOk,
    crewProblem: u.crewProblem,
    crewOverride: u.crewOverrideReason
      ? { reason: u.crewOverrideReason, at: (u.crewOverrideAt ?? u.statusAt).toISOString(), by: u.crewOverrideBy ?? '' }
      : null,
    lentToCentreId: u.lentToCentreId,
  };
}

export function toStationSummary(s: Station): StationSummary {
  return { id: s.id, centreId: s.centreId, name: s.name, lat: s.lat, lon: s.lon, kommunenummer: s.kommunenummer };
}
