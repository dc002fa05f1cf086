// Units: status (with § 11 enforced), crews, and positions streamed to the map outside the event log.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { POSITION_CHANNEL, PositionStream } from './position-stream.js';
import { PositionWriter } from './position-writer.js';
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
    const gate = app.priorityGate;
    const stream = new PositionStream(app.databaseUrl, app.io, gate, app.log);
    // Positions have a database connection of their own (the writer's), for the audience too.
    const writer = new PositionWriter({
      databaseUrl: app.databaseUrl,
      channel: POSITION_CHANNEL,
      origin: stream.origin,
      audience: (db) => createUnitAudience(db),
      deliver: (rooms, moved, arrivedAt) => stream.accept(rooms, moved, arrivedAt),
      log: app.log,
    });
    const hooks = createUnitHooks();
    const units = createUnitsService({
      prisma: app.prisma,
      transact: app.transact,
      audience: createUnitAudience(app.prisma),
      hooks,
      positions: writer,
    });
    app.decorate('units', units);
    app.decorate('unitHooks', { onStatusChangedOnMission: hooks.onStatusChangedOnMission });
    await app.register(unitsRoutes({ units, stamp: () => gate.stamp() }), API_V1);

    app.addHook('onReady', () => stream.start());
    app.addHook('preClose', () => stream.stop());
    // after the HTTP server has closed: reports still in flight are written and answered first
    app.addHook('onClose', () => writer.stop());
  },
  { name: 'units', fastify: '5.x', dependencies: ['realtime', 'priority-gate'] },
);
