// Handing calls between AMK and the legevaktsentral, with the record travelling along. The
// centres and users are this file's own (support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSummary, TransferSummary } from '@amk/contracts';
import { createCentre, createUser } from './support/factories.js';
import { login, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';

let server: TestServer;
/** Operators of a legevaktsentral, of the AMK it hands red calls to, and of a third centre (another AMK). */
let lv: string;
let amk: string;
let forde: string;
let lvsCentre: { id: string; code: string };
let amkCentre: { id: string; code: string };

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  const other = await createCentre(prisma);
  [lvsCentre, amkCentre] = await Promise.all([createCentre(prisma, { kind: 'LVS' }), createCentre(prisma)]);
  const as = async (...args: Parameters<typeof createUser>) => login(server, (await createUser(...args)).username);
  [lv, amk, forde] = await Promise.all([
    as(prisma, lvsCentre.id, { role: 'lv_operator', displayName: 'Sofie Test' }),
    as(prisma, amkCentre.id, { displayName: 'Ingrid Test' }),
    as(prisma, other.id),
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

async function lvsCall(): Promise<string> {
  const id = crypto.randomUUID();
  const res = await api(lv, 'POST', '/calls', { id, line: '116117', callerName: 'Per Hansen', addressText: 'Nygårdsgaten 5, Bergen' });
  expect(res.status).toBe(201);
  return id;
}

describe('LVS hands a red call to AMK', () => {
  it('AMK sees the request live, accepts, and then owns the call with its journal; LVS sees where it stands', async () => {
    const callId = await lvsCall();
    await api(lv, 'POST', `/calls/${callId}/journal`, { text: 'Brystsmerter, klam og blek.' });
    const amkConsole = openConsole(server, amk);
    const lvConsole = openConsole(server, lv);
    await Promise.all([amkConsole.live, lvConsole.live]);

    const requested = await api(lv, 'POST', `/calls/${callId}/transfers`, {
      toCentre: amkCentre.code,
      reason: 'Rød respons: mulig hjerteinfarkt',
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      state: 'REQUESTED',
      fromCentre: { code: lvsCentre.code },
      toCentre: { code: amkCentre.code },
      requestedBy: 'Sofie Test',
    });

    const incoming = await waitFor(
      () => amkConsole.received.find((e) => e.type === 'transfer.upserted' && (e.data as TransferSummary).callId === callId),
      5_000,
      'AMK to hear the request',
    );
    expect((incoming.data as TransferSummary).call.callerName).toBe('Per Hansen');
    // AMK may read the record before it decides
    const record = await api(amk, 'GET', `/calls/${callId}`);
    expect(record.status).toBe(200);
    expect(record.body.journal.map((j: { text: string }) => j.text)).toContain('Brystsmerter, klam og blek.');

    const accepted = await api(amk, 'POST', `/transfers/${requested.body.id}/answer`, { decision: 'ACCEPT' });
    expect(accepted.body).toMatchObject({ state: 'ACCEPTED', answeredBy: 'Ingrid Test' });
    expect(accepted.body.answeredAt).not.toBeNull();

    await waitFor(
      () =>
        lvConsole.received.some(
          (e) =>
            e.type === 'transfer.upserted' &&
            (e.data as TransferSummary).id === requested.body.id &&
            (e.data as TransferSummary).state === 'ACCEPTED',
        ),
      5_000,
      'LVS to see the acceptance',
    );
    await waitFor(
      () =>
        lvConsole.received.some(
          (e) => e.type === 'call.upserted' && (e.data as CallSummary).id === callId && (e.data as CallSummary).centreId === amkCentre.id,
        ),
      5_000,
      'LVS to see the call leave',
    );

    const amkCalls = await api(amk, 'GET', '/calls');
    expect(amkCalls.body.calls.map((c: { id: string }) => c.id)).toContain(callId);
    const lvCalls = await api(lv, 'GET', '/calls');
    expect(lvCalls.body.calls.map((c: { id: string }) => c.id)).not.toContain(callId);
    const afterwards = await api(amk, 'GET', `/calls/${callId}`);
    expect(afterwards.body.journal.map((j: { kind: string }) => j.kind)).toEqual(expect.arrayContaining(['TRANSFER']));
    const lvTransfers = await api(lv, 'GET', '/transfers');
    expect(lvTransfers.body.transfers.find((t: TransferSummary) => t.id === requested.body.id).state).toBe('ACCEPTED');
    amkConsole.disconnect();
    lvConsole.disconnect();
  });

  it('a declined transfer leaves the call where it was', async () => {
    const callId = await lvsCall();
    const t = await api(lv, 'POST', `/calls/${callId}/transfers`, { toCentre: amkCentre.code, reason: 'Usikker' });
    const declined = await api(amk, 'POST', `/transfers/${t.body.id}/answer`, { decision: 'DECLINE', note: 'Legevaktsak' });
    expect(declined.body.state).toBe('DECLINED');
    const again = await api(amk, 'POST', `/transfers/${t.body.id}/answer`, { decision: 'ACCEPT' });
    expect(again.status).toBe(409);
    expect((await api(lv, 'GET', `/calls/${callId}`)).status).toBe(200);
  });

  it('refuses a transfer to its own centre, to an unknown centre, twice at once, and answers from a third centre', async () => {
    const callId = await lvsCall();
    const toLvs = await api(lv, 'POST', `/calls/${callId}/transfers`, { toCentre: lvsCentre.code, reason: 'x' });
    expect(toLvs.status).toBe(400);
    expect(toLvs.body.message).toContain(`allerede hos ${lvsCentre.code}`);
    expect((await api(lv, 'POST', `/calls/${callId}/transfers`, { toCentre: 'AMK-NOWHERE', reason: 'x' })).body.message).toMatch(
      /ukjent sentral 'AMK-NOWHERE'/,
    );
    const first = await api(lv, 'POST', `/calls/${callId}/transfers`, { toCentre: amkCentre.code, reason: 'x' });
    expect((await api(lv, 'POST', `/calls/${callId}/transfers`, { toCentre: amkCentre.code, reason: 'x' })).status).toBe(409);
    expect((await api(forde, 'POST', `/transfers/${first.body.id}/answer`, { decision: 'ACCEPT' })).status).toBe(404);
    expect((await api(forde, 'GET', `/calls/${callId}`)).status).toBe(404);
  });
});
