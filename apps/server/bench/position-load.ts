// Unit positions as load: the sustained mix an ordinary busy night brings (500 reports a second and
// 10 calls a second, 100 consoles listening), and a flood pushed until the server is saturated, to
// show that calls are not held up by cars driving (issue 17, "calls first, always").
import { randomUUID } from 'node:crypto';
import type { Db } from '@amk/db';
import { connectMany, measureFanout, ringCall } from './live-benches.js';
import { cpuMeter } from './machine.js';
import { percentile, row, type BenchRow } from './stats.js';

export interface Target {
  url: string;
  key: string;
  cookie: string;
  prisma: Db;
  serverPid: number | undefined;
}

interface SimUnit {
  id: string;
  callSign: string;
}

/** `n` units of AMK-BERGEN made for the bench (SIM-0 …), so positions spread as a real fleet's do. */
export async function simulatedFleet(prisma: Db, n: number): Promise<SimUnit[]> {
  const centre = await prisma.centre.findUniqueOrThrow({ where: { code: 'AMK-BERGEN' } });
  const existing = await prisma.unit.findMany({ where: { callSign: { startsWith: 'SIM-' } }, select: { id: true, callSign: true } });
  if (existing.length >= n) return existing.slice(0, n);
  const now = new Date();
  await prisma.unit.createMany({
    data: Array.from({ length: n - existing.length }, (_, i) => ({
      id: randomUUID(),
      callSign: `SIM-${existing.length + i}`,
      kind: 'AMBULANCE_CAR' as const,
      centreId: centre.id,
      status: 'AVAILABLE_ON_THE_MOVE' as const,
      statusAt: now,
    })),
  });
  return prisma.unit.findMany({ where: { callSign: { startsWith: 'SIM-' } }, select: { id: true, callSign: true }, take: n });
}

/** A terminal's report: unit `i` of the fleet on its grid around Bergen, moved east with each tick. */
export const reportPosition = (url: string, key: string, unit: SimUnit, at: string, tick: number, i: number) =>
  fetch(`${url}/api/v1/integrations/units/${unit.callSign}/position`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lat: 60.2 + (i % 40) * 0.01, lon: 5.1 + Math.floor(i / 40) * 0.01 + tick * 0.0001, at }),
  });

/**
 * 500 unit positions a second (each of 500 units once a second) and 10 calls a second for
 * `seconds`, with `consoles` consoles listening; the first console times what it receives. The
 * server's CPU over the window, per 100 consoles, is a row of its own.
 */
