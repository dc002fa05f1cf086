// The realtime spine with real sockets: two server instances on one database, consoles of two
// centres, a disconnect and a replay from afterSeq. The centres, users and units are this file's
// own (support/factories.ts): a replay counts every event of the centre, so no other test's
// events may land in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSummary, EventEnvelope, Snapshot } from '@amk/contracts';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { appendEvents } from '../src/realtime/event-log.js';
import { createCentre, createUnit, createUser } from './support/factories.js';
import { login, onceLive, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';

let one: TestServer;
let two: TestServer;
/** The own centre; a neighbour it lists (whose units it sees, but not its calls); an LVS it does not list. */
let home: { code: string; user: string; key: string; unit: string };
let neighbour: { code: string; user: string; key: string; unit: string };
let lvsUnit: string;

beforeAll(async () => {
  [one, two] = await Promise.all([startServer(), startServer()]);
  const { prisma } = one;
  const keys = createIntegrationKeyService(prisma);
  const neighbourCentre = await createCentre(prisma);
  const homeCentre = await createCentre(prisma, { neighbourCentreIds: [neighbourCentre.id] });
  const lvsCentre = await createCentre(prisma, { kind: 'LVS' });
  const ownPart = async (centre: { id: string; code: string }) => ({
    code: centre.code,
    user: (await createUser(prisma, centre.id)).username,
    key: (await keys.create('realtime test', centre.code)).key,
    unit: (await createUnit(prisma, centre.id)).callSign,
  });
  [home, neighbour] = await Promise.all([ownPart(homeCentre), ownPart(neighbourCentre)]);
  lvsUnit = (await createUnit(prisma, lvsCentre.id, { kind: 'LEGEVAKT_CAR' })).callSign;
});
afterAll(async () => {
  await one.close();
  await two.close();
});

async function ring(server: TestServer, externalId: string, centre = home.code): Promise<CallSummary> {
  const res = await fetch(`${server.url}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${centre === neighbour.code ? neighbour.key : home.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, centre, line: '113', callerNumber: '+4795550000', ringingAt: new Date().toISOString() }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CallSummary;
}

const callIds = (events: EventEnvelope[]) => events.filter((e) => e.type === 'call.upserted').map((e) => (e.data as CallSummary).id);

describe('live updates', () => {
  it('a console on instance 1 sees a call written through instance 2; another centre does not', async () => {
    const homeConsole = openConsole(one, await login(one, home.user));
    const neighbourConsole = openConsole(one, await login(one, neighbour.user));
    await Promise.all([onceLive(homeConsole), onceLive(neighbourConsole)]);

    const call = await ring(two, `rt-${Date.now()}`);
    await waitFor(() => callIds(homeConsole.received).includes(call.id), 5_000, 'the own console to hear the call');
    const envelope = homeConsole.received.find((e) => (e.data as CallSummary).id === call.id)!;
    expect(envelope).toMatchObject({
      type: 'call.upserted',
      centreId: call.centreId,
      data: { externalId: call.externalId, state: 'RINGING' },
    });
    expect(envelope.seq).toBeGreaterThan(0);

    // A later call of the neighbour's own reaches its console in seq order: once it is there, the
    // first call (an earlier seq) would have arrived before it, had it been sent at all.
    const neighbourCall = await ring(two, `rt-neighbour-${Date.now()}`, neighbour.code);
    await waitFor(() => callIds(neighbourConsole.received).includes(neighbourCall.id), 5_000, 'the neighbour console to hear its own call');
    expect(callIds(neighbourConsole.received)).not.toContain(call.id);
    // And the other way round: a later call of the own centre closes the window for the neighbour's.
    const laterHomeCall = await ring(two, `rt-later-${Date.now()}`);
    await waitFor(() => callIds(homeConsole.received).includes(laterHomeCall.id), 5_000, 'the own console to hear the later call');
    expect(callIds(homeConsole.received)).not.toContain(neighbourCall.id);
    homeConsole.disconnect();
    neighbourConsole.disconnect();
  });

  it('delivers each event once, in seq order, to a console of the writing instance too', async () => {
    const consoleOne = openConsole(one, await login(one, home.user));
    const consoleTwo = openConsole(two, await login(two, home.user));
    await Promise.all([onceLive(consoleOne), onceLive(consoleTwo)]);
    const calls = [];
    for (let i = 0; i < 20; i++) calls.push(await ring(i % 2 ? one : two, `order-${Date.now()}-${i}`));
    for (const c of [consoleOne, consoleTwo]) {
      await waitFor(() => callIds(c.received).length >= 20, 5_000, '20 calls');
      expect(callIds(c.received)).toEqual(calls.map((x) => x.id));
      const seqs = c.received.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    consoleOne.disconnect();
    consoleTwo.disconnect();
  });

  it('after a disconnect, afterSeq replays exactly what was missed, then goes live', async () => {
    const cookie = await login(one, home.user);
    const first = openConsole(one, cookie);
    await onceLive(first);
    const seen = await ring(one, `before-${Date.now()}`);
    await waitFor(() => callIds(first.received).includes(seen.id));
    const lastSeq = first.received.at(-1)!.seq;
    first.disconnect();

    const missed = [await ring(two, `missed-a-${Date.now()}`), await ring(one, `missed-b-${Date.now()}`)];

    const again = openConsole(two, cookie, lastSeq);
    const live = await onceLive(again);
    expect(live.replayed).toBe(2);
    expect(callIds(again.received)).toEqual(missed.map((c) => c.id));
    expect(again.received.every((e) => e.seq > lastSeq)).toBe(true);

    const after = await ring(one, `after-${Date.now()}`);
    await waitFor(() => callIds(again.received).includes(after.id));
    expect(callIds(again.received)).toEqual([...missed.map((c) => c.id), after.id]);
    again.disconnect();
  });

  it('replays exactly what was missed when earlier seqs have holes (a rolled-back event)', async () => {
    // a transaction that appended an event and then failed uses up a seq that never commits
    const template = await ring(one, `hole-template-${Date.now()}`);
    await one.prisma
      .$transaction(async (tx) => {
        await appendEvents(tx, [{ type: 'call.upserted', centreId: null, audience: [], data: template }]);
        throw new Error('rolled back on purpose');
      })
      .catch(() => {});
    const cookie = await login(one, home.user);
    const first = openConsole(one, cookie);
    await onceLive(first);
    const seen = await ring(one, `after-hole-${Date.now()}`);
    await waitFor(() => callIds(first.received).includes(seen.id));
    const lastSeq = first.received.at(-1)!.seq;
    first.disconnect();

    const missed = [await ring(one, `hole-missed-a-${Date.now()}`), await ring(one, `hole-missed-b-${Date.now()}`)];
    const again = openConsole(one, cookie, lastSeq);
    const live = await onceLive(again);
    expect(live.replayed).toBe(2);
    expect(callIds(again.received)).toEqual(missed.map((c) => c.id));
    again.disconnect();
  });

  it('refuses a socket without a session', async () => {
    const anonymous = openConsole(one, 'amk_session=forged');
    const error = await new Promise<Error>((resolve) => anonymous.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    anonymous.disconnect();
  });

  it('a snapshot carries the seq to replay from', async () => {
    const cookie = await login(one, home.user);
    const res = await fetch(`${one.url}/api/v1/snapshot`, { headers: { cookie } });
    const snapshot = (await res.json()) as Snapshot;
    expect(snapshot.centre.code).toBe(home.code);
    expect(snapshot.units.some((u) => u.callSign === home.unit)).toBe(true);
    expect(snapshot.units.some((u) => u.callSign === neighbour.unit)).toBe(true); // neighbour's unit
    expect(snapshot.units.some((u) => u.callSign === lvsUnit)).toBe(false); // LVS is not a neighbour
    const call = await ring(two, `snap-${Date.now()}`);
    const socket = openConsole(one, cookie, snapshot.seq);
    await onceLive(socket);
    await waitFor(() => callIds(socket.received).includes(call.id));
    expect(snapshot.calls.some((c) => c.id === call.id)).toBe(false);
    socket.disconnect();
  });

  it('a snapshot taken while calls are written on the other instance, plus the replay after its seq, misses none of them', async () => {
    const cookie = await login(one, home.user);
    const run = `snap-race-${Date.now()}`;
    // calls written on instance two while instance one serves the snapshot: each is in the
    // snapshot, or after its seq (both is fine: the console applies events idempotently)
    const [calls, snapshot] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, (_, i) => ring(two, `${run}-${i}`))),
      fetch(`${one.url}/api/v1/snapshot`, { headers: { cookie } }).then((r) => r.json() as Promise<Snapshot>),
    ]);
    const socket = openConsole(one, cookie, snapshot.seq);
    await onceLive(socket);
    const last = await ring(two, `${run}-last`);
    await waitFor(() => callIds(socket.received).includes(last.id));
    const seen = new Set([...snapshot.calls.map((c) => c.id), ...callIds(socket.received)]);
    expect(calls.filter((c) => !seen.has(c.id)).map((c) => c.externalId)).toEqual([]);
    socket.disconnect();
  });
});
