// Mutual aid between centres (§ 10 d, § 15 i): ask a neighbour for a unit, lend, decline, withdraw.
// The loan's end belongs to the units module (units/unit-loans.ts): a unit goes home when released.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { mutualAidRoutes } from './mutual-aid.routes.js';
import { createMutualAidService, type MutualAidService } from './mutual-aid.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    mutualAid: MutualAidService;
  }
}

export const mutualAidModule = fp(
  async (app) => {
    const mutualAid = createMutualAidService({ prisma: app.prisma, transact: app.transact, missions: app.missions });
    app.decorate('mutualAid', mutualAid);
    await app.register(mutualAidRoutes({ mutualAid }), API_V1);
  },
  { name: 'mutual-aid', fastify: '5.x', dependencies: ['realtime', 'missions', 'units'] },
);
