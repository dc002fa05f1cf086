// Every route, called as every kind of caller, answered as ONE table says. A route missing from the
// table fails the test, so a new route cannot ship without deciding who may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { buildTestApp, databaseUrl, standDownFleet } from './support/test-app.js';
import { cookieFor } from './support/integration.js';
import { AKUTTHJELPER_MAIN_RULE_OVERRIDE, CALLERS, MATRIX, OVERRIDES, USERS, type Allowed, type Caller } from './support/route-matrix.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
const headers: Partial<Record<Caller, Record<string, string>>> = {};

beforeAll(async () => {
  app = await buildTestApp(prisma);
  await app.ready();
  headers.anonymous = {};
  headers.integration = { authorization: `Bearer ${(await createIntegrationKeyService(prisma).create('matrix', 'AMK-BERGEN')).key}` };
  for (const [role, username] of Object.entries(USERS)) headers[role as Role] = { cookie: await cookieFor(app, username) };
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const fill = (url: string) =>
  url
    .replace(':action', 'seen')
    .replace(':callSign', 'BGN-A11')
    .replace(':externalId', 'no-such-call')
    .replace(/:[a-zA-Z]+/g, () => crypto.randomUUID());

function expected(allowed: Allowed, caller: Caller): 'ok' | 401 | 403 {
  if (allowed === 'public') return 'ok';
  if (allowed === 'integration') return caller === 'integration' ? 'ok' : 401;
  if (caller === 'anonymous' || caller === 'integration') return 401;
  return allowed.includes(caller) ? 'ok' : 403;
}

describe('authorisation matrix', () => {
  it('covers every route the server has', () => {
    const routes = app.routeList
      .filter((r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/health/'))
      .map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in MATRIX));
    expect(missing).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s answers every caller as the table says', async (route, allowed) => {
    const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH', string];
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      if (route === 'POST /api/v1/auth/logout') continue; // would end the sessions the other rows use
      const res = await app.inject({ method, url: fill(url), headers: headers[caller], ...(method === 'GET' ? {} : { payload: {} }) });
      const want = expected(allowed, caller);
      const ok = want === 'ok' ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === want;
      if (!ok) wrong.push(`${caller}: got ${res.statusCode}, want ${want}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('authorisation matrix: overriding the § 11 crew refusal', () => {
  /** BGN-A14 as seeded: a crew of one, no override; free at its station, or unavailable for the status route. */
  async function prepare(route: string): Promise<{ url: string; payload: object }> {
    await standDownFleet(prisma);
    const a14 = await prisma.unit.update({
      where: { callSign: 'BGN-A14' },
      data: {
        crewOk: false,
        crewProblem: 'Ambulansebil skal være bemannet med minst to personer (har 1).',
        crewOverrideReason: null,
        crewOverrideAt: null,
        crewOverrideBy: null,
      },
    });
    const override = { reason: 'Matrisetest: overstyrer § 11' };
    if (route === 'POST /api/v1/units/:unitId/status') {
      await prisma.unit.update({ where: { id: a14.id }, data: { status: 'UNAVAILABLE' } });
      return { url: `/api/v1/units/${a14.id}/status`, payload: { status: 'AVAILABLE_AT_STATION', override } };
    }
    if (route === 'POST /api/v1/missions')
      return { url: '/api/v1/missions', payload: { id: crypto.randomUUID(), unitIds: [a14.id], lat: 60.39, lon: 5.32, override } };
    const open = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: headers.amk_operator,
      payload: {
        id: crypto.randomUUID(),
        unitIds: [(await prisma.unit.findUniqueOrThrow({ where: { callSign: 'BGN-A11' } })).id],
        lat: 60.39,
        lon: 5.32,
      },
    });
    return { url: `/api/v1/missions/${open.json().id}/units`, payload: { unitId: a14.id, override } };
  }
  afterAll(async () => {
    await standDownFleet(prisma);
    await prisma.unit.update({
      where: { callSign: 'BGN-A14' },
      data: { crewOverrideReason: null, crewOverrideAt: null, crewOverrideBy: null },
    });
  });

  it.each(Object.entries(OVERRIDES))('%s: only the unit’s own centre’s operators and AMK doctors may override', async (route, allowed) => {
    const wrong: string[] = [];
    const callers: [string, Record<string, string> | undefined, boolean][] = [
      ...CALLERS.map((c): [string, Record<string, string> | undefined, boolean] => [
        c,
        headers[c],
        (allowed as readonly string[]).includes(c),
      ]),
      // a neighbour sees the unit but may not send it (409: ask the owner for mutual aid), let alone override
      ['amk_operator of AMK-FORDE (a neighbour)', { cookie: await cookieFor(app, 'amk.forde') }, false],
    ];
    for (const [caller, h, may] of callers) {
      const { url, payload } = await prepare(route);
      const res = await app.inject({ method: 'POST', url, headers: h, payload });
      const overridden = (await prisma.unit.findUniqueOrThrow({ where: { callSign: 'BGN-A14' } })).crewOverrideReason !== null;
      if (may && (res.statusCode >= 300 || !overridden))
        wrong.push(`${caller}: got ${res.statusCode} (${res.body.slice(0, 120)}), want success`);
      const refusals = caller.includes('neighbour') ? [403, 404, 409] : [401, 403, 404];
      if (!may && (!refusals.includes(res.statusCode) || overridden))
        wrong.push(`${caller}: got ${res.statusCode}, want ${refusals.join('/')} and no override`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('authorisation matrix: overriding the akutthjelper main rule (an event type outside the four)', () => {
  /** A fresh AMK-BERGEN mission at Torgallmenningen (kommune 4601, under the demo agreements). */
  async function bergenMission(): Promise<string> {
    await standDownFleet(prisma);
    const callId = crypto.randomUUID();
    await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: headers.amk_operator,
      payload: { id: callId, line: '113', lat: 60.3929, lon: 5.3241, addressText: 'Torgallmenningen 1', urgency: 'A' },
    });
    const id = crypto.randomUUID();
    const a11 = await prisma.unit.findUniqueOrThrow({ where: { callSign: 'BGN-A11' } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: headers.amk_operator,
      payload: { id, callId, unitIds: [a11.id] },
    });
    expect(res.statusCode).toBe(201);
    return id;
  }
  afterAll(() => standDownFleet(prisma));

  it('only an AMK doctor or AMK operator (with a reason) may; LVS, supervisor, admin, responder, auditor never', async () => {
    const wrong: string[] = [];
    const callers: [string, Record<string, string> | undefined, boolean][] = [
      ...CALLERS.map((c): [string, Record<string, string> | undefined, boolean] => [
        c,
        headers[c],
        AKUTTHJELPER_MAIN_RULE_OVERRIDE.includes(c as Role),
      ]),
      ['amk_operator of AMK-FORDE (another AMK: not its mission)', { cookie: await cookieFor(app, 'amk.forde') }, false],
      ['lv_operator of LVS-SUNNFJORD', { cookie: await cookieFor(app, 'lv.sunnfjord') }, false],
    ];
    for (const [caller, h, may] of callers) {
      const id = await bergenMission();
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/missions/${id}/akutthjelper/alerts`,
        headers: h,
        payload: { eventType: 'Drukning', required: 1, override: { reason: 'Matrisetest: utenfor hovedregelen' } },
      });
      const overridden = await prisma.akutthjelperAlert.count({ where: { missionId: id, mainRuleOverrideReason: { not: null } } });
      if (may && (res.statusCode !== 201 || !overridden))
        wrong.push(`${caller}: got ${res.statusCode} (${res.body.slice(0, 160)}), want 201`);
      if (!may && (![401, 403, 404].includes(res.statusCode) || overridden))
        wrong.push(`${caller}: got ${res.statusCode}, want 401/403/404 and no alert`);
      // the same caller without a reason: never
      if (may) {
        const again = await bergenMission();
        const bare = await app.inject({
          method: 'POST',
          url: `/api/v1/missions/${again}/akutthjelper/alerts`,
          headers: h,
          payload: { eventType: 'Drukning', required: 1 },
        });
        if (bare.statusCode !== 422) wrong.push(`${caller} without a reason: got ${bare.statusCode}, want 422`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
