// The fair baseline for call → screen: the real server (same Fastify app, integration-key auth,
// zod validation of the same RegisterCallRequest, the same centre and line checks, a full CallSummary
// serialised by the same response schema, emitted to the same centre room through the same
// Socket.IO server that consoles joined with their session cookie) with one extra route that does
// everything the real intake does EXCEPT the transaction and the event log: no insert, no seq, no
// NOTIFY. Comparing the two shows what durability costs. Run as a child process by run.ts, beside
// the real server and measured in turns with it; it does not tail the event log (its pump is
// stopped once it listens), so the real server's calls reach neither it nor its consoles.
import { CallSummary, RegisterCallRequest } from '@amk/contracts';
import { createPrisma } from '@amk/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildApp } from '../src/app.js';
import { rooms } from '../src/auth/actor.js';
import { loadConfig } from '../src/config.js';
import { API_V1 } from '../src/lib/api-prefix.js';
import { intakeCentre, ringingCallSummary } from '../src/modules/calls/calls.service.js';
import { integrationOf, requireIntegration } from '../src/plugins/authenticate.js';

const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('same-route-server needs DATABASE_URL');
const prisma = createPrisma(config.DATABASE_URL);
const app = await buildApp({ config, prisma, databaseUrl: config.DATABASE_URL });

let seq = 0;
const baselineRoute: FastifyPluginAsyncZod = async (scoped) => {
  scoped.post(
    '/bench/integrations/calls',
    { schema: { hide: true, body: RegisterCallRequest, response: { 201: CallSummary } }, preValidation: requireIntegration },
    async (request, reply) => {
      const req = request.body;
      const centre = await intakeCentre(prisma, integrationOf(request), req);
      const now = new Date();
      const summary = ringingCallSummary(centre.id, req, now);
      app.io
        .to([rooms.centre(centre.id)])
        .emit('event', { seq: ++seq, type: 'call.upserted', centreId: centre.id, at: now.toISOString(), data: summary });
      return reply.status(201).send(summary);
    },
  );
};
await app.register(baselineRoute, API_V1);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
await app.pump.stop();
console.log(`listening ${new URL(address).port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().finally(() => process.exit(0)));
