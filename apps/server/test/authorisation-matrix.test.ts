// Every route, called as every kind of caller, answered as ONE table says. A route missing from the
// table fails the test, so a new route cannot ship without deciding who may call it.
// The callers are users of every role of centres the file makes (support/route-matrix.ts), and each
// override check sends units made for it: nothing of the demo's is used or put back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createAkutthjelperMember, createCentre, createStation, createUnit } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieForNewUser } from './support/integration.js';
import {
  AKUTTHJELPER_MAIN_RULE_OVERRIDE,
  CALLERS,
  MATRIX,
  OVERRIDES,
  createCallers,
  type Allowed,
  type Caller,
} from './support/route-matrix.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let headers: Partial<Record<Caller, Record<string, string>>>;
/** Torgallmenningen in Bergen (kommune 4601): the missions' place. */
const PLACE = { lat: 60.3929, lon: 5.3241 };
/** The file's AMK centre (every user but the LV operator's) and its neighbour (support/route-matrix.ts). */
let centre: { id: string; code: string };
let neighbour: { id: string; code: string };
/** A free ambulance of the centre with a crew that passes § 11, at a station an hour away by road. */
const freeAmbulance = async () =>
  createUnit(prisma, centre.id, { stationId: (await createStation(prisma, centre.id, { lat: 61.2, lon: 5.32 })).id });
/** An ambulance of the centre with a crew of one and no override, free at its station. */
const crewOfOne = async () =>
  createUnit(prisma, centre.id, {
    stationId: (await createStation(prisma, centre.id, PLACE)).id,
    crewOk: false,
    crewProblem: 'Ambulansebil skal være bemannet med minst to personer (har 1).',
  });
let fillCallSign: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  await app.ready();
  // akutthjelpere under an agreement with the centre for Bergen kommune, standing at the place
  const callers = await createCallers(app, prisma, { ...PLACE, kommuner: ['4601'] });
  ({ centre, neighbour, headers } = callers);
  fillCallSign = (await freeAmbulance()).callSign;
  await Promise.all([1, 2].map(() => createAkutthjelperMember(prisma, callers.team)));
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const fill = (url: string) =>
  url
    .replace(':action', 'seen')
    .replace(':callSign', fillCallSign)
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
  /** A new unit with a crew of one and no override: free at its station, or unavailable for the status route. */
  async function prepare(route: string): Promise<{ url: string; payload: object; unitId: string }> {
    const a14 = await crewOfOne();
    const override = { reason: 'Matrisetest: overstyrer § 11' };
    if (route === 'POST /api/v1/units/:unitId/status') {
      await prisma.unit.update({ where: { id: a14.id }, data: { status: 'UNAVAILABLE' } });
      return { url: `/api/v1/units/${a14.id}/status`, payload: { status: 'AVAILABLE_AT_STATION', override }, unitId: a14.id };
    }
    if (route === 'POST /api/v1/missions')
      return { url: '/api/v1/missions', payload: { id: crypto.randomUUID(), unitIds: [a14.id], ...PLACE, override }, unitId: a14.id };
    const open = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: headers.amk_operator,
      payload: { id: crypto.randomUUID(), unitIds: [(await freeAmbulance()).id], ...PLACE },
    });
    return { url: `/api/v1/missions/${open.json().id}/units`, payload: { unitId: a14.id, override }, unitId: a14.id };
  }

  it.each(Object.entries(OVERRIDES))('%s: only the unit’s own centre’s operators and AMK doctors may override', async (route, allowed) => {
    const wrong: string[] = [];
    const callers: [string, Record<string, string> | undefined, boolean][] = [
      ...CALLERS.map((c): [string, Record<string, string> | undefined, boolean] => [
        c,
        headers[c],
        (allowed as readonly string[]).includes(c),
      ]),
      // a neighbour sees the unit but may not send it (409: ask the owner for mutual aid), let alone override
      ['amk_operator of a neighbouring AMK', { cookie: await cookieForNewUser(app, prisma, neighbour.id) }, false],
    ];
    for (const [caller, h, may] of callers) {
      const { url, payload, unitId } = await prepare(route);
      const res = await app.inject({ method: 'POST', url, headers: h, payload });
      const overridden = (await prisma.unit.findUniqueOrThrow({ where: { id: unitId } })).crewOverrideReason !== null;
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
  /** A fresh mission of the centre at Torgallmenningen (kommune 4601, under the file's agreement), its ambulance far off. */
  async function bergenMission(): Promise<string> {
    const callId = crypto.randomUUID();
    await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: headers.amk_operator,
      payload: { id: callId, line: '113', ...PLACE, addressText: 'Torgallmenningen 1', urgency: 'A' },
    });
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: headers.amk_operator,
      payload: { id, callId, unitIds: [(await freeAmbulance()).id] },
    });
    expect(res.statusCode).toBe(201);
    return id;
  }

  it('only an AMK doctor or AMK operator (with a reason) may; LVS, supervisor, admin, responder, auditor never', async () => {
    const wrong: string[] = [];
    const callers: [string, Record<string, string> | undefined, boolean][] = [
      ...CALLERS.map((c): [string, Record<string, string> | undefined, boolean] => [
        c,
        headers[c],
        AKUTTHJELPER_MAIN_RULE_OVERRIDE.includes(c as Role),
      ]),
      ['amk_operator of another AMK (not its mission)', { cookie: await cookieForNewUser(app, prisma, neighbour.id) }, false],
      [
        'lv_operator of another LVS',
        { cookie: await cookieForNewUser(app, prisma, (await createCentre(prisma, { kind: 'LVS' })).id, { role: 'lv_operator' }) },
        false,
      ],
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
