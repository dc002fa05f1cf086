// Every way PostgreSQL says "I am gone or cannot answer now" is a 503 with Retry-After: the client
// may retry. Errors come wrapped differently (node-postgres errors with a SQLSTATE, Prisma errors
// carrying the driver adapter's error, pool errors with only a message), so each shape is thrown
// from a route as the driver would, and one is produced for real by terminating the backend.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma, Prisma } from '@amk/db';
import { buildTestApp, databaseUrl, waitFor } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
const prismaError = (code: string, message: string) =>
  new Prisma.PrismaClientKnownRequestError(`Raw query failed. Code: \`${code}\`. Message: \`${message}\``, {
    code: 'P2010',
    clientVersion: 'test',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: code, originalMessage: message, kind: 'postgres' } } },
  });

const CASES: Record<string, Error> = {
  'admin shutdown (57P01)': pgError('57P01', 'terminating connection due to administrator command'),
  'crash shutdown (57P02)': prismaError('57P02', 'terminating connection because of crash of another server process'),
  'cannot connect now (57P03)': pgError('57P03', 'the database system is in recovery mode'),
  'connection failure (08006)': prismaError('08006', 'connection failure'),
  'connection does not exist (08003)': pgError('08003', 'connection does not exist'),
  'client not queryable': new Error('Client has encountered a connection error and is not queryable'),
  'connection terminated': new Error('Connection terminated unexpectedly'),
  'timeout acquiring a connection': new Error('timeout exceeded when trying to connect'),
  'statement timeout (57014)': prismaError('57014', 'canceling statement due to statement timeout'),
  'lock timeout (55P03)': pgError('55P03', 'canceling statement due to lock timeout'),
};

beforeAll(async () => {
  app = await buildTestApp(prisma);
  app.get('/test/fails/:name', async (request) => {
    throw CASES[(request.params as { name: string }).name]!;
  });
  app.get('/test/sleeps', async () => prisma.$queryRaw`SELECT pg_sleep(4), 'amk-database-errors-test' AS marker`);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('database errors', () => {
  it.each(Object.keys(CASES))('%s is a 503 with Retry-After', async (name) => {
    const res = await app.inject({ method: 'GET', url: `/test/fails/${encodeURIComponent(name)}` });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBeTruthy();
    expect(res.json().message).toMatch(/database/);
  });

  it('a backend terminated under a running request (the postmaster going away) is a 503, not a 500', async () => {
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    try {
      const running = app.inject({ method: 'GET', url: '/test/sleeps' });
      const find =
        "SELECT pid FROM pg_stat_activity WHERE query LIKE '%amk-database-errors-test%' AND pid <> pg_backend_pid() AND state = 'active'";
      const { pid } = await waitFor(
        async () => (await admin.query<{ pid: number }>(find)).rows[0],
        5_000,
        'the request to reach the database',
      );
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      const res = await running;
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBeTruthy();
    } finally {
      await admin.end();
    }
  });
});
