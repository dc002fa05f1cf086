// Units: status (with § 11 enforced), crews, and positions streamed to the map outside the event log.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { PositionStream } from './position-stream.js';
import { createUnitAudience } from './unit-audience.js';
import { createUnitHooks, type UnitHooks } from './unit-hooks.js';
import { unitsRoutes } from './units.routes.js';
import { createUnitsService, type UnitsService } from './units.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    units: UnitsService;
    /** Subscribe here to act inside the transaction that changes a unit's status on a mission. */
    unitHooks: UnitHooks;
  }
}

export const unitsModule = fp(
  async (app) => {
    const hooks = createUnitHooks();
    const units = createUnitsService({ prisma: app.prisma, transact: app.transact, audience: createUnitAudience(app.prisma), hooks });
    app.decorate('units', units);
    app.decorate('unitHooks', { onStatusChangedOnMission: hooks.onStatusChangedOnMission });
    await app.register(unitsRoutes({ units }), API_V1);

    const positions = new PositionStream(app.databaseUrl, app.io, app.log);
    app.addHook('onReady', () => positions.start());
    app.addHook('preClose', () => positions.stop());
  },
  { name: 'units', fastify: '5.x', dependencies: ['realtime'] },
);
