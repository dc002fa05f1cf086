// Notifications between centres of this installation (§ 15 e AMK → AMK, § 15 f AMK → LVS, and
// LVS → AMK): delivered at once into the receiving centre's inbox, live on each of its consoles,
// acknowledged there by an operator; the sender sees delivered and acknowledged (who, when) live.
// The centres and users are this file's own (support/factories.ts): the wall's counts before and
// after are then this file's alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSummary } from '@amk/contracts';
import { createCentre, createUser } from './support/factories.js';
import { login, openConsole, startServer, waitFor, type ConsoleSocket, type TestServer } from './support/test-app.js';

let server: TestServer;
let amk: string;
let amk2: string;
let lv: string;
let forde: string;
let supervisor: string;
/** The own AMK centre, a legevaktsentral it lists as a neighbour, and another AMK centre. */
let amkCentre: { id: string; code: string };
let lvsCentre: { id: string; code: string };
let otherAmk: { id: string; code: string };
const LVS_NAME = 'Legevaktsentralen i Testby';
const OTHER_AMK_NAME = 'AMK Nabofylket';

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  lvsCentre = await createCentre(prisma, { kind: 'LVS', name: LVS_NAME });
  otherAmk = await createCentre(prisma, { name: OTHER_AMK_NAME });
  amkCentre = await createCentre(prisma, { neighbourCentreIds: [lvsCentre.id] });
  const as = async (...args: Parameters<typeof createUser>) => login(server, (await createUser(...args)).username);
  [amk, amk2, lv, forde, supervisor] = await Promise.all([
    as(prisma, amkCentre.id),
    as(prisma, amkCentre.id),
    as(prisma, lvsCentre.id, { role: 'lv_operator', displayName: 'Sofie Test' }),
    as(prisma, otherAmk.id, { displayName: 'Ola Test' }),
    as(prisma, amkCentre.id, { role: 'supervisor' }),
  ]);
});
afterAll(() => server.close());

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, 'accept-language': 'nb', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

async function newCall(cookie: string, line = '113', urgency?: 'A' | 'H' | 'V'): Promise<string> {
  const id = crypto.randomUUID();
  const res = await api(cookie, 'POST', '/calls', { id, line, addressText: 'Førdevegen 1, Sunnfjord', ...(urgency && { urgency }) });
  expect(res.status).toBe(201);
  return id;
}

const notificationEvent = (socket: ConsoleSocket, id: string, state?: string) =>
  socket.received.find(
    (e) =>
      e.type === 'notification.upserted' &&
      (e.data as NotificationSummary).id === id &&
      (!state || (e.data as NotificationSummary).state === state),
  );

