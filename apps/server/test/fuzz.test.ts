// Thousands of malformed requests to every route, each from a caller allowed to use it (so they
// reach validation): never a 5xx, nothing written, and the server stays ready. The callers are
// users of centres the file makes for itself (support/route-matrix.ts), none of the demo's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { buildTestApp, databaseUrl, stopTimedJobs } from './support/test-app.js';
import { MATRIX, createCallers, type Caller } from './support/route-matrix.js';

const PER_ROUTE = 100;

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

function garbage(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 14);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() > 0.5;
    case 2:
      return Math.floor(r() * 1e12) * (r() > 0.5 ? -1 : 1);
    case 3:
      return r() * 1e308;
    case 4:
      return 'x'.repeat(Math.floor(r() * 5_000));
    case 5:
      return `💥𝔘ñïçødé\u0000\u202e${r()}`;
    case 6:
      return '2026-13-45T99:99:99Z';
    case 7:
      return crypto.randomUUID();
    case 8:
      return 'A.06.01';
    case 9:
      return '113';
    case 10:
      return depth > 2
        ? {}
        : Object.fromEntries(
            Array.from({ length: Math.floor(r() * 6) }, () => [
              [
                'id',
                'line',
                'lat',
                'lon',
                'status',
                'at',
                'eventType',
                'reason',
                'text',
                'members',
                'username',
                'recipients',
                'unitIds',
                'kommuner',
              ][Math.floor(r() * 14)]!,
              garbage(r, depth + 1),
            ]),
          );
    case 11:
      return depth > 2 ? [] : Array.from({ length: Math.floor(r() * 5) }, () => garbage(r, depth + 1));
    case 12:
      return { __proto__: { admin: true }, constructor: { prototype: { x: 1 } } };
    default:
      return -0;
  }
}

const CONTENT = [
  (b: unknown) => ({ type: 'application/json', body: JSON.stringify(b) }),
  (b: unknown) => ({ type: 'application/json', body: `${JSON.stringify(b).slice(0, -1)}{` }),
  () => ({ type: 'text/plain', body: 'A"ML=1;lt=+999;lg=abc;rd=-1;top=x;ml=3' }),
  () => ({ type: 'application/x-www-form-urlencoded', body: 'v=3&location_latitude=NaN&%%%' }),
  () => ({ type: 'application/xml', body: '<a/>' }),
  () => ({ type: 'multipart/form-data; boundary=zz', body: '--zz\r\nContent-Disposition: form-data; name="audio"\r\n\r\n--' }),
  () => ({ type: 'text/csv', body: 'code;chapter\nZ;;;' }),
];

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
/** Request headers of every kind of caller, all of this file's own centres (support/route-matrix.ts). */
let auth: Partial<Record<Caller, Record<string, string>>>;

async function counts() {
  const [calls, events, missions, notifications, transfers, recordings, criteria, organisations, members, shifts] = await Promise.all([
    prisma.call.count(),
    prisma.event.count(),
    prisma.mission.count(),
    prisma.notification.count(),
    prisma.transfer.count(),
    prisma.recording.count(),
    prisma.triageCriterion.count(),
    prisma.akutthjelperOrganisation.count(),
    prisma.akutthjelperMember.count(),
    prisma.doctorShift.count(),
  ]);
  return { calls, events, missions, notifications, transfers, recordings, criteria, organisations, members, shifts };
}

beforeAll(async () => {
  app = await buildTestApp(prisma);
  await app.ready();
  await stopTimedJobs(app);
  ({ headers: auth } = await createCallers(app, prisma));
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('fuzzing every route', () => {
  it(`${PER_ROUTE} malformed requests per route: no 5xx, nothing written, still ready`, { timeout: 300_000 }, async () => {
    const before = await counts();
    const r = rng(20261123);
    const failures: string[] = [];
    let sent = 0;
    for (const [route, allowed] of Object.entries(MATRIX)) {
      const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH', string];
      if (route === 'POST /api/v1/auth/logout' || route === 'POST /api/v1/auth/login') continue; // rate-limited by design; covered in auth tests
      const caller = allowed === 'public' ? 'anonymous' : allowed === 'integration' ? 'integration' : (allowed as Role[])[0]!;
      for (let i = 0; i < PER_ROUTE; i++) {
        const path = url.replace(/:[a-zA-Z]+/g, () =>
          r() > 0.5 ? crypto.randomUUID() : encodeURIComponent(String(garbage(r)).slice(0, 200)),
        );
        const query =
          r() > 0.5
            ? `?${new URLSearchParams({ from: String(garbage(r)).slice(0, 50), period: 'year', date: 'yesterday', limit: '-5', eventType: 'X' })}`
            : '';
        const content = CONTENT[Math.floor(r() * CONTENT.length)]!(garbage(r));
        const res = await app.inject({
          method,
          url: path + query,
          headers: { ...auth[caller], ...(method === 'GET' ? {} : { 'content-type': content.type }) },
          ...(method === 'GET' ? {} : { payload: content.body }),
        });
        sent++;
        if (res.statusCode >= 500)
          failures.push(`${route} ${path}${query} [${content.type}] → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400 && !res.json().message) failures.push(`${route} → ${res.statusCode} without a message`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(6_000);
    expect(await counts()).toEqual(before);
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).json()).toMatchObject({ status: 'ok' });
  });
});
