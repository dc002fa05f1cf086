// Who may be alerted for a mission: the rule (only AMK, only the four event types, only units with
// an agreement in force that covers the patient's kommune and the event type) and then the
// on-duty members with valid training of those units, nearest first — only those who can
// plausibly arrive before the ambulance (akutthjelper-reach in the domain), the rest counted by
// reason so the operator sees why they are not proposed.
import {
  checkAkutthjelperAlert,
  hasArrived,
  haversineKmRaw,
  limitByReach,
  norwegianDate,
  rankResponders,
  travelMinutes,
  type AkutthjelperAlertResult,
} from '@amk/domain';
import type { UserActor } from '../../auth/actor.js';
import type { Db, Mission, Tx } from '@amk/db';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export interface Candidate {
  memberId: string;
  memberName: string;
  unitName: string;
  organisationKind: 'BRANN' | 'FORF';
  distanceKm: number;
  roadKm: number;
  etaMinutes: number;
  channel: 'PAGE' | 'SMS';
}

/** A fire-service unit whose agreement has it alerted as a unit, through the 110-centre. */
export interface UnitCandidate {
  unitId: string;
  unitName: string;
  organisationName: string;
  distanceKm: number;
  roadKm: number;
  etaMinutes: number;
  via: 'FIRE_CENTRE';
}

export interface Reach {
  maxRoadKm: number;
  ambulanceEtaMinutes: number | null;
  tooFar: number;
  notBeforeAmbulance: number;
  /** Norwegian, e.g. "3 lenger unna enn 5 km" */
  reasons: string[];
}

const AMBULANCE_KINDS = new Set(['AMBULANCE_CAR', 'AMBULANCE_BOAT', 'HELICOPTER', 'PLANE']);

/**
 * The first dispatched ambulance's estimated minutes to the patient, from where it is now (its
 * last position, or its station if it has none); 0 once one is there; null when none is known.
 */
async function ambulanceEta(db: Db | Tx, mission: Mission): Promise<number | null> {
  if (mission.lat === null || mission.lon === null) return null;
  const onMission = await db.missionUnit.findMany({
    where: { missionId: mission.id, releasedAt: null },
    include: { unit: { include: { station: true } } },
  });
  let best: number | null = null;
  for (const { unit } of onMission) {
    if (!AMBULANCE_KINDS.has(unit.kind)) continue;
    let eta: number | null = null;
    if (hasArrived(unit.status)) eta = 0;
    else {
      const lat = unit.lat ?? unit.station?.lat ?? null;
      const lon = unit.lon ?? unit.station?.lon ?? null;
      if (lat !== null && lon !== null) eta = travelMinutes(unit.kind, haversineKmRaw(lat, lon, mission.lat, mission.lon));
    }
    if (eta !== null && (best === null || eta < best)) best = eta;
  }
  return best;
}

