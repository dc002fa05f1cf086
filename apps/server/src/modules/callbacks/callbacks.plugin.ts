// The callback list: calls the centre must ring back (a dropped call, a promised call).
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { callbacksRoutes } from './callbacks.routes.js';
import { createCallbacksService } from './callbacks.service.js';

export const callbacksModule = fp(
  async (app) => {
    await app.register(callbacksRoutes({ callbacks: createCallbacksService({ prisma: app.prisma, transact: app.transact }) }), API_V1);
  },
  { name: 'callbacks', fastify: '5.x', dependencies: ['realtime'] },
);
