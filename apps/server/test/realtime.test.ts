// The realtime spine with real sockets: two server instances on one database, consoles of two
// centres, a disconnect and a replay from afterSeq.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSummary, EventEnvelope, Snapshot } from '@amk/contracts';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { appendEvents } from '../src/realtime/event-log.js';
import { login, onceLive, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';

let one: TestServer;
let two: TestServer;
let key: string;
let fordeKey: string;

beforeAll(async () => {
  [one, two] = await Promise.all([startServer(), startServer()]);
  const keys = createIntegrationKeyService(one.prisma);
  key = (await keys.create('realtime test', 'AMK-BERGEN')).key;
  fordeKey = (await keys.create('realtime test forde', 'AMK-FORDE')).key;
});
afterAll(async () => {
  await one.close();
  await two.close();
});

async function ring(server: TestServer, externalId: string, centre = 'AMK-BERGEN'): Promise<CallSummary> {
  const res = await fetch(`${server.url}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${centre === 'AMK-FORDE' ? fordeKey : key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, centre, line: '113', callerNumber: '+4795550000', ringingAt: new Date().toISOString() }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CallSummary;
}

const callIds = (events: EventEnvelope[]) => events.filter((e) => e.type === 'call.upserted').map((e) => (e.data as CallSummary).id);

describe('live updates', () => {
  it('a console on instance 1 sees a call written through instance 2; another centre does not', async () => {
    const bergen = openConsole(one, await login(one, 'amk.bergen'));
    const forde = openConsole(one, await login(one, 'amk.forde'));
    await Promise.all([onceLive(bergen), onceLive(forde)]);

    const call = await ring(two, `rt-${Date.now()}`);
    await waitFor(() => callIds(bergen.received).includes(call.id), 5_000, 'the Bergen console to hear the call');
    const envelope = bergen.received.find((e) => (e.data as CallSummary).id === call.id)!;
    expect(envelope).toMatchObject({ type: 'call.upserted', centreId: call.centreId, data: { externalId: call.externalId, state: 'RINGING' } });
    expect(envelope.seq).toBeGreaterThan(0);

    // A later call of Førde's own reaches Førde's console in seq order: once it is there, the
    // Bergen call (an earlier seq) would have arrived before it, had it been sent at all.
    const fordeCall = await ring(two, `rt-forde-${Date.now()}`, 'AMK-FORDE');
    await waitFor(() => callIds(forde.received).includes(fordeCall.id), 5_000, 'the Førde console to hear its own call');
    expect(callIds(forde.received)).not.toContain(call.id);
    // And the other way round: a later Bergen call at Bergen's console closes the window for Førde's.
    const laterBergenCall = await ring(two, `rt-later-${Date.now()}`);
    await waitFor(() => callIds(bergen.received).includes(laterBergenCall.id), 5_000, 'the Bergen console to hear the later call');
    expect(callIds(bergen.received)).not.toContain(fordeCall.id);
    bergen.disconnect();
    forde.disconnect();
  });

  it('delivers each event once, in seq order, to a console of the writing instance too', async () => {
    const consoleOne = openConsole(one, await login(one, 'amk.bergen'));
    const consoleTwo = openConsole(two, await login(two, 'amk.bergen'));
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
    const cookie = await login(one, 'amk.bergen');
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
    await one.prisma
      .$transaction(async (tx) => {
        await appendEvents(tx, [{ type: 'call.upserted', centreId: null, audience: [], data: {} as never }]);
        throw new Error('rolled back on purpose');
      })
      .catch(() => {});
    const cookie = await login(one, 'amk.bergen');
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
    const cookie = await login(one, 'amk.bergen');
    const res = await fetch(`${one.url}/api/v1/snapshot`, { headers: { cookie } });
    const snapshot = (await res.json()) as Snapshot;
    expect(snapshot.centre.code).toBe('AMK-BERGEN');
    expect(snapshot.units.some((u) => u.callSign === 'BGN-A11')).toBe(true);
    expect(snapshot.units.some((u) => u.callSign === 'FRD-A11')).toBe(true); // neighbour's unit
    expect(snapshot.units.some((u) => u.callSign === 'LV-BGN1')).toBe(false); // LVS is not a neighbour
    const call = await ring(two, `snap-${Date.now()}`);
    const socket = openConsole(one, cookie, snapshot.seq);
    await onceLive(socket);
    await waitFor(() => callIds(socket.received).includes(call.id));
    expect(snapshot.calls.some((c) => c.id === call.id)).toBe(false);
    socket.disconnect();
  });
});
