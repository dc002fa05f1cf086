// Registering calls through the real routes (app.inject), with real auth and a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let bergenKey: string;
let fordeKey: string;
let operatorCookie: string;
let lvsCookie: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  const keys = createIntegrationKeyService(prisma);
  bergenKey = (await keys.create('telephony bergen', 'AMK-BERGEN')).key;
  fordeKey = (await keys.create('telephony forde', 'AMK-FORDE')).key;
  const cookieOf = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo' } });
    return String(res.headers['set-cookie']).split(';')[0]!;
  };
  operatorCookie = await cookieOf('amk.bergen');
  lvsCookie = await cookieOf('lv.bergen');
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const ringing = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  centre: 'AMK-BERGEN',
  line: '113',
  callerNumber: '+4791234567',
  ringingAt: '2026-11-22T09:15:00+01:00',
  ...extra,
});

function postIntegration(body: unknown, key = bergenKey) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/integrations/calls',
    headers: { authorization: `Bearer ${key}` },
    payload: body as object,
  });
}

describe('telephony registers a ringing call', () => {
  it('creates it once: the same externalId again answers 200 with the same call', async () => {
    const first = await postIntegration(ringing('cti-1001'));
    expect(first.statusCode).toBe(201);
    const call = first.json();
    expect(call).toMatchObject({
      externalId: 'cti-1001',
      line: '113',
      state: 'RINGING',
      source: 'CTI',
      callerNumber: '+4791234567',
      ringingAt: '2026-11-22T08:15:00.000Z',
    });

    const again = await postIntegration(ringing('cti-1001'));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(call.id);
    expect(await prisma.call.count({ where: { externalId: 'cti-1001' } })).toBe(1);
  });

  it('creates one call when the same message arrives twice at once', async () => {
    const [a, b] = await Promise.all([postIntegration(ringing('cti-race')), postIntegration(ringing('cti-race'))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await prisma.call.count({ where: { externalId: 'cti-race' } })).toBe(1);
  });

  it('writes the call and its event in one transaction', async () => {
    const res = await postIntegration(ringing('cti-event'));
    const events = await prisma.event.findMany({ where: { type: 'call.upserted' }, orderBy: { seq: 'desc' }, take: 5 });
    const event = events.find((e) => (e.data as { id: string }).id === res.json().id);
    expect(event).toBeDefined();
    expect(event!.audience).toEqual([`centre:${res.json().centreId}`]);
  });

  it.each([
    [{ ...ringing('bad-1'), centre: 'AMK-NOWHERE' }, 400, /unknown centre 'AMK-NOWHERE'/],
    [{ ...ringing('bad-2'), line: '112' }, 400, /line/],
    [{ ...ringing('bad-3'), line: '116117' }, 400, /line '116117' is not answered by AMK-BERGEN/],
    [{ ...ringing('bad-4'), ringingAt: 'yesterday' }, 400, /ringingAt/],
    [{ ...ringing('bad-5'), callerNumber: 'call me' }, 400, /callerNumber/],
    [{ ...ringing('bad-6'), externalId: '' }, 400, /externalId/],
    [{ centre: 'AMK-BERGEN' }, 400, /externalId/],
  ])('refuses %j with %i naming what is wrong', async (body, status, message) => {
    const res = await postIntegration(body);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(message);
    expect(await prisma.call.count({ where: { externalId: { startsWith: 'bad-' } } })).toBe(0);
  });

  it('refuses a key of another centre', async () => {
    const res = await postIntegration(ringing('cti-other'), fordeKey);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/AMK-FORDE/);
    expect(await prisma.call.count({ where: { externalId: 'cti-other' } })).toBe(0);
  });

  it('answers 4xx, never 5xx, to malformed bodies and content types', async () => {
    const headers = { authorization: `Bearer ${bergenKey}` };
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
    const eventsBefore = await prisma.event.count();
    const retry = await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: operatorCookie }, payload: body });
    expect(retry.statusCode).toBe(200);
    expect(await prisma.event.count()).toBe(eventsBefore);
  });

  it('refuses a 113 call at the legevaktsentral, and half a position', async () => {
    const wrongLine = await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: lvsCookie }, payload: manual() });
    expect(wrongLine.statusCode).toBe(400);
    expect(wrongLine.json().message).toMatch(/LVS-BERGEN/);
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
    const supervisor = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'supervisor.bergen', password: 'demo' },
    });
    const cookie = String(supervisor.headers['set-cookie']).split(';')[0]!;
    expect((await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie }, payload: manual() })).statusCode).toBe(403);
  });

  it('lists only my centre’s open calls, and audits the read', async () => {
    const before = await prisma.auditLog.count({ where: { action: 'call.list' } });
    const mine = await app.inject({ method: 'GET', url: '/api/v1/calls', headers: { cookie: operatorCookie } });
    const fordeLogin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'amk.forde', password: 'demo' },
    });
    const forde = await app.inject({
      method: 'GET',
      url: '/api/v1/calls',
      headers: { cookie: String(fordeLogin.headers['set-cookie']).split(';')[0]! },
    });
    const bergenCentre = mine.json().calls[0].centreId;
    expect(mine.json().calls.length).toBeGreaterThan(0);
    expect(mine.json().calls.every((c: { centreId: string }) => c.centreId === bergenCentre)).toBe(true);
    expect(forde.json().calls.some((c: { centreId: string }) => c.centreId === bergenCentre)).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: 'call.list' } })).toBe(before + 2);
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
