// Backup centres (§ 15 p for AMK, § 12 d for 116117): a supervisor of a designated backup centre
// takes over a centre that cannot work; while it lasts, the taken-over centre's telephony calls
// reach the backup's consoles, its operators work them (and the centre's units) on its behalf,
// every step audited under that centre naming the backup; ending it hands back with a count of
// what was done, and the backup hears nothing more. Without a takeover, isolation is unchanged.
// The centres, users, units and keys are this file's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTING_CENTRE_HEADER, type CallRecord, type Snapshot, type TakeoverSummary, type Wall } from '@amk/contracts';
import { createCentre, createIntegrationKey, createUnit, createUser } from './support/factories.js';
import { login, openConsole, startServer, waitFor, type ConsoleSocket, type TestServer } from './support/test-app.js';

let server: TestServer;
const sockets: ConsoleSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server.close();
});

/** Two AMK centres that back each other up, with an operator and a supervisor each, and a telephony key. */
async function pair() {
  const { prisma } = server;
  const bergen = await createCentre(prisma, { name: 'AMK Testbergen' });
  const forde = await createCentre(prisma, { name: 'AMK Testførde', backupCentreIds: [bergen.id] });
  await prisma.centre.update({ where: { id: bergen.id }, data: { backupCentreIds: [forde.id] } });
  const as = async (centreId: string, role?: 'supervisor') =>
    login(server, (await createUser(prisma, centreId, role ? { role } : {})).username);
  return {
    bergen,
    forde,
    bergenOperator: await as(bergen.id),
    bergenSupervisor: await as(bergen.id, 'supervisor'),
    fordeOperator: await as(forde.id),
    fordeSupervisor: await as(forde.id, 'supervisor'),
    telephony: await createIntegrationKey(prisma, bergen.code, 'telephony'),
  };
}

async function api(method: string, path: string, cookie: string, body?: unknown, acting?: string) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      cookie,
      origin: server.url,
      'accept-language': 'nb',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(acting && { [ACTING_CENTRE_HEADER]: acting }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { message: string } };
}

