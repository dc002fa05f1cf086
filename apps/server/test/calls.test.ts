// Registering calls through the real routes (app.inject), with real auth and a real database.
// The centres, users and telephony keys are this file's own (support/factories.ts), and what it
// counts (calls, events, audit rows) it counts for them alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { toCallSummary } from '../src/modules/calls/call-summary.js';
import { createCentre, createIntegrationKey, createUser, uniqueName } from './support/factories.js';
import { cookieFor, cookieForNewUser } from './support/integration.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
/** The own AMK centre, whose telephony rings, and another AMK with a key of its own. */
let centre: { id: string; code: string };
let other: { id: string; code: string };
let lvs: { id: string; code: string };
let ownKey: string;
let otherKey: string;
let operator: { id: string; username: string };
let otherOperator: { id: string; username: string };
let operatorCookie: string;
let lvsCookie: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  [centre, other, lvs] = await Promise.all([createCentre(prisma), createCentre(prisma), createCentre(prisma, { kind: 'LVS' })]);
  [ownKey, otherKey] = await Promise.all([
    createIntegrationKey(prisma, centre.code, 'telephony'),
    createIntegrationKey(prisma, other.code, 'telephony other'),
  ]);
  [operator, otherOperator] = await Promise.all([createUser(prisma, centre.id), createUser(prisma, other.id)]);
  operatorCookie = await cookieFor(app, operator.username);
  lvsCookie = await cookieForNewUser(app, prisma, lvs.id, { role: 'lv_operator' });
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const ringing = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  centre: centre.code,
  line: '113',
  callerNumber: '+4791234567',
  ringingAt: '2026-11-22T09:15:00+01:00',
  ...extra,
});

function postIntegration(body: unknown, key = ownKey) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/integrations/calls',
    headers: { authorization: `Bearer ${key}` },
    payload: body as object,
  });
}

/** How many calls of the own centre or the other carry this telephony id. */
const callsWith = (externalId: string | { startsWith: string }) =>
  prisma.call.count({ where: { centreId: { in: [centre.id, other.id] }, externalId } });
/** The events about one call. */
const eventsOf = (callId: string) => prisma.event.findMany({ where: { type: 'call.upserted', data: { path: ['id'], equals: callId } } });

describe('telephony registers a ringing call', () => {
  it('creates it once: the same externalId again answers 200 with the same call', async () => {
    const externalId = uniqueName('cti');
    const first = await postIntegration(ringing(externalId));
    expect(first.statusCode).toBe(201);
    const call = first.json();
    expect(call).toMatchObject({
      externalId,
      centreId: centre.id,
      line: '113',
      state: 'RINGING',
      source: 'CTI',
      callerNumber: '+4791234567',
      ringingAt: '2026-11-22T08:15:00.000Z',
    });

    const again = await postIntegration(ringing(externalId));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(call.id);
    expect(await callsWith(externalId)).toBe(1);
  });

  it('creates one call when the same message arrives twice at once', async () => {
    const externalId = uniqueName('cti-race');
    const [a, b] = await Promise.all([postIntegration(ringing(externalId)), postIntegration(ringing(externalId))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await callsWith(externalId)).toBe(1);
  });

  it('writes the call and its event in one transaction', async () => {
    const res = await postIntegration(ringing(uniqueName('cti-event')));
    const events = await eventsOf(res.json().id);
    expect(events).toHaveLength(1);
    expect(events[0]!.audience).toEqual([`centre:${centre.id}`]);
  });

  it('answers, and tells every console, the call exactly as stored', async () => {
    // Nothing waits for this call, so it is written in one statement from what telephony said
    // (calls.service.ts): what consoles are told must still be the row as the database holds it.
    const res = await postIntegration(ringing(uniqueName('cti-as-stored'), { exercise: true }));
    const call = res.json();
    const stored = toCallSummary(await prisma.call.findUniqueOrThrow({ where: { id: call.id } }));
    expect(call).toEqual(stored);
    expect(stored).toMatchObject({ source: 'EXERCISE', state: 'RINGING', centreId: centre.id });
    expect((await eventsOf(call.id)).map((e) => e.data)).toEqual([stored]);
  });

  it.each<[string, Record<string, unknown>, () => string]>([
    ['an unknown centre', { centre: 'AMK-NOWHERE' }, () => "unknown centre 'AMK-NOWHERE'"],
    ['a line that is no line', { line: '112' }, () => 'line'],
    ['a line the centre does not answer', { line: '116117' }, () => `line '116117' is not answered by ${centre.code}`],
    ['a ring time that is no time', { ringingAt: 'yesterday' }, () => 'ringingAt'],
    ['a caller number that is no number', { callerNumber: 'call me' }, () => 'callerNumber'],
    ['an empty externalId', { externalId: '' }, () => 'externalId'],
  ])('refuses %s with 400 naming what is wrong', async (_what, change, message) => {
    const res = await postIntegration({ ...ringing(uniqueName('bad')), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message());
    expect(await callsWith({ startsWith: 'BAD-' })).toBe(0);
  });

  it('refuses a body with nothing but the centre, naming externalId', async () => {
    const res = await postIntegration({ centre: centre.code });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/externalId/);
  });

  it('refuses a key of another centre', async () => {
    const externalId = uniqueName('cti-other');
    const res = await postIntegration(ringing(externalId), otherKey);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain(other.code);
    expect(await callsWith(externalId)).toBe(0);
  });

  it('answers 4xx, never 5xx, to malformed bodies and content types', async () => {
    const headers = { authorization: `Bearer ${ownKey}` };
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/calls',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"externalId": ',
    });
    expect(badJson.statusCode).toBe(400);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/calls',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<call/>',
    });
    expect(xml.statusCode).toBe(415);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/calls',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ externalId: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    const array = await postIntegration([1, 2, 3]);
    expect(array.statusCode).toBe(400);
  });
});

