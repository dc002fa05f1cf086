// Calls: registered by telephony or by hand, their records, and the hook other modules subscribe
// to when a call is registered (see call-hooks.ts).
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { createCallHooks, type CallHooks } from './call-hooks.js';
import { callRecordRoutes } from './call-record.routes.js';
import { createCallRecordService } from './call-record.service.js';
import { callsRoutes } from './calls.routes.js';
import { createCallsService } from './calls.service.js';
import { telephonyRoutes } from './telephony.routes.js';
import { createTelephonyService } from './telephony.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Subscribe here to act inside the transaction that registers a call. */
    callHooks: CallHooks;
  }
}

export const callsModule = fp(
  async (app) => {
    const { prisma, transact } = app;
    const hooks = createCallHooks();
    const calls = createCallsService({ prisma, transact, resolveKommune: app.kommuner.kommunenummerAt, hooks });
    const records = createCallRecordService({ prisma, transact, resolveKommune: app.kommuner.kommunenummerAt });
    app.decorate('callHooks', { onRegistered: hooks.onRegistered });
    await app.register(callsRoutes({ calls, prisma }), API_V1);
    await app.register(telephonyRoutes({ telephony: createTelephonyService({ prisma, transact }) }), API_V1);
    await app.register(callRecordRoutes({ records }), API_V1);
  },
  { name: 'calls', fastify: '5.x', dependencies: ['realtime', 'geo'] },
);