export async function sustainedBench(t: Target, fleet: SimUnit[], consoles: number, seconds = 10): Promise<BenchRow[]> {
  const units = fleet.slice(0, 500);
  const sockets = await connectMany(t.url, consoles, t.cookie);
  const [socket] = sockets;
  const sentAt = new Map<string, number>();
  const positionLatency: number[] = [];
  const callLatency: number[] = [];
  socket!.on('positions', (batch: { id: string; at: string }[]) => {
    const now = performance.now();
    for (const m of batch) {
      const sent = sentAt.get(`${m.id}@${m.at}`);
      if (sent !== undefined) positionLatency.push(now - sent);
    }
  });
  const callSent = new Map<string, number>();
  socket!.on('event', (e: { type: string; data: { externalId?: string } }) => {
    const sent = e.type === 'call.upserted' && e.data.externalId ? callSent.get(e.data.externalId) : undefined;
    if (sent !== undefined) callLatency.push(performance.now() - sent);
  });
  const meter = cpuMeter(t.serverPid);
  const start = Date.now();
  let tick = 0;
  const inFlight: Promise<unknown>[] = [];
  while (Date.now() - start < seconds * 1000) {
    tick++;
    // every 100 ms: 50 positions (a tenth of the fleet) and one call
    for (let i = 0; i < 50; i++) {
      const index = ((tick - 1) * 50 + i) % units.length;
      const u = units[index]!;
      const at = new Date(Date.now() + tick * 10 + i).toISOString();
      sentAt.set(`${u.id}@${at}`, performance.now());
      inFlight.push(reportPosition(t.url, t.key, u, at, tick, index));
    }
    const externalId = `sustained-${start}-${tick}`;
    callSent.set(externalId, performance.now());
    inFlight.push(ringCall(t.url, t.key, externalId));
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(inFlight);
  const cpu = meter();
  await new Promise((r) => setTimeout(r, 500));
  for (const s of sockets) s.disconnect();
  positionLatency.sort((a, b) => a - b);
  callLatency.sort((a, b) => a - b);
  const achieved = sentAt.size / seconds;
  const label = `${Math.round(achieved)} positions/s + 10 calls/s, ${consoles} consoles`;
  return [
    row(`sustained ${label}: position delivery p99`, 'ms', percentile(positionLatency, 99)),
    row('sustained load: call delivery p99', 'ms', percentile(callLatency, 99)),
    // Positions are coalesced: each 100 ms a console gets the latest per unit, not every report.
    row(
      'sustained load: reports shown (latest per unit per 100 ms; older ones coalesced)',
      '%',
      (positionLatency.length / sentAt.size) * 100,
    ),
    ...(cpu.server === null
      ? []
      : [row('server CPU per 100 consoles, 500 positions/s + 10 calls/s', '% of a core', (cpu.server / consoles) * 100)]),
  ];
}

/**
 * Call delivery to `consoles` consoles measured twice in the same run: quiet, then while
 * `senders` terminals report positions back to back, as fast as the server answers (the server is
 * then saturated; how many reports a second it took is a row). No call may be lost.
 */
export async function floodBench(t: Target, fleet: SimUnit[], consoles: number, rounds: number, senders = 128): Promise<BenchRow[]> {
  const sockets = await connectMany(t.url, consoles, t.cookie);
  let newestAt = Date.now();
  const fanout = (tag: string) =>
    measureFanout(
      sockets,
      rounds,
      async (i) => {
        const res = await ringCall(t.url, t.key, `flood-${tag}-${Date.now()}-${i}`);
        if (res.status !== 201) throw new Error(`registering a call answered ${res.status}`);
        return ((await res.json()) as { id: string }).id;
      },
      (d) => (d as { id: string }).id,
    );
  try {
    const quiet = await fanout('quiet');

    let flooding = true;
    let accepted = 0;
    let refused = 0;
    let n = 0;
    const flood = Array.from({ length: senders }, async () => {
      while (flooding) {
        const i = n++ % fleet.length;
        // strictly newer each time, so no report is ignored as older than the stored one
        newestAt = Math.max(newestAt + 1, Date.now());
        const res = await reportPosition(t.url, t.key, fleet[i]!, new Date(newestAt).toISOString(), n, i).catch(() => null);
        await res?.arrayBuffer();
        if (res && res.status < 300) accepted++;
        else refused++;
      }
    });
    await new Promise((r) => setTimeout(r, 2_000)); // let the flood reach its level
    const acceptedBefore = accepted;
    const floodStart = performance.now();
    const flooded = await fanout('flood');
    const floodSeconds = (performance.now() - floodStart) / 1000;
    const rate = (accepted - acceptedBefore) / floodSeconds;
    flooding = false;
    await Promise.all(flood);

    const quietP99 = percentile(quiet.latencies, 99);
    return [
      row(`position reports taken per second with ${senders} terminals sending back to back (saturated)`, 'reports/s', rate),
      row(`call delivery p99, ${consoles} consoles, no position flood`, 'ms', quietP99),
      row(`call delivery p99 under position flood, ${consoles} consoles`, 'ms', percentile(flooded.latencies, 99), quietP99),
      row(
        `call delivery p50 under position flood, ${consoles} consoles`,
        'ms',
        percentile(flooded.latencies, 50),
        percentile(quiet.latencies, 50),
      ),
      row('call events lost under position flood (console × call)', 'events', flooded.lost + quiet.lost),
      row('position reports refused under flood', 'reports', refused),
    ];
  } finally {
    for (const s of sockets) s.disconnect();
  }
}
