// Users' competence records (akuttmedisinforskriften § 8, § 13 f, § 15 l).
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { usersRoutes } from './users.routes.js';
import { createUsersService } from './users.service.js';

export const usersModule = fp(
  async (app) => {
    await app.register(usersRoutes({ users: createUsersService({ prisma: app.prisma }) }), API_V1);
  },
  { name: 'users', fastify: '5.x', dependencies: ['database'] },
);