export async function eligibility(
  db: Db | Tx,
  actor: UserActor,
  mission: Mission,
  eventType: string | null,
  /** the main rule (the four event types) is overridden with a reason (checked by the caller) */
  overrideMainRule = false,
): Promise<{
  refusal: Extract<AkutthjelperAlertResult, { ok: false }> | null;
  candidates: Candidate[];
  unitCandidates: UnitCandidate[];
  reach: Reach | null;
}> {
  const today = norwegianDate(new Date());
  const base = {
    actorRole: actor.role,
    actorCentreKind: actor.centre.kind,
    eventType,
    patientKommune: mission.kommunenummer,
    today,
    overrideMainRule,
  };
  const agreements = await db.akutthjelperAgreement.findMany({
    where: { centreId: actor.centre.id },
    include: { unit: { include: { organisation: true, members: true } } },
  });
  const checks = agreements.map((a) => ({
    a,
    result: checkAkutthjelperAlert({
      ...base,
      agreement: { validFrom: day(a.validFrom)!, validTo: day(a.validTo), kommuner: a.kommuner, eventTypes: a.eventTypes },
    }),
  }));
  const eligible = checks.filter((c) => c.result.ok);
  if (!eligible.length) {
    // Tell the operator the most telling reason: the rule itself before any one agreement.
    const first = checks.find((c) => !c.result.ok)?.result as Extract<AkutthjelperAlertResult, { ok: false }> | undefined;
    const noAgreement = checkAkutthjelperAlert({
      ...base,
      agreement: {
        validFrom: today,
        validTo: null,
        kommuner: mission.kommunenummer ? [mission.kommunenummer] : [],
        eventTypes: eventType ? [eventType] : [],
      },
    });
    const refusal = !noAgreement.ok
      ? noAgreement
      : (first ?? {
          ok: false as const,
          code: 'AGREEMENT_NOT_VALID' as const,
          reason: 'Ingen akutthjelperavtale for denne sentralen.',
          offerBistand: true,
        });
    return { refusal, candidates: [], unitCandidates: [], reach: null };
  }
  if (mission.lat === null || mission.lon === null) {
    return {
      refusal: {
        ok: false,
        code: 'NO_KOMMUNE',
        reason: 'Oppdraget har ingen posisjon ennå; akutthjelpere kan ikke foreslås.',
        offerBistand: false,
      },
      candidates: [],
      unitCandidates: [],
      reach: null,
    };
  }
  const units = new Map(eligible.map((c) => [c.a.unit.id, c.a.unit]));
  // A fire-service unit whose agreement says so is alerted as a unit through 110, not member by member.
  const viaFireCentre = new Set(
    eligible.filter((c) => c.a.alertVia === 'FIRE_CENTRE' && c.a.unit.organisation.kind === 'BRANN').map((c) => c.a.unit.id),
  );
  const members = [...units.values()]
    .filter((u) => !viaFireCentre.has(u.id))
    .flatMap((u) =>
      u.members.map((m) => ({
        id: m.id,
        lat: m.lat ?? u.lat,
        lon: m.lon ?? u.lon,
        onDuty: m.onDuty,
        trainingValidUntil: day(m.trainingValidUntil),
        unit: u,
        member: m,
      })),
    );
  const ranked = rankResponders({ lat: mission.lat, lon: mission.lon }, members, today);
  const centre = await db.centre.findUniqueOrThrow({ where: { id: actor.centre.id }, select: { akutthjelperMaxRoadKm: true } });
  const ambulanceEtaMinutes = await ambulanceEta(db, mission);
  // Units via 110 are weighed by the same reach as members, from their station.
  const { lat, lon } = mission;
  const fireUnits = [...viaFireCentre].map((id) => {
    const u = units.get(id)!;
    return { id, distanceKm: haversineKmRaw(lat, lon, u.lat, u.lon), unit: true as boolean };
  });
  const weighed = [...ranked.map((r) => ({ ...r, unit: false })), ...fireUnits].sort((a, b) => a.distanceKm - b.distanceKm);
  const { proposed, tooFar, notBeforeAmbulance, reasons } = limitByReach(weighed, {
    maxRoadKm: centre.akutthjelperMaxRoadKm,
    ambulanceEtaMinutes,
  });
  const byId = new Map(members.map((m) => [m.id, m]));
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    refusal: null,
    unitCandidates: proposed
      .filter((r) => r.unit)
      .map((r) => {
        const u = units.get(r.id)!;
        return {
          unitId: u.id,
          unitName: u.name,
          organisationName: u.organisation.name,
          distanceKm: round2(r.distanceKm),
          roadKm: round2(r.roadKm),
          etaMinutes: Math.round(r.etaMinutes * 10) / 10,
          via: 'FIRE_CENTRE' as const,
        };
      }),
    candidates: proposed
      .filter((r) => !r.unit)
      .map((r) => {
        const m = byId.get(r.id)!;
        return {
          memberId: m.id,
          memberName: m.member.name,
          unitName: m.unit.name,
          organisationKind: m.unit.organisation.kind,
          distanceKm: round2(r.distanceKm),
          roadKm: round2(r.roadKm),
          etaMinutes: Math.round(r.etaMinutes * 10) / 10,
          channel: m.member.userId ? 'PAGE' : 'SMS',
        };
      }),
    reach: {
      maxRoadKm: centre.akutthjelperMaxRoadKm,
      ambulanceEtaMinutes: ambulanceEtaMinutes === null ? null : Math.round(ambulanceEtaMinutes * 10) / 10,
      tooFar,
      notBeforeAmbulance,
      reasons,
    },
  };
}
