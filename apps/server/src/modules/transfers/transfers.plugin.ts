// Hand-overs of a call between centres.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { transfersRoutes } from './transfers.routes.js';
import { createTransfersService, type TransfersService } from './transfers.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    transfers: TransfersService;
  }
}

export const transfersModule = fp(
  async (app) => {
    const transfers = createTransfersService({ prisma: app.prisma, transact: app.transact });
    app.decorate('transfers', transfers);
    await app.register(transfersRoutes({ transfers, prisma: app.prisma }), API_V1);
  },
  { name: 'transfers', fastify: '5.x', dependencies: ['realtime'] },
);
