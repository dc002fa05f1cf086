// Integrations retry. Every integration message sent twice changes nothing the second time: no
// second row, no second event, the same answer. The centre, its user, key and unit are this
// file's own (support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { createCentre, createUnit, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { amlSms, cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let auth: Record<string, string>;
let centre: string;
let callSign: string;
let username: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  const own = await createCentre(prisma);
  centre = own.code;
  callSign = (await createUnit(prisma, own.id)).callSign;
  username = (await createUser(prisma, own.id)).username;
  auth = { authorization: `Bearer ${(await createIntegrationKeyService(prisma).create('retries', centre)).key}` };
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

/** Sends the same request twice; returns both answers and what the second one changed. */
async function twice(request: InjectOptions) {
  const first = await app.inject(request);
  const events = await prisma.event.count();
  const rows = await Promise.all([
    prisma.call.count(),
    prisma.callerPosition.count(),
    prisma.unitStatusChange.count(),
    prisma.recording.count(),
  ]);
  const second = await app.inject(request);
  const rowsAfter = await Promise.all([
    prisma.call.count(),
    prisma.callerPosition.count(),
    prisma.unitStatusChange.count(),
    prisma.recording.count(),
  ]);
  return { first, second, newEvents: (await prisma.event.count()) - events, rowsChanged: rowsAfter.some((n, i) => n !== rows[i]) };
}

describe('every integration message, twice', () => {
  const externalId = `idem-${Date.now()}`;
  const at = new Date(Date.now() + 1_000).toISOString();

  it.each([
    [
      'a ringing call',
      () => ({
        method: 'POST',
        url: '/api/v1/integrations/calls',
        payload: { externalId, centre, line: '113', callerNumber: '+4790000099', ringingAt: at },
      }),
    ],
    ['answered', () => ({ method: 'POST', url: `/api/v1/integrations/calls/${externalId}/answered`, payload: { answeredAt: at } })],
    ['ended', () => ({ method: 'POST', url: `/api/v1/integrations/calls/${externalId}/ended`, payload: { endedAt: at } })],
    [
      'an AML position',
      () => ({
        method: 'POST',
        url: '/api/v1/integrations/aml?msisdn=4790000099',
        headers: { 'content-type': 'text/plain' },
        payload: amlSms({ lat: 60.39, lon: 5.32, radius: 10, at: new Date(Date.parse(at) - 5_000) }),
      }),
    ],
    [
      'a unit status',
      () => ({ method: 'POST', url: `/api/v1/integrations/units/${callSign}/status`, payload: { status: 'UNAVAILABLE', at } }),
    ],
    [
      'a unit position',
      () => ({ method: 'PUT', url: `/api/v1/integrations/units/${callSign}/position`, payload: { lat: 60.4, lon: 5.3, at } }),
    ],
  ] as const)('%s', async (_name, make) => {
    const req = make() as { method: 'POST' | 'PUT'; url: string; payload: unknown; headers?: Record<string, string> };
    const { first, second, newEvents, rowsChanged } = await twice({
      method: req.method,
      url: req.url,
      payload: req.payload as string,
      headers: { ...auth, ...req.headers },
    });
    expect(first.statusCode).toBeLessThan(300);
    expect(second.statusCode).toBeLessThan(300);
    expect(newEvents).toBe(0);
    expect(rowsChanged).toBe(false);
    if ('id' in first.json()) expect(second.json().id).toBe(first.json().id);
  });

  it('a notification acknowledgement', async () => {
    const cookie = await cookieFor(app, username);
    const callId = crypto.randomUUID();
    await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie }, payload: { id: callId, line: '113' } });
    const [n] = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/calls/${callId}/notifications`,
        headers: { cookie },
        payload: { recipients: ['FIRE'], message: 'Brann' },
      })
    ).json().notifications;
    const { second, newEvents } = await twice({
      method: 'POST',
      url: `/api/v1/integrations/notifications/${n.id}/ack`,
      headers: auth,
      payload: { by: '110 Vest', at },
    });
    expect(second.json().acknowledgedBy).toBe('110 Vest');
    expect(newEvents).toBe(0);
  });
});
