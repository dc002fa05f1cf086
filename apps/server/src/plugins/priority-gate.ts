// Marks every request that writes events (any method but GET/HEAD/OPTIONS) as in flight while it
// runs, so the position stream holds back positions that arrived after it (see
// realtime/priority-gate.ts). Position reports themselves say so in their route config.
import fp from 'fastify-plugin';
import { PriorityGate } from '../realtime/priority-gate.js';

declare module 'fastify' {
  interface FastifyInstance {
    priorityGate: PriorityGate;
  }
  interface FastifyContextConfig {
    /** A unit position report: streamed, never a write consoles must hear before positions. */
    positionReport?: boolean;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const priorityGatePlugin = fp(
  async (app) => {
    // Registered before authentication, so a write counts from the moment it arrives; the pump is
    // decorated later (realtime) and only asked for once requests come.
    const gate = new PriorityGate(() => app.pump.idle);
    app.decorate('priorityGate', gate);
    app.addHook('onRequest', (request, _reply, done) => {
      if (!READS.has(request.method) && !request.routeOptions.config.positionReport) gate.begin(request);
      done();
    });
    const end = (request: object, _reply: unknown, done: () => void) => {
      gate.end(request);
      done();
    };
    app.addHook('onResponse', end);
    app.addHook('onRequestAbort', (request, done) => {
      gate.end(request);
      done();
    });
  },
  { name: 'priority-gate', fastify: '5.x' },
);
