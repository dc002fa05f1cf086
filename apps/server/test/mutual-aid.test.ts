// Mutual aid (§ 10 d, § 15 i): an AMK asks a neighbouring AMK for one of its free units for a
// call; the owner accepts (the unit is lent and alerted on the asker's mission) or declines with a
// reason; the asker may withdraw. While lent, the unit's terminal statuses reach both centres and
// it appears in both snapshots; it goes home when the mission closes. Without a loan a neighbour's
// unit cannot be sent. The centres, users, units and keys are this file's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, MissionDetail, Snapshot, UnitLoanSummary } from '@amk/contracts';
import { createCall, createCentre, createIntegrationKey, createUnit, createUser } from './support/factories.js';
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

/** Førde (asks) lists Bergen (owns the units) as a neighbour; a third AMK is no neighbour of either. */
async function region() {
  const { prisma } = server;
  const bergen = await createCentre(prisma, { name: 'AMK Testbergen' });
  const forde = await createCentre(prisma, { name: 'AMK Testførde', neighbourCentreIds: [bergen.id], lat: 61.45, lon: 5.85 });
  const far = await createCentre(prisma, { name: 'AMK Langtborte' });
  const as = async (centreId: string) => login(server, (await createUser(prisma, centreId)).username);
  const call = await createCall(prisma, forde.id, { state: 'ANSWERED', answeredAt: new Date(), lat: 61.2, lon: 5.6, urgency: 'A' });
  return {
    bergen,
    forde,
    call,
    free: await createUnit(prisma, bergen.id, { lat: 60.9, lon: 5.5 }),
    busy: await createUnit(prisma, bergen.id, { status: 'EN_ROUTE' }),
    bergenOperator: await as(bergen.id),
    fordeOperator: await as(forde.id),
    farOperator: await as(far.id),
    bergenTerminals: await createIntegrationKey(prisma, bergen.code, 'terminals'),
  };
}

async function api(method: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, origin: server.url, 'accept-language': 'nb', ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { message: string } };
}

async function listening(cookie: string) {
  const socket = openConsole(server, cookie);
  sockets.push(socket);
  await socket.live;
  return socket;
}

const loanEvent = (socket: ConsoleSocket, id: string, state: UnitLoanSummary['state']): UnitLoanSummary | undefined => {
  for (const e of socket.received) if (e.type === 'unit-loan.upserted' && e.data.id === id && e.data.state === state) return e.data;
  return undefined;
};
const unitEvent = (socket: ConsoleSocket, unitId: string, status: string) =>
  socket.received.find((e) => e.type === 'unit.upserted' && e.data.id === unitId && e.data.status === status);