describe('an operator registers a call by hand', () => {
  const manual = (extra: Record<string, unknown> = {}) => ({
    id: crypto.randomUUID(),
    line: '113',
    callerName: 'Kari Nordmann',
    addressText: 'Bryggen 1, Bergen',
    lat: 60.3975,
    lon: 5.3245,
    urgency: 'A',
    ...extra,
  });

  it('registers it answered, owned by the operator, with the kommune of its position', async () => {
    const body = manual();
    const res = await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: operatorCookie }, payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: body.id, state: 'ANSWERED', source: 'MANUAL', urgency: 'A', kommunenummer: '4601' });
    const journal = await prisma.callJournalEntry.findMany({ where: { callId: body.id } });
    expect(journal).toHaveLength(1);
  });

  it('a retry with the same id returns the same call and writes nothing new', async () => {
    const body = manual();
    await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: operatorCookie }, payload: body });
    const callsBefore = await prisma.call.count({ where: { centreId: centre.id } });
    const eventsBefore = await eventsOf(body.id);
    expect(eventsBefore).toHaveLength(1);
    const retry = await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: operatorCookie }, payload: body });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(body.id);
    expect(await eventsOf(body.id)).toEqual(eventsBefore);
    expect(await prisma.callJournalEntry.count({ where: { callId: body.id } })).toBe(1);
    expect(await prisma.call.count({ where: { centreId: centre.id } })).toBe(callsBefore);
  });

  it('refuses a 113 call at the legevaktsentral, and half a position', async () => {
    const wrongLine = await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: lvsCookie }, payload: manual() });
    expect(wrongLine.statusCode).toBe(400);
    expect(wrongLine.json().message).toContain(lvs.code);
    const halfPosition = await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie: operatorCookie },
      payload: manual({ lon: undefined }),
    });
    expect(halfPosition.statusCode).toBe(400);
    expect(halfPosition.json().message).toMatch(/lat and lon come together/);
  });

  it('needs a session, and an operator role', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/calls', payload: manual() })).statusCode).toBe(401);
    const cookie = await cookieForNewUser(app, prisma, centre.id, { role: 'supervisor' });
    expect((await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie }, payload: manual() })).statusCode).toBe(403);
  });

  it('lists only my centre’s open calls, and audits the read', async () => {
    const readers = { actorId: { in: [operator.id, otherOperator.id] }, action: 'call.list' };
    const before = await prisma.auditLog.count({ where: readers });
    // One open call of each centre, so each list has something to leave out.
    const theirs = uniqueName('cti-theirs');
    expect((await postIntegration({ ...ringing(theirs), centre: other.code }, otherKey)).statusCode).toBe(201);
    expect((await postIntegration(ringing(uniqueName('cti-mine')))).statusCode).toBe(201);
    const mine = await app.inject({ method: 'GET', url: '/api/v1/calls', headers: { cookie: operatorCookie } });
    const others = await app.inject({
      method: 'GET',
      url: '/api/v1/calls',
      headers: { cookie: await cookieFor(app, otherOperator.username) },
    });
    expect(mine.json().calls.length).toBeGreaterThan(0);
    expect(mine.json().calls.every((c: { centreId: string }) => c.centreId === centre.id)).toBe(true);
    expect(others.json().calls.map((c: { externalId: string }) => c.externalId)).toContain(theirs);
    expect(others.json().calls.some((c: { centreId: string }) => c.centreId === centre.id)).toBe(false);
    expect(await prisma.auditLog.count({ where: readers })).toBe(before + 2);
  });
});

describe('API docs and health', () => {
  it('serves OpenAPI with the contracts', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.paths['/api/v1/integrations/calls'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['externalId', 'centre', 'line', 'callerNumber', 'ringingAt']),
    );
  });

  it('is ready when the database answers and is migrated', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).json()).toMatchObject({ status: 'ok', migrations: 'applied' });
  });
});
