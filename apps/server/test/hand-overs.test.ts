// Hand-overs between any two centres the law allows (packages/domain hand-over.ts): AMK → AMK
// (§ 15 e), LVS → LVS (§ 13 b), AMK → the LVS that covers the patient's kommune (§ 15 g). The
// record travels; the receiving centre hears the offer live; the time from offer to answer is
// kept; a refused hand-over writes nothing; the sending centre keeps audited read access while
// its own units are still on a mission for the call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSummary, TransferSummary } from '@amk/contracts';
import { demoCentreId } from '../src/seed/seed.js';
import { login, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';

let server: TestServer;
let amk: string;
let forde: string;
let lv: string;
let sunnfjord: string;

const SUNNFJORD = { lat: 61.4522, lon: 5.8572 }; // Førde, kommune 4647 Sunnfjord
const BERGEN = { lat: 60.3913, lon: 5.3221 }; // kommune 4601 Bergen

beforeAll(async () => {
  server = await startServer();
  [amk, forde, lv, sunnfjord] = await Promise.all([
    login(server, 'amk.bergen'),
    login(server, 'amk.forde'),
    login(server, 'lv.bergen'),
    login(server, 'lv.sunnfjord'),
  ]);
});
afterAll(() => server.close());

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

async function newCall(cookie: string, line: string, where?: { lat: number; lon: number }, extra: object = {}): Promise<string> {
  const id = crypto.randomUUID();
  const res = await api(cookie, 'POST', '/calls', {
    id,
    line,
    callerName: 'Kari Nordmann',
    addressText: 'Langebruvegen 2',
    ...where,
    ...extra,
  });
  expect(res.status).toBe(201);
  return id;
}

describe('AMK → AMK (§ 15 e)', () => {
  it('AMK Bergen hands a Sunnfjord caller to AMK Førde: Førde hears the offer live, reads the record, accepts and owns it; the time to accept is kept', async () => {
    const callId = await newCall(amk, '113', SUNNFJORD);
    await api(amk, 'POST', `/calls/${callId}/journal`, { text: 'Fall fra stige, bevisst.' });
    const fordeConsole = openConsole(server, forde);
    const amkConsole = openConsole(server, amk);
    await Promise.all([fordeConsole.live, amkConsole.live]);

    const offered = await api(amk, 'POST', `/calls/${callId}/transfers`, {
      toCentre: 'AMK-FORDE',
      reason: 'Innringer er i Sunnfjord',
      conference: true,
    });
    expect(offered.status).toBe(201);
    expect(offered.body).toMatchObject({
      state: 'REQUESTED',
      basis: '§ 15 e',
      conference: true,
      answerSeconds: null,
      fromCentre: { code: 'AMK-BERGEN' },
      toCentre: { code: 'AMK-FORDE' },
    });

    const heard = await waitFor(
      () => fordeConsole.received.find((e) => e.type === 'transfer.upserted' && (e.data as TransferSummary).callId === callId),
      5_000,
      'Førde to hear the offer',
    );
    expect((heard.data as TransferSummary).call).toMatchObject({ kommunenummer: '4647', callerName: 'Kari Nordmann' });
    const record = await api(forde, 'GET', `/calls/${callId}`);
    expect(record.status).toBe(200);
    // The read by Førde is filed under both centres.
    const audits = await server.prisma.auditLog.findMany({ where: { entityId: callId, action: 'call.read', actorName: 'amk.forde' } });
    expect(audits.map((a) => a.centreId).sort()).toEqual([demoCentreId('AMK-BERGEN'), demoCentreId('AMK-FORDE')].sort());

    const accepted = await api(forde, 'POST', `/transfers/${offered.body.id}/answer`, { decision: 'ACCEPT' });
    expect(accepted.body).toMatchObject({ state: 'ACCEPTED', answeredBy: 'Ola Myklebust' });
    expect(accepted.body.answerSeconds).toBeGreaterThanOrEqual(0);
    expect(accepted.body.answerSeconds).toBe((Date.parse(accepted.body.answeredAt) - Date.parse(accepted.body.requestedAt)) / 1000);

    await waitFor(
      () =>
        amkConsole.received.some(
          (e) =>
            e.type === 'call.upserted' &&
            (e.data as CallSummary).id === callId &&
            (e.data as CallSummary).centreId === demoCentreId('AMK-FORDE'),
        ),
      5_000,
      'Bergen to see the call leave',
    );
    const fordeRecord = await api(forde, 'GET', `/calls/${callId}`);
    expect(fordeRecord.body.journal.map((j: { text: string }) => j.text)).toEqual(
      expect.arrayContaining([
        'Fall fra stige, bevisst.',
        'Overføring til AMK Førde bedt om (§ 15 e, satt over i konferanse): Innringer er i Sunnfjord',
      ]),
    );
    // Bergen has no units on it: the record is Førde's alone now.
    expect((await api(amk, 'GET', `/calls/${callId}`)).status).toBe(404);
    expect((await api(amk, 'GET', '/calls')).body.calls.map((c: CallSummary) => c.id)).not.toContain(callId);
    fordeConsole.disconnect();
    amkConsole.disconnect();
  });

  it('the sending centre keeps read access, audited, while one of its units is still on a mission for the call', async () => {
    const callId = await newCall(amk, '113', SUNNFJORD);
    const unit = await server.prisma.unit.findFirstOrThrow({
      where: { centreId: demoCentreId('AMK-BERGEN'), kind: 'AMBULANCE_CAR' },
      orderBy: { callSign: 'asc' },
    });
    const missionId = crypto.randomUUID();
    // The mission as the missions service would have it (its own rules are tested in missions.test.ts).
    await server.prisma.mission.create({
      data: { id: missionId, centreId: demoCentreId('AMK-BERGEN'), callId, kind: 'AMBULANCE', urgency: 'A' },
    });
    await server.prisma.missionUnit.create({ data: { missionId, unitId: unit.id, assignedAt: new Date() } });
    const t = await api(amk, 'POST', `/calls/${callId}/transfers`, { toCentre: 'AMK-FORDE', reason: 'Innringer er i Sunnfjord' });
    await api(forde, 'POST', `/transfers/${t.body.id}/answer`, { decision: 'ACCEPT' });

    const read = await api(amk, 'GET', `/calls/${callId}`);
    expect(read.status).toBe(200);
    expect(read.body.centreId).toBe(demoCentreId('AMK-FORDE'));
    const audits = await server.prisma.auditLog.findMany({
      where: { entityId: callId, action: 'call.read', actorName: 'amk.bergen' },
      orderBy: { id: 'desc' },
      take: 2,
    });
    expect(audits.map((a) => a.centreId).sort()).toEqual([demoCentreId('AMK-BERGEN'), demoCentreId('AMK-FORDE')].sort());
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
    const callId = await newCall(lv, '116117', SUNNFJORD);
    const sunnfjordConsole = openConsole(server, sunnfjord);
    await sunnfjordConsole.live;
    const t = await api(lv, 'POST', `/calls/${callId}/transfers`, {
      toCentre: 'LVS-SUNNFJORD',
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
    const sunnfjordCall = await newCall(amk, '113', SUNNFJORD);
    const wrong = await api(amk, 'POST', `/calls/${sunnfjordCall}/transfers`, { toCentre: 'LVS-BERGEN', reason: 'Legevaktsak' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/LVS-BERGEN dekker ikke pasientens kommune \(4647\).*riktig legevaktsentral er LVS-SUNNFJORD/);
    expect(await server.prisma.transfer.count({ where: { callId: sunnfjordCall } })).toBe(0);
    expect(await server.prisma.callJournalEntry.count({ where: { callId: sunnfjordCall, kind: 'TRANSFER' } })).toBe(0);
    const right = await api(amk, 'POST', `/calls/${sunnfjordCall}/transfers`, { toCentre: 'LVS-SUNNFJORD', reason: 'Legevaktsak' });
    expect(right.status).toBe(201);
    expect(right.body.basis).toBe('§ 15 g');

    const bergenCall = await newCall(amk, '113', BERGEN);
    expect((await api(amk, 'POST', `/calls/${bergenCall}/transfers`, { toCentre: 'LVS-BERGEN', reason: 'Legevaktsak' })).status).toBe(201);

    const nowhere = await newCall(amk, '113');
    const unknown = await api(amk, 'POST', `/calls/${nowhere}/transfers`, { toCentre: 'LVS-BERGEN', reason: 'Legevaktsak' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/Pasientens kommune er ukjent/);
    expect(await server.prisma.transfer.count({ where: { callId: nowhere } })).toBe(0);
  });
});
