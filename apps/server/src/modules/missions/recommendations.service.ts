// Which free units reach a call first, and where preparedness has gaps (§ 15 h, i).
import {
  DEFAULT_MAX_POSITION_AGE_MS,
  haversineKm,
  isSubjectToSection11,
  rankUnits,
  responseTarget,
  whyNotRanked,
  type RankableUnit,
} from '@amk/domain';
import type { ExcludedUnit, PreparednessReport, Recommendation, RecommendationList } from '@amk/contracts';
import type { UserActor } from '../../auth/actor.js';
import type { Db, Unit } from '@amk/db';
import { badRequest, notFound } from '../../lib/http-error.js';
import type { Routing } from './routing.js';

/** Cars whose road time is asked of the routing service (the rest keep the estimate). */
const ROUTED_CANDIDATES = 5;
const AMBULANCE_KINDS = new Set(['AMBULANCE_CAR', 'AMBULANCE_BOAT', 'HELICOPTER']);
/** Units left out of the ranking listed under it: the nearest this many. */
const EXCLUDED_LISTED = 12;

export function createRecommendationsService({ prisma, routing }: { prisma: Db; routing: Routing | null }) {
  type UnitAtStation = Unit & { station: { lat: number; lon: number } | null };

  async function visibleUnits(centreId: string): Promise<UnitAtStation[]> {
    const centre = await prisma.centre.findUniqueOrThrow({ where: { id: centreId } });
    return prisma.unit.findMany({
      where: { centreId: { in: [centre.id, ...centre.neighbourCentreIds] } },
      include: { station: { select: { lat: true, lon: true } } },
    });
  }

  /** Where the ranking placed the unit: its station when it is at the station, else its report. */
  function placeOf(u: UnitAtStation): { lat: number; lon: number } {
    return u.status === 'AVAILABLE_AT_STATION' && u.station ? u.station : { lat: u.lat!, lon: u.lon! };
  }

  /** What the ranking knows of a unit. A crew failing § 11 is not ranked (a legevakt car's flag is not § 11). */
  function rankable(u: UnitAtStation, ownCentre: string): RankableUnit {
    return {
      id: u.id,
      kind: u.kind,
      status: u.status,
      lat: u.lat,
      lon: u.lon,
      positionAt: u.positionAt?.getTime() ?? null,
      own: u.centreId === ownCentre,
      station: u.station,
      crewOk: u.crewOk || !isSubjectToSection11(u.kind),
    };
  }

  function rank(target: { lat: number; lon: number }, units: UnitAtStation[], ownCentre: string, limit?: number) {
    const byId = new Map(units.map((u) => [u.id, u]));
    const ranked = rankUnits(
      target,
      units.map((u) => rankable(u, ownCentre)),
      { now: Date.now(), ...(limit ? { limit } : {}) },
    );
    return ranked.map((r) => ({ ...r, unit: byId.get(r.id)! }));
  }

  /**
   * The units the operator might look for that the ranking left out, nearest first, with the
   * reason: crew fails § 11, position too old, on another mission; and free units of other
   * centres covering the same kommuner, which this centre does not dispatch.
   */
  async function excludedFor(
    target: { lat: number; lon: number },
    units: UnitAtStation[],
    actorCentre: { id: string; kommuner: string[] },
    dispatchable: string[],
  ): Promise<ExcludedUnit[]> {
    const now = Date.now();
    const distance = (u: UnitAtStation) => {
      const at =
        u.status === 'AVAILABLE_AT_STATION' && u.station
          ? u.station
          : u.lat !== null && u.lon !== null
            ? { lat: u.lat, lon: u.lon }
            : u.station;
      return at ? Math.round(haversineKm(target, at) * 10) / 10 : null;
    };
    const row = (u: UnitAtStation, reason: ExcludedUnit['reason']): ExcludedUnit => ({
      unitId: u.id,
      callSign: u.callSign,
      kind: u.kind,
      status: u.status,
      centreId: u.centreId,
      own: u.centreId === actorCentre.id,
      reason,
      crewProblem: reason === 'CREW_FAILS_SECTION_11' ? u.crewProblem : null,
      positionAgeMinutes: reason === 'POSITION_STALE' && u.positionAt ? Math.round((now - u.positionAt.getTime()) / 60_000) : null,
      crewOverrideReason: u.crewOverrideReason,
      distanceKm: distance(u),
    });
    const out: ExcludedUnit[] = [];
    for (const u of units) {
      const why = whyNotRanked(rankable(u, actorCentre.id), now);
      if (why && why !== 'NOT_IN_SERVICE') out.push(row(u, why));
    }
    const others = await prisma.unit.findMany({
      where: {
        centreId: { notIn: dispatchable },
        centre: { kommuner: { hasSome: actorCentre.kommuner } },
        status: { in: ['AVAILABLE_AT_STATION', 'AVAILABLE_ON_THE_MOVE'] },
      },
      include: { station: { select: { lat: true, lon: true } } },
    });
    for (const u of others) out.push(row(u, 'OTHER_CENTRE'));
    return out.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity)).slice(0, EXCLUDED_LISTED);
  }

  /** A centre's preparedness: for its own operators, and for the region's coordinating AMK (§ 14 e). */
  async function preparednessOf(centreId: string): Promise<PreparednessReport> {
    const centre = await prisma.centre.findUniqueOrThrow({ where: { id: centreId } });
    const [kommuner, units] = await Promise.all([
      prisma.kommune.findMany({ where: { nummer: { in: centre.kommuner } }, orderBy: { navn: 'asc' } }),
      visibleUnits(centre.id),
    ]);
    const ambulances = units.filter((u) => AMBULANCE_KINDS.has(u.kind));
    return {
      at: new Date().toISOString(),
      kommuner: kommuner.map((k) => {
        const guideline = responseTarget(k.settlementClass).withinMinutes;
        const ranked = rank({ lat: k.lat, lon: k.lon }, ambulances, centre.id);
        const nearest = ranked[0];
        const inReach = ranked.filter((r) => r.etaMinutes <= guideline).length;
        return {
          kommunenummer: k.nummer,
          kommunenavn: k.navn,
          settlementClass: k.settlementClass,
          guidelineMinutes: guideline,
          freeAmbulances: inReach,
          nearestFreeEtaMinutes: nearest ? Math.round(nearest.etaMinutes * 10) / 10 : null,
          nearestFreeCallSign: nearest?.unit.callSign ?? null,
          gap: !nearest || nearest.etaMinutes > guideline,
        };
      }),
    };
  }

  return {
    async forCall(actor: UserActor, callId: string): Promise<RecommendationList> {
      const call = await prisma.call.findUnique({ where: { id: callId } });
      if (!call || call.centreId !== actor.centre.id) throw notFound('call.notFound', { id: callId, centre: actor.centre.code });
      if (call.lat === null || call.lon === null) throw badRequest('recommendation.noPosition');
      const target = { lat: call.lat, lon: call.lon };
      const centre = await prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
      const visible = await visibleUnits(actor.centre.id);
      const ranked = rank(target, visible, actor.centre.id);
      const result: Recommendation[] = ranked.map((r) => ({
        unitId: r.id,
        callSign: r.unit.callSign,
        kind: r.kind,
        status: r.unit.status,
        centreId: r.unit.centreId,
        own: r.own,
        etaMinutes: Math.round(r.etaMinutes * 10) / 10,
        distanceKm: Math.round(r.distanceKm * 10) / 10,
        method: r.method,
      }));
      if (routing) {
        const cars = result.filter((r) => r.method === 'road').slice(0, ROUTED_CANDIDATES);
        await Promise.all(
          cars.map(async (r) => {
            const u = ranked.find((x) => x.id === r.unitId)!.unit;
            const minutes = await routing.drivingMinutes(placeOf(u), target);
            if (minutes !== null) Object.assign(r, { etaMinutes: Math.round(minutes * 10) / 10, method: 'routing' as const });
          }),
        );
        result.sort((a, b) => a.etaMinutes - b.etaMinutes);
      }
      const excluded = await excludedFor(target, visible, centre, [centre.id, ...centre.neighbourCentreIds]);
      return { target, units: result, excluded, maxPositionAgeMinutes: DEFAULT_MAX_POSITION_AGE_MS / 60_000 };
    },

    preparedness: (actor: UserActor): Promise<PreparednessReport> => preparednessOf(actor.centre.id),

    preparednessOf,
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