describe('a notification to another centre of the installation', () => {
  it('AMK → LVS (§ 15 f): in the LVS inbox at once on every LVS console; an LVS operator acknowledges; AMK sees who and when, live', async () => {
    const callId = await newCall(amk, '113', 'H');
    const lvConsole = openConsole(server, lv);
    const amkConsole = openConsole(server, amk2);
    const fordeConsole = openConsole(server, forde);
    await Promise.all([lvConsole.live, amkConsole.live, fordeConsole.live]);

    const sent = await api(amk, 'POST', `/calls/${callId}/notifications`, {
      recipients: ['LVS'],
      recipientCentre: lvsCentre.code,
      message: 'Behov for lege i vakt',
    });
    expect(sent.status).toBe(201);
    const [n] = sent.body.notifications as NotificationSummary[];
    // Delivered in the same transaction: no gateway, no dispatcher.
    expect(n).toMatchObject({
      recipient: 'LVS',
      recipientCentreId: lvsCentre.id,
      channel: 'internal',
      state: 'DELIVERED',
      acknowledgedAt: null,
      urgency: 'H', // the call's urgency goes with it, for the receiving centre's queue
    });
    expect(n!.sentAt).not.toBeNull();

    const inLvs = await waitFor(() => notificationEvent(lvConsole, n!.id), 5_000, 'the LVS console to hear the notification');
    expect((inLvs.data as NotificationSummary).message).toBe('Behov for lege i vakt');
    await waitFor(() => notificationEvent(amkConsole, n!.id, 'DELIVERED'), 5_000, 'the other AMK console to see it delivered');
    const inbox = await api(lv, 'GET', '/notifications');
    expect(inbox.body.notifications.map((x: NotificationSummary) => x.id)).toContain(n!.id);
    const snapshot = await api(lv, 'GET', '/snapshot');
    expect(snapshot.body.notifications.map((x: NotificationSummary) => x.id)).toContain(n!.id);

    // The sender cannot acknowledge on the receiver's behalf, and a third centre cannot see it.
    expect((await api(amk, 'POST', `/notifications/${n!.id}/ack`, { by: 'på telefon' })).status).toBe(409);
    expect((await api(amk, 'POST', `/notifications/${n!.id}/acknowledge`)).status).toBe(404);
    expect((await api(forde, 'POST', `/notifications/${n!.id}/acknowledge`)).status).toBe(404);
    expect((await api(forde, 'GET', '/notifications')).body.notifications.map((x: NotificationSummary) => x.id)).not.toContain(n!.id);

    const acked = await api(lv, 'POST', `/notifications/${n!.id}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: `Sofie Test, ${LVS_NAME}` });
    expect(acked.body.acknowledgedAt).not.toBeNull();
    const seen = await waitFor(() => notificationEvent(amkConsole, n!.id, 'ACKNOWLEDGED'), 5_000, 'AMK to see the acknowledgement');
    expect((seen.data as NotificationSummary).acknowledgedBy).toBe(`Sofie Test, ${LVS_NAME}`);
    await waitFor(() => notificationEvent(lvConsole, n!.id, 'ACKNOWLEDGED'), 5_000, 'every LVS console to see it acknowledged');

    // Idempotent: a second acknowledgement changes nothing.
    const again = await api(lv, 'POST', `/notifications/${n!.id}/acknowledge`);
    expect(again.body.acknowledgedAt).toBe(acked.body.acknowledgedAt);
    const record = await api(amk, 'GET', `/calls/${callId}`);
    expect(record.body.journal.map((j: { text: string }) => j.text)).toEqual(
      expect.arrayContaining([
        `Varsling: legevaktsentral ${LVS_NAME} — Behov for lege i vakt`,
        `Varsel kvittert av Sofie Test, ${LVS_NAME}`,
      ]),
    );
    // The other AMK centre never heard of any of it: a call of its own, made after, reaches its
    // console in seq order, so anything sent to it before would have arrived first.
    const fordeCallId = await newCall(forde);
    await waitFor(
      () => fordeConsole.received.some((e) => e.type === 'call.upserted' && (e.data as { id: string }).id === fordeCallId),
      5_000,
      'the other AMK console to hear its own call',
    );
    expect(fordeConsole.received.some((e) => e.type === 'notification.upserted' && (e.data as NotificationSummary).id === n!.id)).toBe(
      false,
    );
    for (const s of [lvConsole, amkConsole, fordeConsole]) s.disconnect();
  });

  it('AMK → AMK (§ 15 e) and LVS → AMK reach the other centre the same way; the wall counts them until acknowledged', async () => {
    const fordeConsole = openConsole(server, forde);
    const amkConsole = openConsole(server, amk);
    await Promise.all([fordeConsole.live, amkConsole.live]);
    const callId = await newCall(amk);
    const toForde = await api(amk, 'POST', `/calls/${callId}/notifications`, {
      recipients: ['AMK'],
      recipientCentre: otherAmk.code,
      message: 'Trafikkulykke på grensen, vi sender fra Voss',
    });
    const n = toForde.body.notifications[0] as NotificationSummary;
    await waitFor(() => notificationEvent(fordeConsole, n.id), 5_000, 'the other AMK centre to hear it');
    const wall = await api(supervisor, 'GET', '/wall');
    expect(wall.body.centres[0].notificationsAwaitingAck).toBeGreaterThanOrEqual(1);
    expect((await api(forde, 'POST', `/notifications/${n.id}/acknowledge`)).body.acknowledgedBy).toBe(`Ola Test, ${OTHER_AMK_NAME}`);

    const lvCall = await newCall(lv, '116117');
    const toAmk = await api(lv, 'POST', `/calls/${lvCall}/notifications`, {
      recipients: ['AMK'],
      recipientCentre: amkCentre.code,
      message: 'Pasient på vei inn med egen bil',
    });
    expect(toAmk.status).toBe(201);
    const m = toAmk.body.notifications[0] as NotificationSummary;
    await waitFor(() => notificationEvent(amkConsole, m.id, 'DELIVERED'), 5_000, 'AMK to hear the LVS notification');
    // A supervisor is not an operator: only operators acknowledge.
    expect((await api(supervisor, 'POST', `/notifications/${m.id}/acknowledge`)).status).toBe(403);
    expect((await api(amk, 'POST', `/notifications/${m.id}/acknowledge`)).body.state).toBe('ACKNOWLEDGED');
    fordeConsole.disconnect();
    amkConsole.disconnect();
  });

  it('one unacknowledged after 60 s is red on both walls, sender and receiver, until acknowledged', async () => {
    const walls = async () => {
      const res = await api(supervisor, 'GET', `/wall?centres=${amkCentre.code},${lvsCentre.code}`);
      return res.body.centres.map((c: { centreNotificationsLate: number; inboxAwaitingAck: number }) => [
        c.centreNotificationsLate,
        c.inboxAwaitingAck,
      ]);
    };
    const [[amkBefore], [lvsBefore, lvsInboxBefore]] = await walls();
    const callId = await newCall(amk);
    const sent = await api(amk, 'POST', `/calls/${callId}/notifications`, {
      recipients: ['LVS'],
      recipientCentre: lvsCentre.code,
      message: 'Behov for lege i vakt',
    });
    const n = sent.body.notifications[0] as NotificationSummary;
    const [[amkFresh], [lvsFresh, lvsInbox]] = await walls();
    expect([amkFresh, lvsFresh, lvsInbox]).toEqual([amkBefore, lvsBefore, lvsInboxBefore + 1]);
    // 61 seconds on (the row made older rather than the test made slower)
    await server.prisma.notification.update({
      where: { id: n.id },
      data: { createdAt: new Date(Date.now() - 61_000), sentAt: new Date(Date.now() - 61_000) },
    });
    const [[amkLate], [lvsLate]] = await walls();
    expect([amkLate, lvsLate]).toEqual([amkBefore + 1, lvsBefore + 1]);
    await api(lv, 'POST', `/notifications/${n.id}/acknowledge`);
    const [[amkAfter], [lvsAfter, lvsInboxAfter]] = await walls();
    expect([amkAfter, lvsAfter, lvsInboxAfter]).toEqual([amkBefore, lvsBefore, lvsInboxBefore]);
  });

  it('refuses to notify its own centre, and a centre of the wrong kind, in Norwegian; nothing written', async () => {
    const callId = await newCall(amk);
    const self = await api(amk, 'POST', `/calls/${callId}/notifications`, {
      recipients: ['AMK'],
      recipientCentre: amkCentre.code,
      message: 'x',
    });
    expect(self.status).toBe(400);
    expect(self.body.message).toMatch(/kan ikke varsle seg selv/);
    const wrongKind = await api(amk, 'POST', `/calls/${callId}/notifications`, {
      recipients: ['LVS'],
      recipientCentre: otherAmk.code,
      message: 'x',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.message).toMatch(/er ikke en legevaktsentral/);
    expect(await server.prisma.notification.count({ where: { callId } })).toBe(0);
  });

  it('police, fire and HRS keep their own channel (here none is configured: they must be phoned)', async () => {
    const callId = await newCall(amk);
    const res = await api(amk, 'POST', `/calls/${callId}/notifications`, { recipients: ['TRIPLE', 'HRS'], message: 'Båtulykke' });
    expect(res.body.notifications).toHaveLength(3);
    expect(
      res.body.notifications.every(
        (x: NotificationSummary) => x.channel === 'manual' && x.state === 'MANUAL' && x.recipientCentreId === null,
      ),
    ).toBe(true);
  });
});
