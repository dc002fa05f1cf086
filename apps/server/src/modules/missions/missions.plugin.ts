// Missions (oppdrag): units sent to a call, recommended by distance or driving time.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { republishMissionAlerts } from '../akutthjelper/alert-views.js';
import { missionsRoutes } from './missions.routes.js';
import { createMissionsService, type MissionsService } from './missions.service.js';
import { createRecommendationsService, type RecommendationsService } from './recommendations.service.js';
import { osrmRouting } from './routing.js';

declare module 'fastify' {
  interface FastifyInstance {
    missions: MissionsService;
    recommendations: RecommendationsService;
  }
}

export const missionsModule = fp<{ routingUrl: string | undefined }>(
  async (app, { routingUrl }) => {
    const missions = createMissionsService({
      prisma: app.prisma,
      transact: app.transact,
      units: app.units,
      resolveKommune: app.kommuner.kommunenummerAt,
      // Akutthjelpere alerted to a mission follow it.
      onChanged: republishMissionAlerts,
    });
    app.unitHooks.onStatusChangedOnMission(missions.onMissionUnitStatus);
    const recommendations = createRecommendationsService({ prisma: app.prisma, routing: routingUrl ? osrmRouting(routingUrl) : null });
    app.decorate('missions', missions);
    app.decorate('recommendations', recommendations);
    await app.register(missionsRoutes({ missions, recommendations }), API_V1);
  },
  { name: 'missions', fastify: '5.x', dependencies: ['realtime', 'geo', 'units'] },
);
