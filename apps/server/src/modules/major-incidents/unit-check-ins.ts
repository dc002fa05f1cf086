// The units sent to a major incident (on an open mission for one of its calls) and whether each has
// checked in at the holding area, with the time it should have by (packages/domain
// major-incident-units.ts). Read for the incident's detail and counted on the wall.
import { checkInDue, isCheckInOverdue } from '@amk/domain';
import type { MajorIncidentUnit } from '@amk/contracts';
import type { Db, MajorIncident, Tx } from '@amk/db';

/** Units on the incident's open missions, and any that checked in since, with their due times. */
export async function unitsSentTo(db: Db | Tx, m: MajorIncident): Promise<MajorIncidentUnit[]> {
  const onMissions = await db.missionUnit.findMany({
    where: {
      releasedAt: null,
      mission: { closedAt: null, OR: [{ incidentId: m.incidentId }, { call: { incidentId: m.incidentId } }] },
    },
    include: { unit: { include: { station: true } } },
    orderBy: { assignedAt: 'asc' },
  });
  const checkIns = await db.majorIncidentCheckIn.findMany({ where: { majorIncidentId: m.id }, include: { unit: true } });
  const checkedIn = new Map(checkIns.map((c) => [c.unitId, c]));
  const holdingArea =
    m.holdingAreaLat !== null && m.holdingAreaLon !== null ? { lat: m.holdingAreaLat, lon: m.holdingAreaLon } : { lat: m.lat, lon: m.lon };
  const seen = new Set<string>();
  const units: MajorIncidentUnit[] = [];
  for (const mu of onMissions) {
    if (seen.has(mu.unitId)) continue;
    seen.add(mu.unitId);
    const u = mu.unit;
    const from = u.station
      ? { lat: u.station.lat, lon: u.station.lon }
      : u.lat !== null && u.lon !== null
        ? { lat: u.lat, lon: u.lon }
        : null;
    const c = checkedIn.get(u.id);
    units.push({
      unitId: u.id,
      callSign: u.callSign,
      kind: u.kind,
      centreId: u.centreId,
      status: u.status,
      assignedAt: mu.assignedAt.toISOString(),
      dueAt: new Date(checkInDue({ kind: u.kind, from, assignedAt: mu.assignedAt.getTime() }, holdingArea)).toISOString(),
      checkedInAt: c?.at.toISOString() ?? null,
      checkedInBy: c?.by ?? null,
    });
  }
  // Checked in, then sent on (a transport) or released: still part of the incident's account.
  for (const c of checkIns) {
    if (seen.has(c.unitId)) continue;
    units.push({
      unitId: c.unitId,
      callSign: c.unit.callSign,
      kind: c.unit.kind,
      centreId: c.unit.centreId,
      status: c.unit.status,
      assignedAt: null,
      dueAt: null,
      checkedInAt: c.at.toISOString(),
      checkedInBy: c.by,
    });
  }
  return units;
}

/** How many units of the list should have checked in by now and have not. */
export const overdueCount = (units: MajorIncidentUnit[], now: number): number =>
  units.filter((u) => u.dueAt !== null && isCheckInOverdue(Date.parse(u.dueAt), u.checkedInAt ? Date.parse(u.checkedInAt) : null, now))
    .length;
