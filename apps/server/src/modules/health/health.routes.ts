// Liveness (the process answers) and readiness (the database answers and is fully migrated).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, migrationsDir, migrationsUpToDate } from '@amk/db';

const Health = z.object({ status: z.enum(['ok', 'not_ready']), database: z.string().optional(), migrations: z.string().optional() });

/** A load balancer asks often and must hear "not ready" at once, not when the database answers. */
const READY_TIMEOUT_MS = 1_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('readiness check timed out')), ms)));
  work.catch(() => {}); // a late failure after the timeout is no longer anyone's concern
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const healthRoutes =
  (deps: { prisma: Db; timeoutMs?: number }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/health/live', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

    app.get('/health/ready', { schema: { tags: ['health'], response: { 200: Health, 503: Health } } }, async (_request, reply) => {
      try {
        const upToDate = await within(
          deps.timeoutMs ?? READY_TIMEOUT_MS,
          migrationsUpToDate((sql) => deps.prisma.$queryRawUnsafe(sql), migrationsDir),
        );
        if (!upToDate) return reply.status(503).send({ status: 'not_ready', database: 'ok', migrations: 'pending' });
        return { status: 'ok' as const, database: 'ok', migrations: 'applied' };
      } catch {
        return reply.status(503).header('retry-after', '5').send({ status: 'not_ready', database: 'unreachable' });
      }
    });
  };
