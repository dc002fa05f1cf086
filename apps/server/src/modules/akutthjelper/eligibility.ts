// Who may be alerted for a mission: the rule (only AMK, only the four event types, only units with
// an agreement in force that covers the patient's kommune and the event type) and then the
// on-duty members with valid training of those units, nearest first.
import { checkAkutthjelperAlert, norwegianDate, rankResponders, type AkutthjelperAlertResult } from '@amk/domain';
import type { UserActor } from '../../auth/actor.js';
import type { Db, Mission, Tx } from '@amk/db';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export interface Candidate {
  memberId: string;
  memberName: string;
  unitName: string;
  organisationKind: 'BRANN' | 'FORF';
  distanceKm: number;
  channel: 'PAGE' | 'SMS';
}

export async function eligibility(
  db: Db | Tx,
  actor: UserActor,
  mission: Mission,
  eventType: string | null,
  /** the main rule (the four event types) is overridden with a reason (checked by the caller) */
  overrideMainRule = false,
): Promise<{ refusal: Extract<AkutthjelperAlertResult, { ok: false }> | null; candidates: Candidate[] }> {
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
    return { refusal, candidates: [] };
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
    };
  }
  const units = new Map(eligible.map((c) => [c.a.unit.id, c.a.unit]));
  const members = [...units.values()].flatMap((u) =>
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
  const byId = new Map(members.map((m) => [m.id, m]));
  return {
    refusal: null,
    candidates: ranked.map((r) => {
      const m = byId.get(r.id)!;
      return {
        memberId: m.id,
        memberName: m.member.name,
        unitName: m.unit.name,
        organisationKind: m.unit.organisation.kind,
        distanceKm: Math.round(r.distanceKm * 100) / 100,
        channel: m.member.userId ? 'PAGE' : 'SMS',
      };
    }),
  };
}
