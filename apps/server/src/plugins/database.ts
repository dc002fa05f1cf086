// The database the app was built with. The process that opened it (main.ts, or a test) closes it:
// several apps may share one client, as the two-instance tests do.
import fp from 'fastify-plugin';
import type { Db } from '@amk/db';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: Db;
    /** For the connections that LISTEN (the event pump, the position stream) and the purge's own. */
    databaseUrl: string;
  }
}

export const databasePlugin = fp<{ prisma: Db; databaseUrl: string }>(
  async (app, { prisma, databaseUrl }) => {
    app.decorate('prisma', prisma);
    app.decorate('databaseUrl', databaseUrl);
  },
  { name: 'database', fastify: '5.x' },
);
