// The live path against a running server (child process): call → screen for many consoles next to
// a bare Socket.IO broadcast, telephony intake throughput, sustained unit positions plus calls, and
// the catch-up of a console that missed 10,000 events.
import { io as connect, type ManagerOptions, type Socket } from 'socket.io-client';
import type { Db } from '@amk/db';
import { percentile, row, type BenchRow } from './stats.js';

/** `options`: more for socket.io-client (skim-positions.ts for consoles that never read positions). */
export async function connectMany(
  url: string,
  n: number,
  cookie?: string,
  auth: object = {},
  options: Partial<ManagerOptions> = {},
): Promise<Socket[]> {
  const sockets = Array.from({ length: n }, () =>
    connect(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
      auth,
      ...options,
    }),
  );
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((res, rej) => {
          s.once('connect', () => res());
          s.once('connect_error', rej);
        }),
    ),
  );
  return sockets;
}

/**
 * Calls `handler` for every event a console is sent, alone ('event') or several in one packet
 * ('events', a burst committed together); returns how to stop listening.
 */
export function onEvent<E = any>(socket: Socket, handler: (e: E) => void): () => void {
  const many = (list: E[]) => {
    for (const e of list) handler(e);
  };
  socket.on('event', handler);
  socket.on('events', many);
  return () => {
    socket.off('event', handler);
    socket.off('events', many);
  };
}

export interface Fanout {
  /** every console's receive latency in ms, sorted */
  latencies: number[];
  /** deliveries that never came within the round's time limit (console × message) */
  lost: number;
}

/** One server's consoles and how to register a call there (answering the id its event carries). */
export interface Contender {
  sockets: Socket[];
  send: (i: number) => Promise<string>;
}

/**
 * Sends `rounds` messages one after another and waits for every console to receive each (at most
 * `roundLimitMs`; what has not arrived by then is counted lost, not waited for).
 */
export async function measureFanout(
  sockets: Socket[],
  rounds: number,
  send: (i: number) => Promise<string>,
  idOf: (data: unknown) => string,
  roundLimitMs = 10_000,
): Promise<Fanout> {
  const [only] = await measureFanoutInTurns([{ sockets, send }], rounds, idOf, roundLimitMs);
  return only!;
}

/**
 * The same, for several servers in turns, a round at a time: round i goes to every contender, in
 * turn order reversed on odd rounds (ABBA), so a neighbour's load on the shared host, which comes
 * and goes over seconds, falls on each alike instead of on whichever was measured at that moment.
 */
export async function measureFanoutInTurns(
  contenders: Contender[],
  rounds: number,
  idOf: (data: unknown) => string,
  roundLimitMs = 10_000,
): Promise<Fanout[]> {
  const results = contenders.map(() => ({ latencies: [] as number[], lost: 0 }));
  for (let i = 0; i < rounds; i++) {
    const order = contenders.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) {
      const { sockets, send } = contenders[k]!;
      const round = await fanoutRound(sockets, () => send(i), idOf, roundLimitMs);
      results[k]!.latencies.push(...round.latencies);
      results[k]!.lost += round.lost;
    }
  }
  return results.map((r) => ({ latencies: r.latencies.sort((a, b) => a - b), lost: r.lost }));
}

/** One message: every console's receive latency, and how many consoles did not get it in time. */
async function fanoutRound(
  sockets: Socket[],
  send: () => Promise<string>,
  idOf: (data: unknown) => string,
  roundLimitMs: number,
): Promise<Fanout> {
  const latencies: number[] = [];
  let waiting = sockets.length;
  let sentAt = 0;
  let expected = '';
  const stops = new Map<Socket, () => void>();
  const done = new Promise<void>((resolve) => {
    for (const s of sockets) {
      const handler = (e: { data: unknown }) => {
        // The event often beats the send's answer; then it is the only one in flight.
        if (expected !== '' && idOf(e.data) !== expected) return;
        latencies.push(performance.now() - sentAt);
        stops.get(s)?.();
        stops.delete(s);
        if (--waiting === 0) resolve();
      };
      stops.set(s, onEvent(s, handler));
    }
  });
  sentAt = performance.now();
  expected = await send();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, roundLimitMs)))]);
  clearTimeout(timer);
  for (const stop of stops.values()) stop();
  return { latencies, lost: waiting };
}

