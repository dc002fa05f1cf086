// Which free units reach a call first, and where preparedness has gaps (§ 15 h, i).
import { rankUnits, responseTarget } from '@amk/domain';
import type { PreparednessReport, Recommendation } from '@amk/contracts';
import type { UserActor } from '../../auth/actor.js';
import type { Db } from '../../db/prisma.js';
import type { Unit } from '../../generated/prisma/client.js';
import { badRequest, notFound } from '../../lib/http-error.js';
import type { Routing } from './routing.js';

/** Cars whose road time is asked of the routing service (the rest keep the estimate). */
const ROUTED_CANDIDATES = 5;
const AMBULANCE_KINDS = new Set(['AMBULANCE_CAR', 'AMBULANCE_BOAT', 'HELICOPTER']);

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

  function rank(target: { lat: number; lon: number }, units: UnitAtStation[], ownCentre: string, limit?: number) {
    const byId = new Map(units.map((u) => [u.id, u]));
    const ranked = rankUnits(
      target,
      units.map((u) => ({ id: u.id, kind: u.kind, status: u.status, lat: u.lat, lon: u.lon, positionAt: u.positionAt?.getTime() ?? null, own: u.centreId === ownCentre, station: u.station })),
      { now: Date.now(), ...(limit ? { limit } : {}) },
    );
    return ranked.map((r) => ({ ...r, unit: byId.get(r.id)! }));
  }

  return {
    async forCall(actor: UserActor, callId: string): Promise<{ target: { lat: number; lon: number }; units: Recommendation[] }> {
      const call = await prisma.call.findUnique({ where: { id: callId } });
      if (!call || call.centreId !== actor.centre.id) throw notFound(`no call ${callId} at ${actor.centre.code}`);
      if (call.lat === null || call.lon === null) throw badRequest('the call has no position yet: wait for AML or place it on the map');
      const target = { lat: call.lat, lon: call.lon };
      const ranked = rank(target, await visibleUnits(actor.centre.id), actor.centre.id);
      const result: Recommendation[] = ranked.map((r) => ({
        unitId: r.id, callSign: r.unit.callSign, kind: r.kind, status: r.unit.status, centreId: r.unit.centreId,
        own: r.own, etaMinutes: Math.round(r.etaMinutes * 10) / 10, distanceKm: Math.round(r.distanceKm * 10) / 10, method: r.method,
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
      return { target, units: result };
    },

    async preparedness(actor: UserActor): Promise<PreparednessReport> {
      const centre = await prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
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
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
