// Calls first, always: while unit terminals flood the server with position reports, a call
// registered through telephony reaches the console before any position that was sent after the
// call was; no call event is lost; and once the flood stops, every unit's newest position arrives.
// Not timed: the order of what the console receives is the assertion. The centre, user, units and
// keys are this file's own (support/factories.ts).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { EventEnvelope, UnitMoved } from '@amk/contracts';
import { createCentre, createIntegrationKey, createUnit, createUser } from './support/factories.js';
import { login, openConsole, startServer, waitFor, type ConsoleSocket, type TestServer } from './support/test-app.js';

const UNITS = 8;
/** Reports in flight at any moment: several per unit, more than the server's database pool. */
const SENDERS = 48;
const CALLS = 4;

let server: TestServer;
let centreCode: string;
let user: string;
let key: string;
let units: { id: string; callSign: string }[];

beforeAll(async () => {
  server = await startServer();
  // The gate lets positions go after at most a second (so a stalled write cannot freeze the map).
  // This test is about order, not speed: a slow machine must not pass for a stalled write.
  server.app.priorityGate.maxHoldMs = 60_000;
  const centre = await createCentre(server.prisma);
  centreCode = centre.code;
  user = (await createUser(server.prisma, centre.id)).username;
  key = await createIntegrationKey(server.prisma, centre.code, 'terminals and telephony');
  units = await Promise.all(Array.from({ length: UNITS }, () => createUnit(server.prisma, centre.id)));
});
afterAll(async () => {
  await server.close();
});

// Every report carries its send order in its time: report n is at T0 + n ms. A position the
// console receives tells which report it came from, and so whether it was sent after a call.
const T0 = Date.now();
const sendOrder = (m: UnitMoved) => Date.parse(m.at) - T0;

/** What the console received, in the order it received it. */
type Received = { kind: 'event'; event: EventEnvelope } | { kind: 'positions'; batch: UnitMoved[] };

function record(socket: ConsoleSocket): Received[] {
  const log: Received[] = [];
  socket.on('event', (event) => log.push({ kind: 'event', event }));
  socket.on('events', (events) => log.push(...events.map((event) => ({ kind: 'event' as const, event }))));
  socket.on('positions', (batch) => log.push({ kind: 'positions', batch }));
  return log;
}

/** Unit terminals reporting as fast as the server answers, each report newer than the last. */
function flood() {
  let sent = 0;
  let stopping = false;
  /** unit id → the send order of its newest report the server stored */
  const newest = new Map<string, number>();
  const refused: number[] = [];
  const sender = async (i: number) => {
    while (!stopping) {
      const n = ++sent;
      const unit = units[(n + i) % UNITS]!;
      const res = await fetch(`${server.url}/api/v1/integrations/units/${unit.callSign}/position`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ lat: 60 + (n % 1000) / 10_000, lon: 5.3, at: new Date(T0 + n).toISOString() }),
      });
      const body = (await res.json()) as { applied?: boolean };
      if (res.status !== 200) {
        refused.push(res.status);
        return;
      }
      if (body.applied) newest.set(unit.id, Math.max(newest.get(unit.id) ?? 0, n));
    }
  };
  const senders = Promise.all(Array.from({ length: SENDERS }, (_, i) => sender(i)));
  return {
    /** How many reports have been sent so far. */
    sent: () => sent,
    newest,
    /** Statuses of reports the server did not take (none should be). */
    refused,
    async stop() {
      stopping = true;
      await senders;
    },
  };
}

// The call goes over a connection already open, so the server has it before anything sent later.
const telephony = new http.Agent({ keepAlive: true, maxSockets: 1 });
function request(method: string, path: string, body?: object): { sent: Promise<void>; answered: Promise<number> } {
  let sent!: () => void;
  const wasSent = new Promise<void>((resolve) => (sent = resolve));
  const answered = new Promise<number>((resolve, reject) => {
    const req = http.request(
      `${server.url}${path}`,
      { method, agent: telephony, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.on('finish', sent); // the whole request has been handed to the operating system
    req.end(body && JSON.stringify(body));
  });
  return { sent: wasSent, answered };
}

describe('calls first under a position flood', () => {
  it('delivers each call before positions sent after it, loses no call, and ends with every unit’s newest position', async () => {
    const socket = openConsole(server, await login(server, user));
    await socket.live;
    const log = record(socket);
    expect(await request('GET', '/health/live').answered).toBe(200); // the telephony connection is open

    const load = flood();
    onTestFinished(() => load.stop());
    await waitFor(() => log.some((r) => r.kind === 'positions'), 10_000, 'positions streaming before the first call');

    const calls: { externalId: string; sentAfter: number }[] = [];
    for (let c = 0; c < CALLS; c++) {
      const externalId = `calls-first-${T0}-${c}`;
      const call = request('POST', '/api/v1/integrations/calls', {
        externalId,
        centre: centreCode,
        line: '113',
        callerNumber: `+479000${String(c).padStart(4, '0')}`,
        ringingAt: new Date().toISOString(),
      });
      await call.sent;
      // Reports numbered above this were sent after the call was.
      const sentAfter = load.sent();
      calls.push({ externalId, sentAfter });
      expect(await call.answered).toBe(201);
      // Keep flooding until the console has had positions sent after the call: the proof that
      // the order below was decided while the flood was on.
      await waitFor(
        () => log.some((r) => r.kind === 'positions' && r.batch.some((m) => sendOrder(m) > sentAfter)),
        20_000,
        `positions sent after call ${c}`,
      );
    }
    await load.stop();
    expect(load.refused).toEqual([]);

    for (const { externalId, sentAfter } of calls) {
      const callAt = log.findIndex((r) => r.kind === 'event' && r.event.type === 'call.upserted' && r.event.data.externalId === externalId);
      expect(callAt, `call ${externalId} reached the console`).toBeGreaterThanOrEqual(0);
      const firstLater = log.findIndex((r) => r.kind === 'positions' && r.batch.some((m) => sendOrder(m) > sentAfter));
      expect(callAt, `call ${externalId} came before positions sent after it`).toBeLessThan(firstLater);
    }

    // The flood is over: the map ends where the units are.
    const shown = () => {
      const last = new Map<string, number>();
      for (const r of log) if (r.kind === 'positions') for (const m of r.batch) last.set(m.id, Math.max(last.get(m.id) ?? 0, sendOrder(m)));
      return last;
    };
    await waitFor(
      () => units.every((u) => load.newest.has(u.id) && shown().get(u.id) === load.newest.get(u.id)),
      10_000,
      'every unit’s newest position on the console',
    );
    socket.disconnect();
    telephony.destroy();
  });
});
