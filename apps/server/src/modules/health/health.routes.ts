// Liveness (the process answers) and readiness (the database answers and is fully migrated).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/prisma.js';
import { migrationsUpToDate } from '../../db/migrate.js';
import { migrationsDir } from '../../db/database.js';

const Health = z.object({ status: z.enum(['ok', 'not_ready']), database: z.string().optional(), migrations: z.string().optional() });

export const healthRoutes =
  (deps: { prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/health/live', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

    app.get('/health/ready', { schema: { tags: ['health'], response: { 200: Health, 503: Health } } }, async (_request, reply) => {
      try {
        const upToDate = await migrationsUpToDate((sql) => deps.prisma.$queryRawUnsafe(sql), migrationsDir);
        if (!upToDate) return reply.status(503).send({ status: 'not_ready', database: 'ok', migrations: 'pending' });
        return { status: 'ok' as const, database: 'ok', migrations: 'applied' };
      } catch {
        return reply.status(503).header('retry-after', '5').send({ status: 'not_ready', database: 'unreachable' });
      }
    });
  };
