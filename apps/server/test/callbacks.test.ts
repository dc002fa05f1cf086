// Tilbakeringing: a caller who hung up before anyone answered waits on the centre's callback list,
// seen live by every console of the centre, until an operator says how calling back went or links
// the lost call to a later call from the same number. Other centres neither see nor settle it.
// The centres, users and telephony keys are this file's own (support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackSummary, EventEnvelope } from '@amk/contracts';
import { createCentre, createIntegrationKey, createKommune, createUser } from './support/factories.js';
import { asIntegration } from './support/integration.js';
import { login, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';

let server: TestServer;
/** Telephony of the own AMK centre and of another AMK centre. */
let cti: ReturnType<typeof asIntegration>;
let otherCti: ReturnType<typeof asIntegration>;
/** Users by what they are: two operators and a supervisor of the own centre, an operator of another AMK and of the area's LVS. */
const users: Record<'amk' | 'amk2' | 'supervisor' | 'other' | 'lv', { id: string; username: string }> = {} as never;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  const kommune = await createKommune(prisma);
  const [centre, other, lvs] = await Promise.all([
    createCentre(prisma, { kommuner: [kommune.nummer] }),
    createCentre(prisma),
    createCentre(prisma, { kind: 'LVS', kommuner: [kommune.nummer] }),
  ]);
  cti = asIntegration(server.app, await createIntegrationKey(prisma, centre.code, 'cti callbacks'), centre.code);
  otherCti = asIntegration(server.app, await createIntegrationKey(prisma, other.code, 'cti other'), other.code);
  [users.amk, users.amk2, users.supervisor, users.other, users.lv] = await Promise.all([
    createUser(prisma, centre.id),
    createUser(prisma, centre.id),
    createUser(prisma, centre.id, { role: 'supervisor' }),
    createUser(prisma, other.id),
    createUser(prisma, lvs.id, { role: 'lv_operator' }),
  ]);
  for (const [name, user] of Object.entries(users)) cookies[name] = await login(server, user.username);
});
afterAll(() => server.close());

