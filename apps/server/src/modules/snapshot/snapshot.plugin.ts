// What a console loads before it listens: everything it may see, as of one event seq.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { snapshotRoutes } from './snapshot.routes.js';
import { createSnapshotService } from './snapshot.service.js';

export const snapshotModule = fp(
  async (app) => {
    const snapshot = createSnapshotService(app.prisma, {
      transfersFor: app.transfers.listFor,
      notificationsFor: app.notifications.listForCentre,
      missionsFor: app.missions.listOpen,
      takeoversFor: app.takeovers.listFor,
      unitLoansFor: app.mutualAid.listFor,
      deliveredSeq: () => app.pump.cursor,
    });
    await app.register(snapshotRoutes({ snapshot }), API_V1);
  },
  { name: 'snapshot', fastify: '5.x', dependencies: ['realtime', 'transfers', 'notifications', 'missions', 'takeovers', 'mutual-aid'] },
);
