// The centres of the installation and the kommuner each one covers.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { centresRoutes } from './centres.routes.js';
import { kommunerRoutes } from './kommuner.routes.js';

export const centresModule = fp(
  async (app) => {
    await app.register(centresRoutes({ prisma: app.prisma }), API_V1);
    await app.register(kommunerRoutes({ prisma: app.prisma }), API_V1);
  },
  { name: 'centres', fastify: '5.x', dependencies: ['database'] },
);