describe('mutual aid between neighbouring AMK centres', () => {
  it('asked, accepted, worked by both, and home again when the mission closes', async () => {
    const r = await region();
    const [bergenConsole, fordeConsole] = [await listening(r.bergenOperator), await listening(r.fordeOperator)];

    // Sending the neighbour's unit straight away is refused: it is theirs to send.
    const direct = await api('POST', '/missions', r.fordeOperator, { id: crypto.randomUUID(), callId: r.call.id, unitIds: [r.free.id] });
    expect(direct.status).toBe(409);
    expect(direct.body.message).toContain('be om bistand');

    const asked = await api('POST', '/mutual-aid', r.fordeOperator, {
      unitId: r.free.id,
      callId: r.call.id,
      note: 'Hjertestans, egne biler opptatt',
    });
    expect(asked.status).toBe(201);
    const loan = asked.body as unknown as UnitLoanSummary;
    expect(loan).toMatchObject({
      state: 'REQUESTED',
      owner: { id: r.bergen.id },
      borrower: { id: r.forde.id },
      note: 'Hjertestans, egne biler opptatt',
    });
    // The owner's consoles hear the request at once; the asker sees it waiting.
    await waitFor(() => loanEvent(bergenConsole, loan.id, 'REQUESTED'), 5_000, 'the request at Bergen');
    await waitFor(() => loanEvent(fordeConsole, loan.id, 'REQUESTED'), 5_000, 'the request at Førde');

    // Only the owner answers; a second centre cannot ask for the same unit meanwhile.
    const selfAccept = await api('POST', `/mutual-aid/${loan.id}/accept`, r.fordeOperator);
    expect(selfAccept.status).toBe(403);
    expect(selfAccept.body.message).toContain('eier enheten');
    expect((await api('POST', `/mutual-aid/${loan.id}/accept`, r.farOperator)).status).toBe(404);
    const twice = await api('POST', '/mutual-aid', r.fordeOperator, { unitId: r.free.id, callId: r.call.id });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('allerede forespurt av dere');

    const accepted = await api('POST', `/mutual-aid/${loan.id}/accept`, r.bergenOperator);
    expect(accepted.status).toBe(200);
    const lent = accepted.body as unknown as UnitLoanSummary;
    expect(lent.state).toBe('ACCEPTED');
    expect(lent.missionId).not.toBeNull();
    // A mission for the call at Førde, with Bergen's unit alerted on it.
    const mission = (await api('GET', `/missions/${lent.missionId}`, r.fordeOperator)).body as unknown as MissionDetail;
    expect(mission.callId).toBe(r.call.id);
    expect(mission.units.map((u) => u.unitId)).toEqual([r.free.id]);
    // the call's record counts the mission and says where the unit came from
    const record = (await api('GET', `/calls/${r.call.id}`, r.fordeOperator)).body as unknown as CallRecord;
    expect(record.missionCount).toBe(1);
    expect(record.journal.find((j) => j.message?.key === 'mission.createdMutualAid')).toMatchObject({
      text: 'Oppdrag opprettet (bistand fra AMK Testbergen)',
      message: { params: { centre: 'AMK Testbergen' } },
    });
    // …and the asker's open record of the call hears of the line at once
    await waitFor(
      () => fordeConsole.received.find((e) => e.type === 'call.upserted' && e.data.id === r.call.id),
      5_000,
      'the call at Førde',
    );
    expect(await waitFor(() => unitEvent(fordeConsole, r.free.id, 'ALERTED'), 5_000, 'the lent unit at Førde')).toMatchObject({
      data: { lentToCentreId: r.forde.id },
    });
    // A second answer is refused with what already happened.
    const again = await api('POST', `/mutual-aid/${loan.id}/decline`, r.bergenOperator, { reason: 'for sent' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('godtatt');

    // Its terminal's statuses reach both centres; both snapshots hold it.
    const en = await fetch(`${server.url}/api/v1/integrations/units/${r.free.callSign}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${r.bergenTerminals}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'EN_ROUTE', at: new Date().toISOString() }),
    });
    expect(en.status).toBe(200);
    await waitFor(() => unitEvent(fordeConsole, r.free.id, 'EN_ROUTE'), 5_000, 'EN_ROUTE at Førde');
    await waitFor(() => unitEvent(bergenConsole, r.free.id, 'EN_ROUTE'), 5_000, 'EN_ROUTE at Bergen');
    for (const cookie of [r.fordeOperator, r.bergenOperator]) {
      const snapshot = (await api('GET', '/snapshot', cookie)).body as unknown as Snapshot;
      expect(snapshot.units.find((u) => u.id === r.free.id)).toMatchObject({ status: 'EN_ROUTE', lentToCentreId: r.forde.id });
      expect(snapshot.unitLoans?.map((l) => [l.id, l.state])).toContainEqual([loan.id, 'ACCEPTED']);
    }
    // The owner may not send its lent unit elsewhere meanwhile (it is busy), nor lend it twice.
    expect((await api('POST', '/mutual-aid', r.fordeOperator, { unitId: r.free.id, callId: r.call.id })).status).toBe(409);

    // The mission closes at Førde: the unit is released and goes home to Bergen.
    expect((await api('POST', `/missions/${lent.missionId}/close`, r.fordeOperator, { outcome: 'Levert Førde sjukehus' })).status).toBe(
      200,
    );
    const returned = await waitFor(() => loanEvent(fordeConsole, loan.id, 'RETURNED'), 5_000, 'returned at Førde');
    expect(returned.returnReason).toContain('Levert Førde sjukehus');
    await waitFor(() => loanEvent(bergenConsole, loan.id, 'RETURNED'), 5_000, 'returned at Bergen');
    const home = await server.prisma.unit.findUniqueOrThrow({ where: { id: r.free.id } });
    expect(home).toMatchObject({ lentToCentreId: null, status: 'AVAILABLE_ON_THE_MOVE' });
    // Førde hears the unit's last change too, so its map does not keep it as lent.
    await waitFor(
      () => fordeConsole.received.find((e) => e.type === 'unit.upserted' && e.data.id === r.free.id && e.data.lentToCentreId === null),
      5_000,
      'the returned unit at Førde',
    );
    // Both centres' logs hold the exchange.
    const audit = await server.prisma.auditLog.findMany({ where: { entityId: loan.id, action: 'mutual_aid.accept' } });
    expect(audit.map((a) => a.centreId).sort()).toEqual([r.bergen.id, r.forde.id].sort());
  });

  it('declined with a reason, withdrawn by the asker, and refused for a busy unit or a stranger', async () => {
    const r = await region();
    const fordeConsole = await listening(r.fordeOperator);

    const busy = await api('POST', '/mutual-aid', r.fordeOperator, { unitId: r.busy.id, callId: r.call.id });
    expect(busy.status).toBe(409);
    expect(busy.body.message).toContain(r.busy.callSign);
    expect(busy.body.message).toContain('ikke ledig');
    // a centre that is no neighbour cannot ask for Bergen's units, and is not told they exist
    const farCall = await createCall(
      server.prisma,
      (await server.prisma.user.findFirstOrThrow({ where: { centre: { name: 'AMK Langtborte' } } })).centreId,
    );
    expect((await api('POST', '/mutual-aid', r.farOperator, { unitId: r.free.id, callId: farCall.id })).status).toBe(404);
    // a call that is not the asker's
    expect((await api('POST', '/mutual-aid', r.bergenOperator, { unitId: r.free.id, callId: r.call.id })).status).toBe(404);
    // no call to want it for
    const noCall = await api('POST', '/mutual-aid', r.fordeOperator, { unitId: r.free.id });
    expect(noCall.status).toBe(400);
    expect(noCall.body.message).toMatch(/callId/);

    const asked = (await api('POST', '/mutual-aid', r.fordeOperator, { unitId: r.free.id, callId: r.call.id }))
      .body as unknown as UnitLoanSummary;
    const noReason = await api('POST', `/mutual-aid/${asked.id}/decline`, r.bergenOperator, { reason: ' ' });
    expect(noReason.status).toBe(400);
    const declined = await api('POST', `/mutual-aid/${asked.id}/decline`, r.bergenOperator, {
      reason: 'Siste ledige bil i Bergen sentrum',
    });
    expect(declined.status).toBe(200);
    const heard = await waitFor(() => loanEvent(fordeConsole, asked.id, 'DECLINED'), 5_000, 'declined at Førde');
    expect(heard.declineReason).toBe('Siste ledige bil i Bergen sentrum');
    // nothing was lent or alerted
    expect(await server.prisma.unit.findUniqueOrThrow({ where: { id: r.free.id } })).toMatchObject({
      lentToCentreId: null,
      status: 'AVAILABLE_AT_STATION',
    });

    // asked again, and withdrawn by Førde before Bergen answers; Bergen cannot withdraw it
    const second = (await api('POST', '/mutual-aid', r.fordeOperator, { unitId: r.free.id, callId: r.call.id }))
      .body as unknown as UnitLoanSummary;
    expect((await api('POST', `/mutual-aid/${second.id}/cancel`, r.bergenOperator)).status).toBe(403);
    const cancelled = await api('POST', `/mutual-aid/${second.id}/cancel`, r.fordeOperator);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('CANCELLED');
    const accepting = await api('POST', `/mutual-aid/${second.id}/accept`, r.bergenOperator);
    expect(accepting.status).toBe(409);
    expect(accepting.body.message).toContain('trukket');
    expect((await api('GET', '/mutual-aid', r.bergenOperator)).body.loans).toHaveLength(2);
  });
});
