// The triage index (Norsk indeks for medisinsk nødhjelp) each centre answers by.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { triageRoutes } from './triage.routes.js';
import { createTriageService } from './triage.service.js';

export const triageModule = fp(
  async (app) => {
    await app.register(triageRoutes({ triage: createTriageService(app.prisma) }), API_V1);
  },
  { name: 'triage', fastify: '5.x', dependencies: ['database'] },
);