const uid = () => `cb-${Math.random().toString(36).slice(2)}`;
const number = () => `+4798${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
const as = (user: string) => ({ cookie: cookies[user]! });
const list = async (user = 'amk') =>
  (await server.app.inject({ method: 'GET', url: '/api/v1/callbacks', headers: as(user) })).json().callbacks as CallbackSummary[];
const resolve = (user: string, id: string, payload: object) =>
  server.app.inject({ method: 'POST', url: `/api/v1/callbacks/${id}/resolve`, headers: as(user), payload });

/** A 113 call that rang for `seconds` and was hung up before anyone answered. */
async function lostCall(caller = number(), seconds = 6) {
  const id = uid();
  const rang = new Date(Date.now() - 60_000);
  const call = (await cti.ring(id, caller, { ringingAt: rang.toISOString() })).json();
  await cti.ended(id, { endedAt: new Date(rang.getTime() + seconds * 1000).toISOString() });
  const cb = (await list()).find((c) => c.callId === call.id);
  return { call, cb: cb!, caller };
}

describe('the callback list', () => {
  it('an unanswered call that ended puts its caller on the list: number, line, ring time, seconds waited', async () => {
    const { call, cb, caller } = await lostCall(undefined, 6);
    expect(cb).toMatchObject({
      callId: call.id,
      line: '113',
      callerNumber: caller,
      ringingAt: call.ringingAt,
      waitedSeconds: 6,
      resolvedAt: null,
      outcome: null,
      exercise: false,
    });
    const audit = await server.prisma.auditLog.findFirst({
      where: { action: 'callback.list', actorId: users.amk.id },
      orderBy: { at: 'desc' },
    });
    expect(audit?.detail).toMatchObject({ callIds: expect.arrayContaining([call.id]) });
    const snapshot = (await server.app.inject({ method: 'GET', url: '/api/v1/snapshot', headers: as('amk2') })).json();
    expect(snapshot.callbacks.map((c: CallbackSummary) => c.id)).toContain(cb.id);
  });

  it('telephony retrying "ended" does not put the caller on the list twice', async () => {
    const id = uid();
    const call = (await cti.ring(id, number())).json();
    await cti.ended(id, { endedAt: new Date().toISOString() });
    await cti.ended(id, { endedAt: new Date().toISOString() });
    expect(await server.prisma.callback.count({ where: { callId: call.id } })).toBe(1);
  });

  it('an answered call, and an exercise call nobody rang, are not put on it', async () => {
    const answered = uid();
    const a = (await cti.ring(answered, number())).json();
    await cti.answered(answered, { answeredAt: new Date().toISOString() });
    await cti.ended(answered, { endedAt: new Date().toISOString() });
    const exercise = uid();
    const e = (await cti.ring(exercise, number(), { exercise: true })).json();
    await cti.ended(exercise, { endedAt: new Date().toISOString() });
    expect(await server.prisma.callback.count({ where: { callId: { in: [a.id, e.id] } } })).toBe(0);
  });

  it('"answered" arriving after "ended" takes the caller off the list: the call was not lost', async () => {
    const id = uid();
    const rang = new Date(Date.now() - 30_000);
    const call = (await cti.ring(id, number(), { ringingAt: rang.toISOString() })).json();
    await cti.ended(id, { endedAt: new Date(rang.getTime() + 20_000).toISOString() });
    expect((await list()).map((c) => c.callId)).toContain(call.id);
    await cti.answered(id, { answeredAt: new Date(rang.getTime() + 5_000).toISOString() });
    expect((await list()).map((c) => c.callId)).not.toContain(call.id);
    expect(await server.prisma.callback.findUnique({ where: { callId: call.id } })).toMatchObject({ outcome: 'ANSWERED' });
  });
});

describe('marking a caller called back', () => {
  it('every console of the centre sees the caller arrive and leave, live; another centre hears nothing', async () => {
    const [one, two, other] = [
      openConsole(server, await login(server, users.amk.username)),
      openConsole(server, await login(server, users.amk2.username)),
      openConsole(server, await login(server, users.other.username)),
    ];
    try {
      await Promise.all([one.live, two.live, other.live]);
      const { cb } = await lostCall();
      const seen = (s: typeof one, settled: boolean) =>
        s.received.find(
          (e): e is EventEnvelope<'callback.upserted'> =>
            e.type === 'callback.upserted' && e.data.id === cb.id && (e.data.resolvedAt !== null) === settled,
        );
      await waitFor(() => seen(one, false) && seen(two, false), 5_000, 'both consoles to hear of the lost caller');
      const res = await resolve('amk', cb.id, { outcome: 'REACHED', note: 'Alt i orden' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ outcome: 'REACHED', resolvedBy: expect.any(String), note: 'Alt i orden' });
      await waitFor(() => seen(one, true) && seen(two, true), 5_000, 'both consoles to hear it was settled');
      // The other centre's own lost caller, after all that: once its console has heard of it, it
      // would have heard of ours before, had it been sent there.
      const theirs = uid();
      const their = (await otherCti.ring(theirs, number())).json();
      await otherCti.ended(theirs, { endedAt: new Date().toISOString() });
      await waitFor(
        () =>
          other.received.some((e) => e.type === 'callback.upserted' && (e as EventEnvelope<'callback.upserted'>).data.callId === their.id),
        5_000,
        'the other centre to hear of its own lost caller',
      );
      expect(
        other.received.filter((e) => e.type === 'callback.upserted' && (e as EventEnvelope<'callback.upserted'>).data.callId !== their.id),
      ).toEqual([]);
      expect((await list()).map((c) => c.id)).not.toContain(cb.id);
      const journal = await server.prisma.callJournalEntry.findFirst({
        where: { callId: cb.callId, text: { contains: 'Tilbakeringing' } },
      });
      expect(journal?.text).toContain('nådd');
      expect(await server.prisma.auditLog.count({ where: { action: 'callback.resolve', entityId: cb.id } })).toBe(1);
    } finally {
      for (const s of [one, two, other]) s.disconnect();
    }
  });

  it('a retry of the same verdict is answered as before; a second operator gets 409 naming who did it', async () => {
    const { cb } = await lostCall();
    expect((await resolve('amk', cb.id, { outcome: 'NO_ANSWER' })).statusCode).toBe(200);
    const retry = await resolve('amk', cb.id, { outcome: 'NO_ANSWER' });
    expect(retry.statusCode).toBe(200);
    const late = await resolve('amk2', cb.id, { outcome: 'WRONG_NUMBER' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/already been recorded by .+ \(no answer\)/);
  });

  it('links the lost call to a later call from the same number; refuses another number or a call that came before', async () => {
    const { cb, caller } = await lostCall();
    const missing = await resolve('amk', cb.id, { outcome: 'LINKED' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('linkedCallId');
    const stray = await resolve('amk', cb.id, { outcome: 'REACHED', linkedCallId: crypto.randomUUID() });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().message).toContain('linkedCallId');
    const other = (await cti.ring(uid(), number())).json();
    const wrong = await resolve('amk', cb.id, { outcome: 'LINKED', linkedCallId: other.id });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().message).toContain('same number');
    const itself = await resolve('amk', cb.id, { outcome: 'LINKED', linkedCallId: cb.callId });
    expect(itself.statusCode).toBe(409);
    const again = (await cti.ring(uid(), caller)).json();
    const linked = await resolve('amk', cb.id, { outcome: 'LINKED', linkedCallId: again.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ outcome: 'LINKED', linkedCallId: again.id });
  });

  it('another centre gets 404 and changes nothing; a supervisor may read but not settle', async () => {
    const { cb } = await lostCall();
    for (const user of ['other', 'lv']) {
      expect((await resolve(user, cb.id, { outcome: 'REACHED' })).statusCode).toBe(404);
      expect((await list(user)).map((c) => c.id)).not.toContain(cb.id);
    }
    expect((await list('supervisor')).map((c) => c.id)).toContain(cb.id);
    expect((await resolve('supervisor', cb.id, { outcome: 'REACHED' })).statusCode).toBe(403);
    expect(await server.prisma.callback.findUniqueOrThrow({ where: { id: cb.id } })).toMatchObject({ resolvedAt: null });
  });

  it('a call of another centre from the same number cannot be linked: 404 naming linkedCallId', async () => {
    const { cb, caller } = await lostCall();
    const theirs = await otherCti.ring(uid(), caller);
    expect(theirs.statusCode).toBe(201);
    const res = await resolve('amk', cb.id, { outcome: 'LINKED', linkedCallId: theirs.json().id });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('linkedCallId');
  });
});
