// Liveness and readiness, outside /api/v1 where load balancers expect them.
import fp from 'fastify-plugin';
import { healthRoutes } from './health.routes.js';

export const healthModule = fp(
  async (app) => {
    await app.register(healthRoutes({ prisma: app.prisma }));
  },
  { name: 'health', fastify: '5.x', dependencies: ['database'] },
);
