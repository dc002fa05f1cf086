// Notifications say what happened (§ 11 rules issue, item 8): without a gateway nothing is sent, so
// the row is MANUAL until an operator records who confirmed and when; a legevaktsentral's triple
// alert includes the AMK that covers the call (§ 13 b); a legevaktsentral cannot send an ambulance.
// The centres, kommune, users and unit are this file's own (support/factories.ts).
import { createPrisma } from '@amk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createCentre, createKommune, createUnit } from './support/factories.js';
import { cookieForNewUser } from './support/integration.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let amk: string;
let lv: string;
/** An AMK and an LVS of the file's own, both covering one made-up kommune, and another AMK. */
let amkCentre: { id: string; code: string };
let otherAmk: { id: string; code: string };
let kommune: string;

beforeAll(async () => {
  app = await buildTestApp(prisma); // no NOTIFY_WEBHOOK_URL: the manual channel
  await app.ready();
  kommune = (await createKommune(prisma)).nummer;
  [amkCentre, otherAmk] = await Promise.all([createCentre(prisma, { kommuner: [kommune] }), createCentre(prisma)]);
  const lvsCentre = await createCentre(prisma, { kind: 'LVS', kommuner: [kommune] });
  [amk, lv] = await Promise.all([
    cookieForNewUser(app, prisma, amkCentre.id),
    cookieForNewUser(app, prisma, lvsCentre.id, { role: 'lv_operator' }),
  ]);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

/** A call of the caller's centre in the file's kommune: registered, then placed (the API resolves real places only). */
async function newCall(cookie: string, line: '113' | '116117') {
  const id = crypto.randomUUID();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/calls',
    headers: { cookie },
    payload: { id, line, addressText: 'Testveien 1' },
  });
  expect(res.statusCode).toBe(201);
  await prisma.call.update({ where: { id }, data: { kommunenummer: kommune } });
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
    expect(future.json().message).toMatch(/^at: .*in the future/);
    const before = await ack(n.id, { by: '110 Vest', at: new Date(Date.now() - 24 * 3_600_000).toISOString() });
    expect(before.statusCode).toBe(400);
    expect(before.json().message).toMatch(/^at: .*before the notification/);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).state).toBe('MANUAL');
  });
});

describe('a legevaktsentral', () => {
  it('triple-alerts police, fire and the AMK that covers the call, whose inbox has it', async () => {
    const callId = await newCall(lv, '116117');
    const res = await notify(lv, callId, { recipients: ['TRIPLE'], message: 'Brann i bolig, en skadet' });
    expect(res.statusCode).toBe(201);
    const byRecipient = Object.fromEntries(res.json().notifications.map((n: { recipient: string }) => [n.recipient, n]));
    expect(Object.keys(byRecipient).sort()).toEqual(['AMK', 'FIRE', 'POLICE']);
    expect(byRecipient.AMK).toMatchObject({ channel: 'internal', state: 'DELIVERED', recipientCentreId: amkCentre.id });
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie: amk } });
    expect(inbox.json().notifications.map((n: { id: string }) => n.id)).toContain(byRecipient.AMK.id);
  });

  it('with no AMK covering it, police and fire are still alerted and the journal says to phone AMK', async () => {
    const lonely = await createCentre(prisma, { kind: 'LVS', kommuner: [(await createKommune(prisma)).nummer] });
    const operator = await cookieForNewUser(app, prisma, lonely.id, { role: 'lv_operator' });
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
    const res = await notify(lv, callId, { recipients: ['TRIPLE'], recipientCentre: otherAmk.code, message: 'Ulykke' });
    expect(res.statusCode).toBe(201);
    const amk = res.json().notifications.find((n: { recipient: string }) => n.recipient === 'AMK');
    expect(amk).toMatchObject({ recipientCentreId: otherAmk.id, channel: 'internal' });
  });

  it('cannot send an ambulance: 403 naming § 13 b, and nothing is written', async () => {
    const callId = await newCall(lv, '116117');
    const unit = await createUnit(prisma, amkCentre.id);
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
