// Reports over long periods must not exhaust PostgreSQL's lock table (issue 15, hole 1): a period
// is bounded, and building a period's day roll-ups takes one advisory lock, not one per day.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_DAYS } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { ANSWER_TIME_LOCK } from '../src/modules/stats/answer-times.service.js';
import { buildTestApp, databaseUrl, waitFor } from './support/test-app.js';
import { cookieForNewUser } from './support/integration.js';
import { createCentre } from './support/factories.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let cookie: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  cookie = await cookieForNewUser(app, prisma, (await createCentre(prisma)).id, { role: 'supervisor' });
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('report periods', () => {
  const from = encodeURIComponent('0001-01-01T00:00:00Z');
  const to = encodeURIComponent('2026-12-01T00:00:00Z');

  it.each(['/api/v1/stats/answer-times', '/api/v1/indicators'])(
    '%s refuses a period longer than the limit with a 400 naming it',
    async (path) => {
      const res = await app.inject({ method: 'GET', url: `${path}?from=${from}&to=${to}`, headers: { cookie } });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(`${MAX_REPORT_DAYS} days`);
      expect(res.json().message).toContain('from');
    },
  );

  it('accepts a period of exactly the limit', async () => {
    const start = '2024-01-01T00:00:00Z';
    const end = new Date(Date.parse(start) + MAX_REPORT_DAYS * 86_400_000).toISOString();
    const res = await app.inject({ method: 'GET', url: `/api/v1/indicators?from=${start}&to=${end}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
  });
});

describe('day roll-up locks', () => {
  it('a report building a year of day roll-ups waits on one advisory lock of its centre and holds no other', async () => {
    // Holding the centre's lock makes the report's build wait, so its locks can be seen.
    const holder = new pg.Client({ connectionString: databaseUrl() });
    await holder.connect();
    try {
      // a centre of the test's own: nothing else takes its lock or builds its days meanwhile
      const centreId = (await createCentre(prisma)).id;
      await holder.query('SELECT pg_advisory_lock(hashtext($1::text), hashtext($2::text))', [ANSWER_TIME_LOCK, centreId]);
      const forde = await cookieForNewUser(app, prisma, centreId);
      const report = app.inject({
        method: 'GET',
        url: '/api/v1/stats/answer-times?from=2019-01-01T00:00:00Z&to=2020-01-31T00:00:00Z',
        headers: { cookie: forde },
      });
      const waiting = await waitFor(
        async () => (await holder.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0],
        10_000,
        'the report to wait on the centre lock',
      );
      const held = await holder.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1",
        [waiting.pid],
      );
      expect(held.rows[0]!.n).toBe(0);
      await holder.query('SELECT pg_advisory_unlock(hashtext($1::text), hashtext($2::text))', [ANSWER_TIME_LOCK, centreId]);
      const res = await report;
      expect(res.statusCode).toBe(200);
      const days = await prisma.answerTimeDay.count({
        where: { centreId, day: { gte: new Date('2019-01-01'), lt: new Date('2020-01-30') } },
      });
      expect(days).toBeGreaterThan(390);
    } finally {
      await holder.end();
    }
  });
});
