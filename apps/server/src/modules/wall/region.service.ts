// § 14 e: one AMK per health region coordinates; its supervisors see every AMK of the region, read
// only: preparedness per kommune, units and open missions. Figures and unit positions, never a
// patient's details; every look is audited in the reader's centre and in each centre looked at.
import type { RegionOverview } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { UserActor } from '../../auth/actor.js';
import { forbidden } from '../../lib/http-error.js';
import { writeAudit } from '../audit/audit.service.js';
import type { MissionsService } from '../missions/missions.service.js';
import type { RecommendationsService } from '../missions/recommendations.service.js';
import { toUnitSummary } from '../units/unit-summary.js';

export function createRegionService({
  prisma,
  recommendations,
  missions,
}: {
  prisma: Db;
  recommendations: RecommendationsService;
  missions: MissionsService;
}) {
  return {
    async overview(actor: UserActor, ip: string): Promise<RegionOverview> {
      const own = await prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
      if (!own.coordinatesRegion || !own.region) throw forbidden('wall.notCoordinating', { centre: own.code });
      const region = own.region;
      const centres = await prisma.centre.findMany({ where: { kind: 'AMK', region }, orderBy: { code: 'asc' } });
      const overview: RegionOverview = {
        at: new Date().toISOString(),
        region,
        centres: await Promise.all(
          centres.map(async (c) => {
            const [preparedness, units, openMissions] = await Promise.all([
              recommendations.preparednessOf(c.id),
              prisma.unit.findMany({ where: { centreId: c.id }, orderBy: { callSign: 'asc' } }),
              missions.listOpen(prisma, c.id),
            ]);
            return { centre: { id: c.id, code: c.code, name: c.name }, preparedness, units: units.map(toUnitSummary), openMissions };
          }),
        ),
      };
      for (const c of centres)
        await writeAudit(prisma, actor, {
          action: 'region.overview.read',
          entityType: 'Centre',
          entityId: c.id,
          centreId: c.id,
          detail: { region, missions: overview.centres.find((x) => x.centre.id === c.id)!.openMissions.length },
          ip,
        });
      if (!centres.some((c) => c.id === own.id))
        await writeAudit(prisma, actor, { action: 'region.overview.read', entityType: 'Centre', entityId: own.id, detail: { region }, ip });
      return overview;
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
