// Akutthjelper reports for a period: missions per organisation and kommune, time from alert to
// arrival, the share who arrived before the ambulance, and bistand requests counted apart.
import type { Db } from '@amk/db';

export async function akutthjelperReport(prisma: Db, centreId: string, from: Date, to: Date) {
  const alerts = await prisma.akutthjelperAlert.findMany({
    where: { mission: { centreId, createdAt: { gte: from, lt: to } } },
    include: { member: { include: { unit: { include: { organisation: true } } } }, mission: true },
  });
  const byOrg = new Map<
    string,
    { organisationId: string; name: string; kind: 'BRANN' | 'FORF'; missions: Set<string>; arrivals: number }
  >();
  const byKommune = new Map<string | null, Set<string>>();
  /** A mission counted for the organisation alerted and the kommune it was in; the organisation's entry. */
  const countMission = (org: { id: string; name: string; kind: 'BRANN' | 'FORF' }, missionId: string, kommunenummer: string | null) => {
    const entry = byOrg.get(org.id) ?? { organisationId: org.id, name: org.name, kind: org.kind, missions: new Set(), arrivals: 0 };
    entry.missions.add(missionId);
    byOrg.set(org.id, entry);
    const k = byKommune.get(kommunenummer) ?? new Set<string>();
    k.add(missionId);
    byKommune.set(kommunenummer, k);
    return entry;
  };
  const minutes: number[] = [];
  let before = 0;
  let known = 0;
  const firstOnScene = new Map<string, Date | null>();
  const overrideMissions = new Set<string>();
  let overrideAlerts = 0;
  for (const a of alerts) {
    if (a.mainRuleOverrideReason) {
      overrideMissions.add(a.missionId);
      overrideAlerts++;
    }
    const entry = countMission(a.member.unit.organisation, a.missionId, a.mission.kommunenummer);
    if (!a.arrivedAt) continue;
    entry.arrivals++;
    minutes.push((a.arrivedAt.getTime() - a.alertedAt.getTime()) / 60_000);
    if (!firstOnScene.has(a.missionId)) {
      const onScene = await prisma.unitStatusChange.findFirst({
        where: { missionId: a.missionId, status: 'ON_SCENE' },
        orderBy: { at: 'asc' },
      });
      firstOnScene.set(a.missionId, onScene?.at ?? null);
    }
    const ambulance = firstOnScene.get(a.missionId);
    // Before the ambulance: arrived first, or the ambulance has not arrived at all.
    known++;
    if (!ambulance || a.arrivedAt < ambulance) before++;
  }
  // Fire-service units alerted as units through 110 count as missions of their organisation too.
  const unitAlerts = await prisma.akutthjelperUnitAlert.findMany({
    where: { mission: { centreId, createdAt: { gte: from, lt: to } } },
    include: { unit: { include: { organisation: true } }, mission: true },
  });
  for (const a of unitAlerts) {
    countMission(a.unit.organisation, a.missionId, a.mission.kommunenummer);
    if (a.mainRuleOverrideReason) overrideMissions.add(a.missionId);
  }
  minutes.sort((x, y) => x - y);
  const median = minutes.length
    ? minutes.length % 2
      ? minutes[(minutes.length - 1) / 2]!
      : (minutes[minutes.length / 2 - 1]! + minutes[minutes.length / 2]!) / 2
    : null;
  const bistand = await prisma.bistandRequest.groupBy({
    by: ['kind'],
    where: { centreId, createdAt: { gte: from, lt: to } },
    _count: { _all: true },
  });
  const count = (kind: string) => bistand.find((b) => b.kind === kind)?._count._all ?? 0;
  const acknowledged = await prisma.bistandRequest.count({
    where: { centreId, createdAt: { gte: from, lt: to }, acknowledgedAt: { not: null } },
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    byOrganisation: [...byOrg.values()].map(({ missions, ...o }) => ({ ...o, missions: missions.size })),
    byKommune: [...byKommune.entries()].map(([kommunenummer, s]) => ({ kommunenummer, missions: s.size })),
    medianAlertToArrivalMinutes: median === null ? null : Math.round(median * 10) / 10,
    arrivedBeforeAmbulance: before,
    arrivalsWithAmbulanceKnown: known,
    shareBeforeAmbulance: known ? before / known : null,
    bistand: { helse: count('HELSE'), kommune: count('KOMMUNE'), acknowledged },
    mainRuleOverrides: { missions: overrideMissions.size, alerts: overrideAlerts },
  };
}