/**
 * `senders` writers register `total` calls as fast as they are answered, all at once: each call's
 * delivery to every console is timed from the moment its request was sent.
 */
export async function measureConcurrentFanout(
  url: string,
  key: string,
  sockets: Socket[],
  senders: number,
  total: number,
): Promise<Fanout> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  const expected = total * sockets.length;
  let allIn: () => void = () => {};
  const done = new Promise<void>((r) => (allIn = r));
  const handler = (e: { type: string; data: { externalId?: string | null } }) => {
    const t = e.type === 'call.upserted' && e.data.externalId ? sentAt.get(e.data.externalId) : undefined;
    if (t === undefined) return;
    latencies.push(performance.now() - t);
    if (++delivered === expected) allIn();
  };
  const stops = sockets.map((s) => onEvent(s, handler));
  const run = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < total) {
        const externalId = `concurrent-${run}-${next++}`;
        sentAt.set(externalId, performance.now());
        const res = await ringCall(url, key, externalId);
        if (res.status !== 201) throw new Error(`registering a call answered ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
  await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
  for (const stop of stops) stop();
  return { latencies: latencies.sort((a, b) => a - b), lost: expected - delivered };
}

export const ringCall = (url: string, key: string, externalId: string, path = '/api/v1/integrations/calls') =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(ringingCallBody(externalId)),
  });

/** What telephony sends for a ringing call at the bench's centre (ringCall, soak-load.ts). */
export const ringingCallBody = (externalId: string) => ({
  externalId,
  centre: 'AMK-BERGEN',
  line: '113',
  callerNumber: '+4790000000',
  ringingAt: new Date().toISOString(),
});

export async function intakeBench(url: string, key: string, seconds = 10, workers = 20): Promise<BenchRow[]> {
  const until = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let n = 0;
  const run = Date.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (Date.now() < until) {
        const t = performance.now();
        const res = await ringCall(url, key, `intake-${run}-${w}-${n++}`);
        if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return [
    row(`CTI intake throughput, ${workers} concurrent senders`, 'calls/s', latencies.length / seconds),
    row('CTI intake latency p99', 'ms', percentile(latencies, 99)),
  ];
}

/** A console that missed 10,000 events reconnects with afterSeq: time until it is live again. */
export async function catchUpBench(url: string, key: string, cookie: string, prisma: Db, missed = 10_000): Promise<BenchRow[]> {
  const before = Number((await prisma.event.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0);
  // Real events: one registered call's event, written 10,000 times through the same log.
  await ringCall(url, key, `catchup-${Date.now()}`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Event" ("type", "centreId", "audience", "data")
    SELECT e."type", e."centreId", e."audience", e."data" FROM "Event" e, generate_series(2, ${missed}) WHERE e."seq" = (SELECT max("seq") FROM "Event")`);
  await prisma.$executeRawUnsafe(`SELECT pg_notify('amk_events', 'bench')`);
  await new Promise((r) => setTimeout(r, 1_000));
  const t = performance.now();
  const [socket] = await connectMany(url, 1, cookie, { afterSeq: before });
  let received = 0;
  onEvent(socket!, () => received++);
  const live = await new Promise<{ replayed: number }>((resolve) => socket!.once('live', resolve));
  const ms = performance.now() - t;
  socket!.disconnect();
  return [
    row(`catch-up of ${live.replayed.toLocaleString('en')} missed events after a reconnect`, 'ms', ms),
    row('catch-up: events received before live', 'events', received),
  ];
}
