// The live path against a running server (child process): call → screen for many consoles next to
// a bare Socket.IO broadcast, telephony intake throughput, sustained unit positions plus calls, and
// the catch-up of a console that missed 10,000 events.
import { io as connect, type Socket } from 'socket.io-client';
import type { Db } from '@amk/db';
import { percentile, row, type BenchRow } from './stats.js';

export async function connectMany(url: string, n: number, cookie?: string, auth: object = {}): Promise<Socket[]> {
  const sockets = Array.from({ length: n }, () =>
    connect(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
      auth,
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

/** Sends `rounds` messages one after another; returns every console's receive latency in ms. */
export async function measureFanout(
  sockets: Socket[],
  rounds: number,
  send: (i: number) => Promise<string>,
  idOf: (data: unknown) => string,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let waiting = sockets.length;
    let sentAt = 0;
    let expected = '';
    const done = new Promise<void>((resolve) => {
      for (const s of sockets) {
        const handler = (e: { data: unknown }) => {
          if (expected !== '' && idOf(e.data) !== expected) return;
          latencies.push(performance.now() - sentAt);
          s.off('event', handler);
          if (--waiting === 0) resolve();
        };
        s.on('event', handler);
      }
    });
    sentAt = performance.now();
    expected = await send(i);
    await done;
  }
  return latencies.sort((a, b) => a - b);
}

export const ringCall = (url: string, key: string, externalId: string) =>
  fetch(`${url}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId,
      centre: 'AMK-BERGEN',
      line: '113',
      callerNumber: '+4790000000',
      ringingAt: new Date().toISOString(),
    }),
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

/** 500 unit positions a second and 10 calls a second for `seconds`, with one console listening. */
export async function sustainedBench(url: string, key: string, cookie: string, prisma: Db, seconds = 10): Promise<BenchRow[]> {
  const units = await prisma.unit.findMany({ where: { centre: { code: 'AMK-BERGEN' } }, select: { id: true, callSign: true } });
  const [socket] = await connectMany(url, 1, cookie);
  const sentAt = new Map<string, number>();
  const positionLatency: number[] = [];
  const callLatency: number[] = [];
  socket!.on('positions', (batch: { id: string; at: string }[]) => {
    const now = performance.now();
    for (const m of batch) {
      const t = sentAt.get(`${m.id}@${m.at}`);
      if (t !== undefined) positionLatency.push(now - t);
    }
  });
  const callSent = new Map<string, number>();
  socket!.on('event', (e: { type: string; data: { externalId?: string } }) => {
    const t = e.type === 'call.upserted' && e.data.externalId ? callSent.get(e.data.externalId) : undefined;
    if (t !== undefined) callLatency.push(performance.now() - t);
  });
  const start = Date.now();
  let tick = 0;
  const inFlight: Promise<unknown>[] = [];
  while (Date.now() - start < seconds * 1000) {
    tick++;
    // every 100 ms: 50 positions and one call
    for (let i = 0; i < 50; i++) {
      const u = units[(tick * 50 + i) % units.length]!;
      const at = new Date(Date.now() + tick * 10 + i).toISOString();
      sentAt.set(`${u.id}@${at}`, performance.now());
      inFlight.push(
        fetch(`${url}/api/v1/integrations/units/${u.callSign}/position`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ lat: 60.3 + (i % 10) * 0.01, lon: 5.3 + tick * 0.0001, at }),
        }),
      );
    }
    const externalId = `sustained-${start}-${tick}`;
    callSent.set(externalId, performance.now());
    inFlight.push(ringCall(url, key, externalId));
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(inFlight);
  await new Promise((r) => setTimeout(r, 500));
  socket!.disconnect();
  positionLatency.sort((a, b) => a - b);
  callLatency.sort((a, b) => a - b);
  const achieved = sentAt.size / seconds;
  return [
    row(`sustained ${Math.round(achieved)} unit positions/s + 10 calls/s: position delivery p99`, 'ms', percentile(positionLatency, 99)),
    row('sustained load: call delivery p99', 'ms', percentile(callLatency, 99)),
    // Positions are coalesced: each 100 ms a console gets the latest per unit, not every report.
    row(
      'sustained load: reports shown (latest per unit per 100 ms; older ones coalesced)',
      '%',
      (positionLatency.length / sentAt.size) * 100,
    ),
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
  socket!.on('event', () => received++);
  const live = await new Promise<{ replayed: number }>((resolve) => socket!.once('live', resolve));
  const ms = performance.now() - t;
  socket!.disconnect();
  return [
    row(`catch-up of ${live.replayed.toLocaleString('en')} missed events after a reconnect`, 'ms', ms),
    row('catch-up: events received before live', 'events', received),
  ];
}
