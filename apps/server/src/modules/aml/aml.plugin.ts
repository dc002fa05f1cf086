// AML: the caller's handset position, attached to its call when the call is registered.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { amlRoutes } from './aml.routes.js';
import { createAmlService } from './aml.service.js';
import { attachPositionsOnCall } from './attach-positions-on-call.js';

export const amlModule = fp(
  async (app) => {
    const aml = createAmlService({ prisma: app.prisma, transact: app.transact, kommuneAt: app.kommuner.resolve });
    attachPositionsOnCall(app.callHooks, aml);
    await app.register(amlRoutes({ aml }), API_V1);
  },
  // After recordings: a registered call gets its early recordings linked first, then its position.
  { name: 'aml', fastify: '5.x', dependencies: ['calls', 'geo', 'recordings'] },
);
