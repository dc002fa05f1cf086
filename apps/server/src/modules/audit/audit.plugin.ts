// Reading the audit log (every read of patient data is written to it by the module that reads).
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule = fp(
  async (app) => {
    await app.register(auditRoutes({ prisma: app.prisma }), API_V1);
  },
  { name: 'audit', fastify: '5.x', dependencies: ['database'] },
);
