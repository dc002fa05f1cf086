import type { MissionDetail, MissionSummary } from '@amk/contracts';
import type { Tx, Db } from '@amk/db';
import { iso } from '../../lib/iso.js';

/** Rows are only added or stamped, never unstamped: the latest of their times only moves forward. */
const latest = (dates: (Date | null)[]): Date => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));

/** Reads a mission with its units, timeline and response time (call answered → first on scene). */
export async function readMission(db: Db | Tx, missionId: string): Promise<MissionDetail> {
  const m = await db.mission.findUniqueOrThrow({
    where: { id: missionId },
    include: { units: { include: { unit: true }, orderBy: { assignedAt: 'asc' } }, call: true },
  });
  const changes = await db.unitStatusChange.findMany({ where: { missionId }, include: { unit: true }, orderBy: { at: 'asc' } });
  const start = m.call?.answeredAt ?? m.call?.ringingAt ?? m.createdAt;
  const firstOnScene = changes.find((c) => c.status === 'ON_SCENE');
  const summary: MissionSummary = {
    id: m.id,
    centreId: m.centreId,
    callId: m.callId,
    incidentId: m.incidentId,
    kind: m.kind,
    urgency: m.urgency,
    eventType: m.eventType,
    lat: m.lat,
    lon: m.lon,
    kommunenummer: m.kommunenummer,
    createdAt: m.createdAt.toISOString(),
    closedAt: iso(m.closedAt),
    outcome: m.outcome,
    units: m.units.map((u) => ({
      unitId: u.unitId,
      callSign: u.unit.callSign,
      assignedAt: u.assignedAt.toISOString(),
      releasedAt: iso(u.releasedAt),
      crewOverrideReason: u.crewOverrideReason,
    })),
    responseMinutes: firstOnScene ? Math.round(((firstOnScene.at.getTime() - start.getTime()) / 60_000) * 10) / 10 : null,
    updatedAt: latest([
      m.createdAt,
      m.closedAt,
      ...m.units.flatMap((u) => [u.assignedAt, u.releasedAt]),
      ...changes.map((c) => c.at),
    ]).toISOString(),
  };
  return {
    ...summary,
    timeline: changes.map((c) => ({
      at: c.at.toISOString(),
      unitId: c.unitId,
      callSign: c.unit.callSign,
      status: c.status,
      source: c.source,
      reason: c.reason,
    })),
  };
}

export function summaryOf(detail: MissionDetail): MissionSummary {
  const { timeline: _timeline, ...summary } = detail;
  return summary;
}
