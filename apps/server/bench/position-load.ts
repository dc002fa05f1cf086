// Unit positions as load: the sustained mix an ordinary busy night brings (500 reports a second and
// 10 calls a second, 100 consoles listening), and a flood of terminals sending back to back, to
// show that calls are not held up by cars driving (issue 17, "calls first, always").
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@amk/db';
import { skimPositions } from './skim-positions.js';
import { connectMany, type Fanout, measureFanout, onEvent, ringCall } from './live-benches.js';
import { startLoadProcess } from './load-process.js';
import { cpuMeter } from './machine.js';
import { positionBody, positionPath } from './position-report.js';
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

/** A terminal's report (position-report.ts): unit `i` of the fleet at `tick`. */
const reportPosition = (url: string, key: string, unit: SimUnit, at: string, tick: number, i: number) =>
  fetch(`${url}${positionPath(unit.callSign)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: positionBody(i, tick, at),
  });

/**
 * 500 unit positions a second (each of 500 units once a second) and 10 calls a second for
 * `seconds`, with `consoles` consoles listening; the first console times what it receives. The
 * server's CPU over the window, per 100 consoles, is a row of its own.
 */
export async function sustainedBench(t: Target, fleet: SimUnit[], consoles: number, seconds = 10): Promise<BenchRow[]> {
  const units = fleet.slice(0, 500);
  // The first console times positions and calls; the others only load the server, and skim the
  // positions they are sent rather than parse them in the bench's one event loop (skim-positions.ts).
  const sockets = [...(await connectMany(t.url, 1, t.cookie)), ...(await connectMany(t.url, consoles - 1, t.cookie, {}, skimPositions))];
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
  onEvent(socket!, (e: { type: string; data: { externalId?: string } }) => {
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
    await sleep(100);
  }
  await Promise.all(inFlight);
  const cpu = meter();
  await sleep(500);
  for (const s of sockets) s.disconnect();
  positionLatency.sort((a, b) => a - b);
  callLatency.sort((a, b) => a - b);
  const achieved = sentAt.size / seconds;
  const label = `${Math.round(achieved)} positions/s + 10 calls/s, ${consoles} consoles`;
  return [
    row(`sustained ${label}: position delivery p99`, 'ms', percentile(positionLatency, 99)),
    row('sustained load: call delivery p99', 'ms', percentile(callLatency, 99)),
    // Positions are coalesced: each 200 ms a console gets the latest per unit, not every report.
    row(
      'sustained load: reports shown (latest per unit per 200 ms; older ones coalesced)',
      '%',
      (positionLatency.length / sentAt.size) * 100,
    ),
    ...(cpu.server === null
      ? []
      : [row('server CPU per 100 consoles, 500 positions/s + 10 calls/s', '% of a core', (cpu.server / consoles) * 100)]),
  ];
}

/**
 * The flood's terminals in a child process (flood-senders.ts), on the load's core as the rest of
 * the load is: `counts` follows what it prints, `level` waits until it has sent for `ms`, `pause`
 * stops its terminals and waits until none is sending (its counts then exact), `resume` starts
 * them again, `stop` ends it and waits for its last counts.
 */
function startFlood(t: Target, fleet: SimUnit[], senders: number) {
  const counts = { taken: 0, refused: 0 };
  let started: () => void;
  const sending = new Promise<void>((resolve) => {
    started = resolve;
  });
  let paused: (() => void) | null = null;
  const env = {
    FLOOD_URL: t.url,
    FLOOD_KEY: t.key,
    FLOOD_SENDERS: String(senders),
    FLOOD_CALL_SIGNS: JSON.stringify(fleet.map((u) => u.callSign)),
  };
  const terminals = startLoadProcess('flood-senders.ts', env, (line) => {
    const m = /^(paused )?taken (\d+) refused (\d+)$/.exec(line);
    if (!m) return;
    counts.taken = Number(m[2]);
    counts.refused = Number(m[3]);
    started();
    if (m[1]) paused?.();
  });
  return {
    counts,
    level: async (ms: number) => {
      await Promise.race([sending, terminals.exited]);
      const code = terminals.exitCode();
      if (code !== null) throw new Error(`the flood's terminals exited with ${code}`);
      await sleep(ms);
    },
    pause: async () => {
      const said = new Promise<'paused'>((resolve) => {
        paused = () => resolve('paused');
        terminals.send('pause');
      });
      // a flood that died would never say it paused
      if ((await Promise.race([said, terminals.exited.then(() => 'exited' as const)])) === 'exited')
        throw new Error(`the flood's terminals exited with ${terminals.exitCode()}`);
    },
    resume: () => terminals.send('resume'),
    stop: terminals.stop,
  };
}

/** Calls per window of the flood bench; windows go quiet, flooded, flooded, quiet, and again. */
const FLOOD_WINDOW = 25;

