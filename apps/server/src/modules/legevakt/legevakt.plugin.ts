// The legevakt's roster: which doctor is on call, when, for which kommuner.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { rosterRoutes } from './roster.routes.js';
import { createRosterService } from './roster.service.js';

export const legevaktModule = fp(
  async (app) => {
    await app.register(rosterRoutes({ roster: createRosterService(app.prisma) }), API_V1);
  },
  { name: 'legevakt', fastify: '5.x', dependencies: ['database'] },
);
