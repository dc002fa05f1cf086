// Notifications say what happened (§ 11 rules issue, item 8): without a gateway nothing is sent, so
// the row is MANUAL until an operator records who confirmed and when; a legevaktsentral's triple
// alert includes the AMK that covers the call (§ 13 b); a legevaktsentral cannot send an ambulance.
import { createPrisma } from '@amk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createCentre, createUser } from './support/factories.js';
import { cookieFor } from './support/integration.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let amk: string;
let lv: string;

beforeAll(async () => {
  app = await buildTestApp(prisma); // no NOTIFY_WEBHOOK_URL: the manual channel
  await app.ready();
  amk = await cookieFor(app, 'amk.bergen');
  lv = await cookieFor(app, 'lv.bergen');
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

async function newCall(cookie: string, line: '113' | '116117') {
  const id = crypto.randomUUID();
  // Bryggen, Bergen (kommune 4601): covered by AMK Bergen and Legevaktsentralen i Bergen.
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/calls',
    headers: { cookie },
    payload: { id, line, addressText: 'Bryggen 1', lat: 60.3975, lon: 5.3245 },
  });
  expect(res.statusCode).toBe(201);
  return id;
}
const notify = (cookie: string, callId: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/calls/${callId}/notifications`, headers: { cookie }, payload });
const ack = (id: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/ack`, headers: { cookie: amk }, payload });

describe('without a gateway', () => {
  it('a notification is MANUAL, never SENT, and the dispatcher leaves it alone', async () => {
    const callId = await newCall(amk, '113');
    const res = await notify(amk, callId, { recipients: ['TRIPLE'], message: 'Trafikkulykke' });
    expect(res.statusCode).toBe(201);
    const created = res.json().notifications;
    expect(created.map((n: { recipient: string; state: string; sentAt: string | null }) => [n.recipient, n.state, n.sentAt])).toEqual([
      ['POLICE', 'MANUAL', null],
      ['FIRE', 'MANUAL', null],
    ]);
    await app.jobs.notifications.runOnce();
    const rows = await prisma.notification.findMany({ where: { callId } });
    expect(rows.map((r) => [r.state, r.sentAt, r.attempts])).toEqual([
      ['MANUAL', null, 0],
      ['MANUAL', null, 0],
    ]);
  });

  it('the operator records who confirmed and when; the call journal says it was phoned in', async () => {
    const callId = await newCall(amk, '113');
    const [n] = (await notify(amk, callId, { recipients: ['HRS'], message: 'Person i sjøen' })).json().notifications;
    const phonedAt = new Date(Date.now() - 30_000).toISOString();
    const res = await ack(n.id, { by: 'Vakthavende HRS Sør', at: phonedAt });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'ACKNOWLEDGED',
      acknowledgedBy: 'Vakthavende HRS Sør',
      acknowledgedAt: phonedAt,
      sentAt: phonedAt,
    });
    const record = await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}`, headers: { cookie: amk } });
    const entry = record.json().journal.find((j: { text: string }) => j.text.includes('ringt inn'));
    expect(entry).toMatchObject({
      kind: 'NOTIFICATION',
      at: phonedAt,
      text: 'Varsling til HRS ringt inn, bekreftet av Vakthavende HRS Sør',
    });
  });

  it('refuses a confirmation time in the future or before the notification existed, naming it', async () => {
    const callId = await newCall(amk, '113');
    const [n] = (await notify(amk, callId, { recipients: ['FIRE'], message: 'Røyk' })).json().notifications;
    const future = await ack(n.id, { by: '110 Vest', at: new Date(Date.now() + 10 * 60_000).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toMatch(/^at: .*fram i tid/);
    const before = await ack(n.id, { by: '110 Vest', at: new Date(Date.now() - 24 * 3_600_000).toISOString() });
    expect(before.statusCode).toBe(400);
    expect(before.json().message).toMatch(/^at: .*før varselet/);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).state).toBe('MANUAL');
  });
});

describe('a legevaktsentral', () => {
  it('triple-alerts police, fire and the AMK that covers the call, whose inbox has it', async () => {
    const callId = await newCall(lv, '116117');
    const res = await notify(lv, callId, { recipients: ['TRIPLE'], message: 'Brann i bolig, en skadet' });
    expect(res.statusCode).toBe(201);
    const amkBergen = await prisma.centre.findUniqueOrThrow({ where: { code: 'AMK-BERGEN' } });
    const byRecipient = Object.fromEntries(res.json().notifications.map((n: { recipient: string }) => [n.recipient, n]));
    expect(Object.keys(byRecipient).sort()).toEqual(['AMK', 'FIRE', 'POLICE']);
    expect(byRecipient.AMK).toMatchObject({ channel: 'internal', state: 'DELIVERED', recipientCentreId: amkBergen.id });
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie: amk } });
    expect(inbox.json().notifications.map((n: { id: string }) => n.id)).toContain(byRecipient.AMK.id);
  });

  it('with no AMK covering it, police and fire are still alerted and the journal says to phone AMK', async () => {
    const lonely = await createCentre(prisma, { kind: 'LVS', kommuner: ['9999'] });
    const operator = await cookieFor(app, (await createUser(prisma, lonely.id, { role: 'lv_operator' })).username);
    const callId = crypto.randomUUID();
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: operator }, payload: { id: callId, line: '116117' } }))
        .statusCode,
    ).toBe(201);
    const res = await notify(operator, callId, { recipients: ['TRIPLE'], message: 'Brann' });
    expect(res.statusCode).toBe(201);
    expect(
      res
        .json()
        .notifications.map((n: { recipient: string }) => n.recipient)
        .sort(),
    ).toEqual(['FIRE', 'POLICE']);
    const record = await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}`, headers: { cookie: operator } });
    expect(record.json().journal.map((j: { text: string }) => j.text)).toContainEqual(
      expect.stringContaining('ingen AMK dekker kommunen: ring AMK'),
    );
  });

  it('a triple alert naming an AMK reaches that AMK', async () => {
    const callId = await newCall(lv, '116117');
    const forde = await prisma.centre.findUniqueOrThrow({ where: { code: 'AMK-FORDE' } });
    const res = await notify(lv, callId, { recipients: ['TRIPLE'], recipientCentre: 'AMK-FORDE', message: 'Ulykke' });
    expect(res.statusCode).toBe(201);
    const amk = res.json().notifications.find((n: { recipient: string }) => n.recipient === 'AMK');
    expect(amk).toMatchObject({ recipientCentreId: forde.id, channel: 'internal' });
  });

  it('cannot send an ambulance: 403 naming § 13 b, and nothing is written', async () => {
    const callId = await newCall(lv, '116117');
    const unit = await prisma.unit.findFirstOrThrow({ where: { kind: 'AMBULANCE_CAR', centre: { code: 'AMK-BERGEN' } } });
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: lv },
      payload: { id, callId, kind: 'AMBULANCE', unitIds: [unit.id] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('§ 13 b');
    expect(await prisma.mission.findUnique({ where: { id } })).toBeNull();
  });
});
