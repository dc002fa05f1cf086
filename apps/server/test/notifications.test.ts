// Triple alerting and other notifications: one action, one row per recipient, delivered through
// a webhook gateway with retries, acknowledged by API or by hand, failures visible.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createIntegrationKey } from './support/factories.js';
import { MAX_ATTEMPTS } from '../src/modules/notifications/dispatcher.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieForNewUser } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let gateway: Server;
let amk: string;
/** The file's own AMK centre (its operator sends) and a legevakt centre. */
let centre: { id: string; code: string };
let lvs: { id: string; code: string };
/** What the fake gateway (the edge of the world we cannot reach) answers: 'ok', or a status code. */
let gatewayAnswers: (number | 'ok')[] = [];
const received: { recipient: string; message: string }[] = [];

beforeAll(async () => {
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answer = gatewayAnswers.shift() ?? 'ok';
      if (answer === 'ok') received.push(JSON.parse(body));
      res.writeHead(answer === 'ok' ? 202 : answer).end();
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const port = (gateway.address() as { port: number }).port;
  app = await buildTestApp(prisma, { NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/notify` });
  await app.ready();
  [centre, lvs] = await Promise.all([createCentre(prisma), createCentre(prisma, { kind: 'LVS' })]);
  amk = await cookieForNewUser(app, prisma, centre.id);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
  gateway.close();
});

async function newCall() {
  const id = crypto.randomUUID();
  await app.inject({
    method: 'POST',
    url: '/api/v1/calls',
    headers: { cookie: amk },
    payload: { id, line: '113', addressText: 'Trafikkulykke E16' },
  });
  return id;
}
const notify = (callId: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/calls/${callId}/notifications`, headers: { cookie: amk }, payload });

describe('triple alerting', () => {
  it('one action notifies police and fire together, each with its own sent time, and the journal says so', async () => {
    const callId = await newCall();
    const res = await notify(callId, { recipients: ['TRIPLE'], message: 'Trafikkulykke E16 Arna, 3 biler' });
    expect(res.statusCode).toBe(201);
    const created = res.json().notifications;
    expect(created.map((n: { recipient: string }) => n.recipient).sort()).toEqual(['FIRE', 'POLICE']);
    expect(created[0].groupId).toBe(created[1].groupId);
    expect(created.every((n: { state: string }) => n.state === 'PENDING')).toBe(true);

    await app.jobs.notifications.runOnce();
    const rows = await prisma.notification.findMany({ where: { callId } });
    expect(rows.every((r) => r.state === 'SENT' && r.sentAt && r.channel === 'webhook')).toBe(true);
    expect(
      received
        .filter((r) => r.message === 'Trafikkulykke E16 Arna, 3 biler')
        .map((r) => r.recipient)
        .sort(),
    ).toEqual(['FIRE', 'POLICE']);
    const record = await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}`, headers: { cookie: amk } });
    expect(
      record.json().journal.some((j: { kind: string; text: string }) => j.kind === 'NOTIFICATION' && j.text.startsWith('Trippelvarsling')),
    ).toBe(true);
  });

  it('the gateway acknowledges by API; a second acknowledgement changes nothing', async () => {
    const callId = await newCall();
    const [n] = (await notify(callId, { recipients: ['POLICE'], message: 'Vold' })).json().notifications;
    await app.jobs.notifications.runOnce();
    const key = await createIntegrationKey(prisma, centre.code, 'gateway');
    const ack = (at: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/integrations/notifications/${n.id}/ack`,
        headers: { authorization: `Bearer ${key}` },
        payload: { by: 'Operasjonssentralen Vest politidistrikt', at },
      });
    const first = await ack('2026-11-23T10:00:05Z');
    expect(first.json()).toMatchObject({
      state: 'ACKNOWLEDGED',
      acknowledgedAt: '2026-11-23T10:00:05.000Z',
      acknowledgedBy: 'Operasjonssentralen Vest politidistrikt',
    });
    expect((await ack('2026-11-23T10:09:00Z')).json().acknowledgedAt).toBe('2026-11-23T10:00:05.000Z');
  });

  it('the operator can record an acknowledgement by hand', async () => {
    const callId = await newCall();
    const [n] = (await notify(callId, { recipients: ['HRS'], message: 'Person i sjøen' })).json().notifications;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${n.id}/ack`,
      headers: { cookie: amk },
      payload: { by: 'HRS Sør, på telefon' },
    });
    expect(res.json()).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: 'HRS Sør, på telefon' });
  });

  it('retries a failing gateway, and shows FAILED with the reason when it never answers', async () => {
    const callId = await newCall();
    gatewayAnswers = [503];
    const [retried] = (await notify(callId, { recipients: ['FIRE'], message: 'Brann i bolig' })).json().notifications;
    await app.jobs.notifications.runOnce();
    let row = await prisma.notification.findUniqueOrThrow({ where: { id: retried.id } });
    expect(row).toMatchObject({ state: 'PENDING', attempts: 1, lastError: 'gateway answered 503' });
    await prisma.notification.update({ where: { id: row.id }, data: { nextAttemptAt: new Date() } }); // skip the backoff wait
    await app.jobs.notifications.runOnce();
    row = await prisma.notification.findUniqueOrThrow({ where: { id: retried.id } });
    expect(row).toMatchObject({ state: 'SENT', attempts: 2, lastError: null });

    const callId2 = await newCall();
    gatewayAnswers = Array(MAX_ATTEMPTS).fill(500);
    const [failing] = (await notify(callId2, { recipients: ['POLICE'], message: 'Savnet person' })).json().notifications;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await prisma.notification.update({ where: { id: failing.id }, data: { nextAttemptAt: new Date() } });
      await app.jobs.notifications.runOnce();
    }
    row = await prisma.notification.findUniqueOrThrow({ where: { id: failing.id } });
    expect(row).toMatchObject({ state: 'FAILED', attempts: MAX_ATTEMPTS, lastError: 'gateway answered 500' });
    const list = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie: amk } });
    expect(list.json().notifications.find((n: { id: string }) => n.id === failing.id).state).toBe('FAILED');
  });

  it('names what is wrong with a notification request', async () => {
    const callId = await newCall();
    expect((await notify(callId, { recipients: [], message: 'x' })).json().message).toMatch(/at least one recipient/);
    expect((await notify(callId, { recipients: ['AMK'], message: 'x' })).json().message).toMatch(/recipientCentre/);
    expect((await notify(callId, { recipients: ['AMK'], recipientCentre: lvs.code, message: 'x' })).json().message).toMatch(/not an AMK/);
    expect((await notify(callId, { recipients: ['ARMY'], message: 'x' })).statusCode).toBe(400);
    expect(await prisma.notification.count({ where: { callId } })).toBe(0);
  });
});
