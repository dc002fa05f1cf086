// The event log's two ends: `transact` for services to write a change with its events, and the
// pump that tails the log and broadcasts every event to the sockets allowed to see it.
import fp from 'fastify-plugin';
import { EventPump } from '../realtime/event-pump.js';
import { broadcast, createSocketServer, type IoServer } from '../realtime/socket-server.js';
import { createTransact, type Transact } from '../realtime/transact.js';

declare module 'fastify' {
  interface FastifyInstance {
    io: IoServer;
    pump: EventPump;
    transact: Transact;
  }
}

export const realtimePlugin = fp(
  async (app) => {
    // The socket server needs the pump to catch consoles up, and the pump delivers to the socket
    // server; the socket server asks for the pump only once a console connects.
    let pump: EventPump | undefined;
    const io = createSocketServer(app.server, { sessions: app.sessions, prisma: app.prisma, pump: () => pump!, sameSite: app.sameSite });
    pump = new EventPump({ prisma: app.prisma, databaseUrl: app.databaseUrl, deliver: (events) => broadcast(io, events), log: app.log });
    const started = pump;
    app.decorate('io', io);
    app.decorate('pump', started);
    app.decorate('transact', createTransact(app.prisma, started));
    app.addHook('onReady', () => started.start());
    // Sockets close before the HTTP server does; the pump stops last (onClose runs after every
    // module's preClose, so jobs that still commit have their events delivered).
    app.addHook('preClose', async () => {
      io.close();
    });
    app.addHook('onClose', () => started.stop());
  },
  { name: 'realtime', fastify: '5.x', dependencies: ['database', 'auth'] },
);