async function ring(key: string, centre: string, externalId: string) {
  const res = await fetch(`${server.url}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, centre, line: '113', callerNumber: '+4791234567', ringingAt: new Date().toISOString() }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

async function listening(cookie: string) {
  const socket = openConsole(server, cookie);
  sockets.push(socket);
  await socket.live;
  return socket;
}

const callEvent = (socket: ConsoleSocket, callId: string) =>
  socket.received.find((e) => e.type === 'call.upserted' && e.data.id === callId);

describe('a takeover by a designated backup centre', () => {
  it("brings the centre's calls to the backup, lets it work them and the centre's units on its behalf, and hands back with a count", async () => {
    const { prisma } = server;
    const p = await pair();
    const unit = await createUnit(prisma, p.bergen.id, { lat: 60.39, lon: 5.32 });

    // Before: a Bergen call does not reach Førde, and Førde cannot act for Bergen.
    const fordeBefore = await listening(p.fordeOperator);
    const bergenConsole = await listening(p.bergenOperator);
    const early = await ring(p.telephony, p.bergen.code, 'before-takeover');
    await waitFor(() => callEvent(bergenConsole, early.id), 5_000, 'the call at Bergen');
    const refused = await api('GET', `/calls/${early.id}`, p.fordeOperator, undefined, p.bergen.code);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('§ 15 p');

    const started = await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, {
      reason: 'Brannalarm, AMK Bergen evakueres',
    });
    expect(started.status).toBe(201);
    const takeover = started.body as unknown as TakeoverSummary;
    expect(takeover.centre.code).toBe(p.bergen.code);
    expect(takeover.backupCentre.code).toBe(p.forde.code);
    // Both centres hear of it; the backup's console is told to reload what it may see.
    await waitFor(() => bergenConsole.received.some((e) => e.type === 'takeover.upserted'), 5_000, 'Bergen told');
    await waitFor(() => fordeBefore.received.some((e) => e.type === 'takeover.upserted'), 5_000, 'Førde told');
    expect(callEvent(fordeBefore, early.id)).toBeUndefined();
    // Both walls say who is working whose lines.
    for (const cookie of [p.fordeSupervisor, p.bergenSupervisor]) {
      const wall = (await api('GET', '/wall', cookie)).body as unknown as Wall;
      expect(wall.centres[0]!.takeovers).toEqual([
        { centre: p.bergen.name, backupCentre: p.forde.name, startedAt: takeover.startedAt, endsAt: null },
      ]);
    }

    // The backup's snapshot now holds Bergen's open call and its units, marked with Bergen's centre.
    const snapshot = (await api('GET', '/snapshot', p.fordeOperator)).body as unknown as Snapshot;
    expect(snapshot.calls.map((c) => [c.id, c.centreId])).toContainEqual([early.id, p.bergen.id]);
    expect(snapshot.units.map((u) => u.id)).toContain(unit.id);
    expect(snapshot.takeovers?.map((t) => t.id)).toEqual([takeover.id]);

    // A new CTI call for Bergen reaches a Førde console (a fresh connection, as after the reload).
    const forde = await listening(p.fordeOperator);
    const during = await ring(p.telephony, p.bergen.code, 'during-takeover');
    const heard = await waitFor(() => callEvent(forde, during.id), 5_000, 'the Bergen call at Førde');
    expect(heard.centreId).toBe(p.bergen.id);

    // Førde's operator takes it, reads it and sends Bergen's unit, acting for Bergen.
    expect((await api('POST', `/calls/${during.id}/take`, p.fordeOperator, {}, p.bergen.code)).status).toBe(200);
    const record = await api('GET', `/calls/${during.id}`, p.fordeOperator, undefined, p.bergen.code);
    expect(record.status).toBe(200);
    expect((record.body as unknown as CallRecord).centreId).toBe(p.bergen.id);
    const mission = await api(
      'POST',
      '/missions',
      p.fordeOperator,
      { id: crypto.randomUUID(), callId: during.id, unitIds: [unit.id], urgency: 'A', lat: 60.39, lon: 5.32 },
      p.bergen.code,
    );
    expect(mission.status).toBe(201);
    // The call stays Bergen's: its answer time counts for the line that rang.
    expect((await prisma.call.findUniqueOrThrow({ where: { id: during.id } })).centreId).toBe(p.bergen.id);
    // Without the header the same operator is Førde, and Bergen's call is not theirs.
    expect((await api('GET', `/calls/${during.id}`, p.fordeOperator)).status).toBe(404);

    // Audited under Bergen, naming Førde and the takeover.
    const audits = await prisma.auditLog.findMany({
      where: { centreId: p.bergen.id, detail: { path: ['takeoverId'], equals: takeover.id } },
    });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['call.read', 'takeover.write']));
    expect(audits.every((a) => (a.detail as { actingFrom?: string }).actingFrom === p.forde.code)).toBe(true);

    // Bergen's supervisor is back and ends it: the summary says what Førde did meanwhile.
    const ended = await api('DELETE', `/centres/${p.bergen.code}/takeover`, p.bergenSupervisor);
    expect(ended.status).toBe(200);
    const work = (ended.body as unknown as TakeoverSummary).work!;
    expect(work.callsReceived).toBe(1);
    expect(work.callsWorked).toBe(1);
    expect(work.missionsCreated).toBe(1);
    expect(work.byAction.map((a) => a.action)).toEqual(expect.arrayContaining(['call.read', 'takeover.write']));
    const endSeen = await waitFor(
      () => forde.received.find((e) => e.type === 'takeover.upserted' && e.data.endedAt),
      5_000,
      'the end at Førde',
    );
    expect(endSeen.type === 'takeover.upserted' && endSeen.data.endedBy).toBeTruthy();

    // After: a Bergen call reaches Bergen and not Førde, and acting for Bergen is refused again.
    const after = await ring(p.telephony, p.bergen.code, 'after-takeover');
    await waitFor(() => callEvent(bergenConsole, after.id), 5_000, 'the call at Bergen');
    // A later event Førde must hear (its own call) proves the earlier one had its chance to arrive.
    const fordeKey = await createIntegrationKey(prisma, p.forde.code, 'telephony');
    const own = await ring(fordeKey, p.forde.code, 'forde-own');
    await waitFor(() => callEvent(forde, own.id), 5_000, 'Førde’s own call');
    expect(callEvent(forde, after.id)).toBeUndefined();
    expect((await api('GET', `/calls/${after.id}`, p.fordeOperator, undefined, p.bergen.code)).status).toBe(403);
    expect(((await api('GET', '/wall', p.fordeSupervisor)).body as unknown as Wall).centres[0]!.takeovers).toEqual([]);
  });

  it("can be handed over by the centre's own supervisor before evacuating, naming its backup", async () => {
    const p = await pair();
    const missing = await api('POST', `/centres/${p.bergen.code}/takeover`, p.bergenSupervisor, { reason: 'Evakuering' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('reservesentral');
    const handed = await api('POST', `/centres/${p.bergen.code}/takeover`, p.bergenSupervisor, {
      reason: 'Evakuering',
      backupCentre: p.forde.code,
    });
    expect(handed.status).toBe(201);
    expect((handed.body as unknown as TakeoverSummary).backupCentre.code).toBe(p.forde.code);
    const list = await api('GET', '/takeovers', p.fordeOperator);
    expect((list.body.takeovers as TakeoverSummary[]).map((t) => t.centre.code)).toEqual([p.bergen.code]);
  });

  it('is refused, in words and with nothing written, when the law does not allow it', async () => {
    const { prisma } = server;
    const p = await pair();
    const stranger = await createCentre(prisma);
    const strangerSupervisor = await login(server, (await createUser(prisma, stranger.id, { role: 'supervisor' })).username);

    const notBackup = await api('POST', `/centres/${p.bergen.code}/takeover`, strangerSupervisor, { reason: 'Hjelp' });
    expect(notBackup.status).toBe(403);
    expect(notBackup.body.message).toContain('er ikke utpekt reservesentral');
    expect((await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeOperator, { reason: 'x' })).status).toBe(403);
    const past = await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, {
      reason: 'x',
      endsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('fram i tid');
    const far = await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, {
      reason: 'x',
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(far.status).toBe(400);
    expect((await api('POST', '/centres/NO-SUCH/takeover', p.fordeSupervisor, { reason: 'x' })).status).toBe(404);
    expect((await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, { reason: '' })).status).toBe(400);
    expect(await prisma.takeover.count({ where: { centreId: p.bergen.id } })).toBe(0);

    // One at a time: a second takeover of the same centre, and a taken-over centre taking over another.
    expect((await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, { reason: 'Strømbrudd' })).status).toBe(201);
    const twice = await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, { reason: 'Igjen' });
    expect(twice.status).toBe(409);
    const chained = await api('POST', `/centres/${p.forde.code}/takeover`, p.bergenSupervisor, { reason: 'Tilbake' });
    expect(chained.status).toBe(409);
    // A stranger cannot end it either, and learns nothing of it.
    expect((await api('DELETE', `/centres/${p.bergen.code}/takeover`, strangerSupervisor)).status).toBe(404);
  });

  it("records the backup's operator as the one who answered when telephony names them, only while the takeover lasts", async () => {
    const { prisma } = server;
    const p = await pair();
    const answerer = await createUser(prisma, p.forde.id);
    const answered = (externalId: string) =>
      fetch(`${server.url}/api/v1/integrations/calls/${externalId}/answered`, {
        method: 'POST',
        headers: { authorization: `Bearer ${p.telephony}`, 'content-type': 'application/json' },
        body: JSON.stringify({ answeredAt: new Date().toISOString(), operator: answerer.username }),
      });
    // before: a Førde username means nobody at Bergen
    const before = await ring(p.telephony, p.bergen.code, `answer-before-${Date.now()}`);
    const early = await prisma.call.findUniqueOrThrow({ where: { id: before.id } });
    expect((await answered(early.externalId!)).status).toBe(200);
    expect((await prisma.call.findUniqueOrThrow({ where: { id: before.id } })).operatorId).toBeNull();

    expect((await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, { reason: 'Strømbrudd i AMK Bergen' })).status).toBe(
      201,
    );
    const during = await ring(p.telephony, p.bergen.code, `answer-during-${Date.now()}`);
    const call = await prisma.call.findUniqueOrThrow({ where: { id: during.id } });
    expect((await answered(call.externalId!)).status).toBe(200);
    const after = await prisma.call.findUniqueOrThrow({ where: { id: during.id } });
    expect(after.operatorId).toBe(answerer.id);
    // the call and its answer time stay Bergen's
    expect(after.centreId).toBe(p.bergen.id);
    expect((await api('DELETE', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor)).status).toBe(200);
  });

  it('ends by itself at its planned end', async () => {
    const { prisma } = server;
    const p = await pair();
    const started = await api('POST', `/centres/${p.bergen.code}/takeover`, p.fordeSupervisor, {
      reason: 'Planlagt vedlikehold',
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(started.status).toBe(201);
    const id = (started.body as unknown as TakeoverSummary).id;
    // the hour passes
    await prisma.takeover.update({ where: { id }, data: { endsAt: new Date(Date.now() - 1_000) } });
    // already over for acting, before the sweep closes it
    const call = await ring(p.telephony, p.bergen.code, 'after-planned-end');
    expect((await api('GET', `/calls/${call.id}`, p.fordeOperator, undefined, p.bergen.code)).status).toBe(403);
    await server.app.takeovers.sweep();
    const row = await prisma.takeover.findUniqueOrThrow({ where: { id } });
    expect(row.endedAt).not.toBeNull();
    expect(row.endedById).toBeNull();
  });
});

describe('designating backup centres', () => {
  it('is for an administrator of the centre itself, and only centres of the same kind', async () => {
    const { prisma } = server;
    const amk = await createCentre(prisma);
    const other = await createCentre(prisma);
    const lvs = await createCentre(prisma, { kind: 'LVS' });
    const admin = await login(server, (await createUser(prisma, amk.id, { role: 'admin' })).username);
    const set = await api('PUT', `/centres/${amk.code}/backups`, admin, { backupCentres: [other.code] });
    expect(set.status).toBe(200);
    expect((set.body.backupCentres as { code: string }[]).map((c) => c.code)).toEqual([other.code]);
    const wrongKind = await api('PUT', `/centres/${amk.code}/backups`, admin, { backupCentres: [lvs.code] });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.message).toContain('samme slag');
    expect((await api('PUT', `/centres/${amk.code}/backups`, admin, { backupCentres: [amk.code] })).status).toBe(400);
    expect((await api('PUT', `/centres/${other.code}/backups`, admin, { backupCentres: [amk.code] })).status).toBe(403);
    const read = await api('GET', `/centres/${amk.code}/backups`, admin);
    expect((read.body.backupCentres as { code: string }[]).map((c) => c.code)).toEqual([other.code]);
  });
});
