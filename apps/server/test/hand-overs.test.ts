// Hand-overs between any two centres the law allows (packages/domain hand-over.ts): AMK → AMK
// (§ 15 e), LVS → LVS (§ 13 b), AMK → the LVS that covers the patient's kommune (§ 15 g). The
// record travels; the receiving centre hears the offer live; the time from offer to answer is
// kept; a refused hand-over writes nothing; the sending centre keeps audited read access while
// its own units are still on a mission for the call.
// The centres, users, units and kommuner are this file's own (support/factories.ts): the patient's
// kommune is one no other centre covers, so which LVS is "the right one" is this file's alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSummary, TransferSummary } from '@amk/contracts';
import { createCall, createCentre, createKommune, createUnit, createUser } from './support/factories.js';
import { login, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';

let server: TestServer;
/** Operators: of two AMK centres ("Bergen" hands over to "Førde") and of two LVS, one per kommune. */
let amk: string;
let forde: string;
let lv: string;
let sunnfjord: string;
type Centre = { id: string; code: string; name: string };
let amkCentre: Centre;
let fordeCentre: Centre;
let lvCentre: Centre;
let sunnfjordCentre: Centre;
let users: Record<'amk' | 'forde' | 'lv' | 'sunnfjord', { id: string; username: string }>;
/** The patients' kommuner: one covered by the Sunnfjord LVS (and AMK Førde), one by the Bergen LVS. */
let SUNNFJORD: string;
let BERGEN: string;

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  [SUNNFJORD, BERGEN] = (await Promise.all([createKommune(prisma), createKommune(prisma)])).map((k) => k.nummer) as [string, string];
  [amkCentre, fordeCentre, lvCentre, sunnfjordCentre] = await Promise.all([
    createCentre(prisma, { kommuner: [BERGEN] }),
    createCentre(prisma, { kommuner: [SUNNFJORD] }),
    createCentre(prisma, { kind: 'LVS', kommuner: [BERGEN] }),
    createCentre(prisma, { kind: 'LVS', kommuner: [SUNNFJORD] }),
  ]);
  const [a, f, l, s] = await Promise.all([
    createUser(prisma, amkCentre.id),
    createUser(prisma, fordeCentre.id, { displayName: 'Ola Test' }),
    createUser(prisma, lvCentre.id, { role: 'lv_operator' }),
    createUser(prisma, sunnfjordCentre.id, { role: 'lv_operator' }),
  ]);
  users = { amk: a, forde: f, lv: l, sunnfjord: s };
  [amk, forde, lv, sunnfjord] = await Promise.all([
    login(server, a.username),
    login(server, f.username),
    login(server, l.username),
    login(server, s.username),
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

/**
 * A call an operator of `centre` has answered, its patient in `kommune` (null: not known yet), as
 * the console's registration and the map would leave it (placing a call in a kommune is
 * calls.test.ts's; here the kommune is one of this file's own).
 */
async function newCall(centre: Centre, operator: { id: string }, line: string, kommune: string | null = null): Promise<string> {
  const now = new Date();
  const call = await createCall(server.prisma, centre.id, {
    line,
    source: 'MANUAL',
    state: 'ANSWERED',
    ringingAt: now,
    answeredAt: now,
    operatorId: operator.id,
    callerName: 'Kari Nordmann',
    addressText: 'Langebruvegen 2',
    kommunenummer: kommune,
  });
  return call.id;
}

describe('AMK → AMK (§ 15 e)', () => {
  it('AMK Bergen hands a Sunnfjord caller to AMK Førde: Førde hears the offer live, reads the record, accepts and owns it; the time to accept is kept', async () => {
    const callId = await newCall(amkCentre, users.amk, '113', SUNNFJORD);
    await api(amk, 'POST', `/calls/${callId}/journal`, { text: 'Fall fra stige, bevisst.' });
    const fordeConsole = openConsole(server, forde);
    const amkConsole = openConsole(server, amk);
    await Promise.all([fordeConsole.live, amkConsole.live]);

    const offered = await api(amk, 'POST', `/calls/${callId}/transfers`, {
      toCentre: fordeCentre.code,
      reason: 'Innringer er i Sunnfjord',
      conference: true,
    });
    expect(offered.status).toBe(201);
    expect(offered.body).toMatchObject({
      state: 'REQUESTED',
      basis: '§ 15 e',
      conference: true,
      answerSeconds: null,
      fromCentre: { code: amkCentre.code },
      toCentre: { code: fordeCentre.code },
    });

    const heard = await waitFor(
      () => fordeConsole.received.find((e) => e.type === 'transfer.upserted' && (e.data as TransferSummary).callId === callId),
      5_000,
      'Førde to hear the offer',
    );
    expect((heard.data as TransferSummary).call).toMatchObject({ kommunenummer: SUNNFJORD, callerName: 'Kari Nordmann' });
    const record = await api(forde, 'GET', `/calls/${callId}`);
    expect(record.status).toBe(200);
    // The read by Førde is filed under both centres.
    const audits = await server.prisma.auditLog.findMany({
      where: { entityId: callId, action: 'call.read', actorName: users.forde.username },
    });
    expect(audits.map((a) => a.centreId).sort()).toEqual([amkCentre.id, fordeCentre.id].sort());

    const accepted = await api(forde, 'POST', `/transfers/${offered.body.id}/answer`, { decision: 'ACCEPT' });
    expect(accepted.body).toMatchObject({ state: 'ACCEPTED', answeredBy: 'Ola Test' });
    expect(accepted.body.answerSeconds).toBeGreaterThanOrEqual(0);
    expect(accepted.body.answerSeconds).toBe((Date.parse(accepted.body.answeredAt) - Date.parse(accepted.body.requestedAt)) / 1000);

    await waitFor(
      () =>
        amkConsole.received.some(
          (e) => e.type === 'call.upserted' && (e.data as CallSummary).id === callId && (e.data as CallSummary).centreId === fordeCentre.id,
        ),
      5_000,
      'Bergen to see the call leave',
    );
    const fordeRecord = await api(forde, 'GET', `/calls/${callId}`);
    expect(fordeRecord.body.journal.map((j: { text: string }) => j.text)).toEqual(
      expect.arrayContaining([
        'Fall fra stige, bevisst.',
        `Overføring til ${fordeCentre.name} bedt om (§ 15 e, satt over i konferanse): Innringer er i Sunnfjord`,
      ]),
    );
    // Bergen has no units on it: the record is Førde's alone now.
    expect((await api(amk, 'GET', `/calls/${callId}`)).status).toBe(404);
    expect((await api(amk, 'GET', '/calls')).body.calls.map((c: CallSummary) => c.id)).not.toContain(callId);
    fordeConsole.disconnect();
    amkConsole.disconnect();
  });

  it('the sending centre keeps read access, audited, while one of its units is still on a mission for the call', async () => {
    const callId = await newCall(amkCentre, users.amk, '113', SUNNFJORD);
    const unit = await createUnit(server.prisma, amkCentre.id);
    const missionId = crypto.randomUUID();
    // The mission as the missions service would have it (its own rules are tested in missions.test.ts).
    await server.prisma.mission.create({
      data: { id: missionId, centreId: amkCentre.id, callId, kind: 'AMBULANCE', urgency: 'A' },
    });
    await server.prisma.missionUnit.create({ data: { missionId, unitId: unit.id, assignedAt: new Date() } });
    const t = await api(amk, 'POST', `/calls/${callId}/transfers`, { toCentre: fordeCentre.code, reason: 'Innringer er i Sunnfjord' });
    await api(forde, 'POST', `/transfers/${t.body.id}/answer`, { decision: 'ACCEPT' });

    const read = await api(amk, 'GET', `/calls/${callId}`);
    expect(read.status).toBe(200);
    expect(read.body.centreId).toBe(fordeCentre.id);
    const audits = await server.prisma.auditLog.findMany({
      where: { entityId: callId, action: 'call.read', actorName: users.amk.username },
      orderBy: { id: 'desc' },
      take: 2,
    });
    expect(audits.map((a) => a.centreId).sort()).toEqual([amkCentre.id, fordeCentre.id].sort());
    // Read only: writing is the owner's.
    expect((await api(amk, 'POST', `/calls/${callId}/journal`, { text: 'x' })).status).toBe(404);
    // A third centre still sees nothing.
    expect((await api(lv, 'GET', `/calls/${callId}`)).status).toBe(404);

    await server.prisma.missionUnit.updateMany({ where: { missionId }, data: { releasedAt: new Date() } });
    await server.prisma.mission.update({ where: { id: missionId }, data: { closedAt: new Date(), outcome: 'test finished' } });
    expect((await api(amk, 'GET', `/calls/${callId}`)).status).toBe(404);
  });
});

describe('LVS → LVS (§ 13 b)', () => {
  it('Bergen legevakt hands a call to Sunnfjord legevakt, which accepts it', async () => {
    const callId = await newCall(lvCentre, users.lv, '116117', SUNNFJORD);
    const sunnfjordConsole = openConsole(server, sunnfjord);
    await sunnfjordConsole.live;
    const t = await api(lv, 'POST', `/calls/${callId}/transfers`, {
      toCentre: sunnfjordCentre.code,
      reason: 'Pasienten er på hytta i Sunnfjord',
    });
    expect(t.status).toBe(201);
    expect(t.body.basis).toBe('§ 13 b');
    await waitFor(
      () => sunnfjordConsole.received.some((e) => e.type === 'transfer.upserted' && (e.data as TransferSummary).id === t.body.id),
      5_000,
      'Sunnfjord to hear the offer',
    );
    const accepted = await api(sunnfjord, 'POST', `/transfers/${t.body.id}/answer`, { decision: 'ACCEPT' });
    expect(accepted.body.state).toBe('ACCEPTED');
    expect((await api(sunnfjord, 'GET', '/calls')).body.calls.map((c: CallSummary) => c.id)).toContain(callId);
    sunnfjordConsole.disconnect();
  });
});

describe('AMK → LVS (§ 15 g, forhåndsdefinerte linjer)', () => {
  it("goes to the LVS that covers the patient's kommune, and is refused elsewhere with the right one named; nothing written", async () => {
    const sunnfjordCall = await newCall(amkCentre, users.amk, '113', SUNNFJORD);
    const wrong = await api(amk, 'POST', `/calls/${sunnfjordCall}/transfers`, { toCentre: lvCentre.code, reason: 'Legevaktsak' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain(`${lvCentre.code} dekker ikke pasientens kommune (${SUNNFJORD})`);
    expect(wrong.body.message).toMatch(new RegExp(`riktig legevaktsentral er ${sunnfjordCentre.code}$`));
    expect(await server.prisma.transfer.count({ where: { callId: sunnfjordCall } })).toBe(0);
    expect(await server.prisma.callJournalEntry.count({ where: { callId: sunnfjordCall, kind: 'TRANSFER' } })).toBe(0);
    const right = await api(amk, 'POST', `/calls/${sunnfjordCall}/transfers`, { toCentre: sunnfjordCentre.code, reason: 'Legevaktsak' });
    expect(right.status).toBe(201);
    expect(right.body.basis).toBe('§ 15 g');

    const bergenCall = await newCall(amkCentre, users.amk, '113', BERGEN);
    expect((await api(amk, 'POST', `/calls/${bergenCall}/transfers`, { toCentre: lvCentre.code, reason: 'Legevaktsak' })).status).toBe(201);

    const nowhere = await newCall(amkCentre, users.amk, '113');
    const unknown = await api(amk, 'POST', `/calls/${nowhere}/transfers`, { toCentre: lvCentre.code, reason: 'Legevaktsak' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/Pasientens kommune er ukjent/);
    expect(await server.prisma.transfer.count({ where: { callId: nowhere } })).toBe(0);
  });
});