/**
 * Call delivery to `consoles` consoles with and without `senders` terminals reporting positions
 * back to back, as fast as the server answers, `rounds` calls each, in the same run and in turns:
 * windows of 25 calls go quiet, flooded, flooded, quiet, and again, the flood paused and resumed
 * between them. The host's neighbours come and go over seconds, and measured one after the other
 * (200 calls quiet, then 200 flooded) the no-flood p99 that the flood's is held to moved from 10 to
 * 34 ms between runs. How many reports a second the server took while flooded is a row, and the
 * server's and PostgreSQL's CPU meanwhile, which say how near saturation that is. No call may be
 * lost.
 */
export async function floodBench(t: Target, fleet: SimUnit[], consoles: number, rounds: number, senders: number): Promise<BenchRow[]> {
  // the consoles time calls and never read positions: they skim them (skim-positions.ts)
  const sockets = await connectMany(t.url, consoles, t.cookie, {}, skimPositions);
  const fanout = (tag: string, calls: number) =>
    measureFanout(
      sockets,
      calls,
      async (i) => {
        const res = await ringCall(t.url, t.key, `flood-${tag}-${Date.now()}-${i}`);
        if (res.status !== 201) throw new Error(`registering a call answered ${res.status}`);
        return ((await res.json()) as { id: string }).id;
      },
      (d) => (d as { id: string }).id,
    );
  const quiet: Fanout = { latencies: [], lost: 0 };
  const flooded: Fanout = { latencies: [], lost: 0 };
  const add = (into: Fanout, window: Fanout) => {
    into.latencies.push(...window.latencies);
    into.lost += window.lost;
  };
  // while flooded: seconds, reports taken, and CPU-seconds of the server and of PostgreSQL
  const busy = { seconds: 0, taken: 0, server: 0 as number | null, database: 0 as number | null };
  const flood = startFlood(t, fleet, senders);
  try {
    await flood.level(2_000); // the server warmed up under the flood
    await flood.pause();
    const windows = Math.ceil(rounds / FLOOD_WINDOW) * 2;
    for (let w = 0; w < windows; w++) {
      const calls = Math.min(FLOOD_WINDOW, rounds - Math.floor(w / 2) * FLOOD_WINDOW);
      if (w % 4 === 0 || w % 4 === 3) {
        await sleep(200); // the last flooded window's reports answered
        add(quiet, await fanout(`quiet-${w}`, calls));
        continue;
      }
      const takenBefore = flood.counts.taken; // exact: read after a pause
      const start = performance.now();
      const meter = cpuMeter(t.serverPid);
      flood.resume();
      await flood.level(500); // the terminals connected and sending again
      add(flooded, await fanout(`flood-${w}`, calls));
      await flood.pause();
      const seconds = (performance.now() - start) / 1000;
      const cpu = meter();
      busy.seconds += seconds;
      busy.taken += flood.counts.taken - takenBefore;
      busy.server = cpu.server === null || busy.server === null ? null : busy.server + (cpu.server * seconds) / 100;
      busy.database = cpu.database === null || busy.database === null ? null : busy.database + (cpu.database * seconds) / 100;
    }
  } finally {
    await flood.stop();
    for (const s of sockets) s.disconnect();
  }
  quiet.latencies.sort((a, b) => a - b);
  flooded.latencies.sort((a, b) => a - b);
  const { refused } = flood.counts;
  const share = (cpuSeconds: number | null) => (cpuSeconds === null ? null : (cpuSeconds / busy.seconds) * 100);
  const server = share(busy.server);
  const database = share(busy.database);
  const quietP99 = percentile(quiet.latencies, 99);
  // the 128 terminals' rows keep the names they have had since 89661d1, for bench-history.jsonl
  const of = (name: string) => (senders === 128 ? name : `${name}, ${senders} terminals`);
  const quietName = `call delivery p99, ${consoles} consoles, no position flood`;
  return [
    // Named anew when the flood moved to its own process (flood-senders.ts): not comparable with
    // the figures before it, whose senders shared the consoles' event loop and core.
    row(
      `position reports taken per second, ${senders} terminals sending back to back from their own process`,
      'reports/s',
      busy.taken / busy.seconds,
    ),
    // whether the flood saturates the server's core (server and PostgreSQL share it)
    ...(server === null ? [] : [row(of('server CPU under the position flood'), '% of a core', server)]),
    ...(database === null ? [] : [row(of('PostgreSQL CPU under the position flood'), '% of a core', database)]),
    row(senders === 128 ? quietName : `${quietName}, in turns with ${senders} terminals`, 'ms', quietP99),
    row(of(`call delivery p99 under position flood, ${consoles} consoles`), 'ms', percentile(flooded.latencies, 99), quietP99),
    row(
      of(`call delivery p50 under position flood, ${consoles} consoles`),
      'ms',
      percentile(flooded.latencies, 50),
      percentile(quiet.latencies, 50),
    ),
    row(of('call events lost under position flood (console × call)'), 'events', flooded.lost + quiet.lost),
    row(of('position reports refused under flood'), 'reports', refused),
  ];
}
