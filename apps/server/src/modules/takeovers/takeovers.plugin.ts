// Backup centres and takeovers (§ 15 p, § 12 d). The acting itself is the auth plugin's
// (centre-cover.ts); here: the routes, the sweep that ends takeovers at their planned end, and the
// audit of every write a backup's user made on a taken-over centre's behalf.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { type PeriodicJob, periodicJob } from '../../lib/periodic-job.js';
import { writeAudit } from '../audit/audit.service.js';
import { takeoversRoutes } from './takeovers.routes.js';
import { createTakeoversService, type TakeoversService } from './takeovers.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    takeovers: TakeoversService;
    takeoverSweep: PeriodicJob<unknown>;
  }
}

const SWEEP_MS = 30_000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const takeoversModule = fp(
  async (app) => {
    const takeovers = createTakeoversService({ prisma: app.prisma, transact: app.transact });
    app.decorate('takeovers', takeovers);
    await app.register(takeoversRoutes({ takeovers }), API_V1);

    // Reads on a taken-over centre's behalf are audited where they happen (the actor names the
    // backup); writes are audited here, once, whatever the route, before the answer leaves.
    app.addHook('onSend', async (request, reply, payload) => {
      const actor = request.actor;
      if (actor?.kind !== 'user' || !actor.actingFrom || !WRITES.has(request.method) || reply.statusCode >= 400) return payload;
      const params = (request.params ?? {}) as Record<string, unknown>;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const route = request.routeOptions.url ?? '';
      // the call the write was about, so the hand-back counts the calls worked
      const callId = route.includes('/calls/:id') ? params.id : (params.callId ?? body.callId);
      await writeAudit(app.prisma, actor, {
        action: 'takeover.write',
        entityType: 'Route',
        entityId: route,
        detail: { route: `${request.method} ${route}`, status: reply.statusCode, ...(typeof callId === 'string' && { callId }), params },
        ip: request.ip,
      });
      return payload;
    });

    const sweep = periodicJob('takeover sweep', () => takeovers.sweep(), SWEEP_MS, app.log);
    app.decorate('takeoverSweep', sweep);
    app.addHook('onReady', async () => sweep.start());
    app.addHook('preClose', () => sweep.stop());
  },
  { name: 'takeovers', fastify: '5.x', dependencies: ['realtime', 'auth'] },
);
