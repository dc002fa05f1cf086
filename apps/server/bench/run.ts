// `pnpm bench`: measures what operators feel, prints a table and writes bench-results.json (an
// array of {name, unit, value, baseline, ratio, goal, cpu, commit, date, machine}), and appends the
// run to bench-history.jsonl so a regression shows against earlier commits. It never fails a build
// on a figure; it fails only if it cannot measure at all. Everything runs on this machine against a
// fresh database; the load generator and the browser run on one core, the server and PostgreSQL on
// the other (machine.ts), and each row records the CPU both sides used while it was measured.
//
// BENCH_QUICK=1 shrinks the big data sets (for a quick look); the defaults are the issues' sizes.
// BENCH_ONLY=month,purge runs only the steps whose name contains one of the words.
// `pnpm bench --soak` runs the 30-minute soak instead (soak.ts; SOAK_MINUTES to change it).
// `pnpm bench --readme` also rewrites README's benchmark table from a full run (readme-table.ts).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrisma } from '@amk/db';
import { createFreshDatabase } from '@amk/db/testing';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { repoRoot } from '../src/config.js';
import { seedDemo } from '../src/seed/seed.js';
import { measureConsoleMainThread } from './console-main-thread.js';
import { monthSummaryBench, purgeBench } from './database-benches.js';
import { kommuneLookupBench, rankingBench } from './domain-benches.js';
import { measureFirstLoad } from './first-load.js';
import { snapshotBench } from './snapshot-bench.js';
import { goalFor } from './goals.js';
import {
  catchUpBench,
  connectMany,
  type Fanout,
  intakeBench,
  measureConcurrentFanout,
  measureFanout,
  measureFanoutInTurns,
  ringCall,
} from './live-benches.js';
import { cpuMeter, currentCommit, describeMachine, type Pinning, pinCores } from './machine.js';
import { floodBench, simulatedFleet, sustainedBench, type Target } from './position-load.js';
import { writeReadmeTable } from './readme-table.js';
import { soak } from './soak.js';
import { type BenchRow, percentile, roundCpu, row } from './stats.js';

const quick = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 50 : 200));
const MONTH_CALLS = Number(process.env.BENCH_MONTH_CALLS ?? (quick ? 100_000 : 1_000_000));
const PURGE_N = Number(process.env.BENCH_PURGE_N ?? (quick ? 50_000 : 1_000_000));
const FLEET = 2_000;
const FANOUT_CONSOLES = [100, 200];
/** Terminals enough to fill the server's core with position reports (with PostgreSQL, 85–100 % busy on this machine by /proc/stat, against about 60 % with 128). */
const SATURATING_SENDERS = 512;

interface Child {
  child: ChildProcess;
  port: number;
  url: string;
}

function startChild(pinning: Pinning, script: string, env: Record<string, string>): Promise<Child> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE=dir: each server writes a V8 CPU profile there when it stops (open in Chrome
    // DevTools), and the console's main-thread step prints its hot spots
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const [command, ...args] = [...pinning.serverPrefix, process.execPath, ...profile, '--import', 'tsx', script];
    const child = spawn(command!, args, {
      cwd: join(repoRoot, 'apps/server'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening (\d+)|console ready at http:\/\/localhost:(\d+)/);
      if (m) {
        const port = Number(m[1] ?? m[2]);
        resolve({ child, port, url: `http://127.0.0.1:${port}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

const stopChild = (c: Child) =>
  new Promise<void>((resolve) => {
    if (c.child.exitCode !== null || c.child.signalCode !== null) return resolve();
    c.child.once('exit', () => resolve());
    c.child.kill('SIGTERM');
  });

const idOfCall = (d: unknown) => (d as { id: string }).id;

/** `consoles` consoles on `url`, each timed receiving the call `send` registers, ROUNDS times. */
async function fanout(consoles: number, url: string, send: (i: number) => Promise<string>, cookie?: string): Promise<Fanout> {
  const sockets = await connectMany(url, consoles, cookie);
  try {
    return await measureFanout(sockets, ROUNDS, send, idOfCall);
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

/** Registers a call through `path` on `base` and answers its id. */
const ringer = (t: Target, base: string, tag: string, path?: string) => async (i: number) => {
  const res = await ringCall(base, t.key, `${tag}-${i}`, path);
  if (res.status !== 201) throw new Error(`registering a call answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
};

interface Baselines {
  bare: Child;
  sameRoute: Child;
}

/**
 * The baseline servers, beside the real one on its core: a bare Socket.IO broadcast, and the
 * same-route server (a second instance on the real server's database that does not tail the event
 * log, so the real server's calls cost it nothing).
 */
async function startBaselines(pinning: Pinning, serverEnv: Record<string, string>): Promise<Baselines> {
  const [bare, sameRoute] = await Promise.all([
    startChild(pinning, join(repoRoot, 'apps/server/bench/bare-socketio-server.ts'), { PORT: '0' }),
    startChild(pinning, join(repoRoot, 'apps/server/bench/same-route-server.ts'), serverEnv),
  ]);
  return { bare, sameRoute };
}

/**
 * Call → screen on `consoles` consoles: the real server and the same-route server in turns, round
 * by round (measureFanoutInTurns), each with its own consoles connected all along; then the bare
 * broadcast, which is shown for scale and has no ratio.
 */
async function fanoutRows(consoles: number, baselines: Baselines, t: Target): Promise<BenchRow[]> {
  const { bare, sameRoute } = baselines;
  const tag = `fanout-${consoles}-${Date.now()}`;
  const [realSockets, sameSockets] = await Promise.all([
    connectMany(t.url, consoles, t.cookie),
    connectMany(sameRoute.url, consoles, t.cookie),
  ]);
  let real: Fanout;
  let same: Fanout;
  try {
    [real, same] = (await measureFanoutInTurns(
      [
        { sockets: realSockets, send: ringer(t, t.url, `${tag}-r`) },
        { sockets: sameSockets, send: ringer(t, sameRoute.url, `${tag}-b`, '/api/v1/bench/integrations/calls') },
      ],
      ROUNDS,
      idOfCall,
    )) as [Fanout, Fanout];
  } finally {
    for (const s of [...realSockets, ...sameSockets]) s.disconnect();
  }
  const bareRun = await fanout(consoles, bare.url, async (i) => {
    const id = `bare-${consoles}-${i}`;
    await fetch(`${bare.url}/`, { method: 'POST', body: JSON.stringify({ data: { id } }) });
    return id;
  });
  const p = (f: Fanout, n: number) => percentile(f.latencies, n);
  return [
    row(`call registered → screen, ${consoles} consoles, p50`, 'ms', p(real, 50), p(same, 50)),
    row(`call registered → screen, ${consoles} consoles, p99`, 'ms', p(real, 99), p(same, 99)),
    row(`bare Socket.IO broadcast (no Fastify, auth, zod or rooms), ${consoles} consoles, p50`, 'ms', p(bareRun, 50)),
    row(`bare Socket.IO broadcast (no Fastify, auth, zod or rooms), ${consoles} consoles, p99`, 'ms', p(bareRun, 99)),
    row(`call events lost, ${consoles} consoles`, 'events', real.lost),
  ];
}

async function concurrentRows(consoles: number, senders: number, t: Target): Promise<BenchRow[]> {
  const sockets = await connectMany(t.url, consoles, t.cookie);
  try {
    const f = await measureConcurrentFanout(t.url, t.key, sockets, senders, quick ? 100 : 400);
    return [
      row(`call registered → screen, ${consoles} consoles, ${senders} concurrent senders, p50`, 'ms', percentile(f.latencies, 50)),
      row(`call registered → screen, ${consoles} consoles, ${senders} concurrent senders, p99`, 'ms', percentile(f.latencies, 99)),
      row(`call events lost, ${consoles} consoles, ${senders} concurrent senders`, 'events', f.lost),
    ];
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'amk.bergen', password: 'demo' }),
  });
  if (res.status !== 200) throw new Error(`logging in answered ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function report(rows: BenchRow[], machine: string, pinned: boolean) {
  console.log(`\nBenchmarks on ${machine}${pinned ? ' (load on core 0, server and PostgreSQL on core 1)' : ''}\n`);
  console.table(
    rows.map((r) => ({
      name: r.name,
      value: `${r.value} ${r.unit}`,
      baseline: r.baseline === null ? '—' : `${r.baseline} ${r.unit}`,
      ratio: r.ratio ?? '—',
      goal: r.goal ?? '—',
      'CPU server/db/load %': r.cpu ? `${r.cpu.server ?? '—'}/${r.cpu.database ?? '—'}/${r.cpu.load}` : '—',
    })),
  );
}

async function main() {
  const pinning = pinCores();
  const commit = currentCommit();
  const date = new Date().toISOString();
  const machine = describeMachine();
  const rows: BenchRow[] = [];
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  const wanted = (step: string) => !only || only.some((w) => step.includes(w));
  let serverPid: number | undefined;
  /** `besideServer`: other servers on the server's core while this step runs, counted in its server CPU. */
  const step = async (name: string, f: () => Promise<BenchRow[]> | BenchRow[], besideServer: number[] = []) => {
    if (!wanted(name)) return;
    const t0 = Date.now();
    const meter = cpuMeter(serverPid === undefined ? undefined : [serverPid, ...besideServer]);
    try {
      const made = await f();
      const c = meter();
      const cpu = { server: roundCpu(c.server), database: roundCpu(c.database), load: roundCpu(c.load)! };
      rows.push(...made.map((r) => ({ ...r, goal: goalFor(r.name), cpu })));
    } catch (e) {
      console.error(`[bench] ${name} could not be measured: ${(e as Error).message}`);
    }
    console.log(`[bench] ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };

  await step('pure rules (ranking, kommune)', () => [...rankingBench(), ...kommuneLookupBench()]);

  if (!existsSync(join(repoRoot, 'apps/console/dist/index.html')))
    spawnSync('pnpm', ['--filter', '@amk/console', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const db = await createFreshDatabase('bench', seedDemo);
  const children: Child[] = [];
  // bulk data generation runs single statements of many seconds: no statement timeout here
  const prisma = createPrisma(db.url, 4, { statementTimeoutMs: 0, lockTimeoutMs: 0 });
  try {
    const { key } = await createIntegrationKeyService(prisma).create('bench', 'AMK-BERGEN');
    const serverEnv = { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'never', PURGE_SCHEDULE: 'off' };
    const server = await startChild(pinning, join(repoRoot, 'apps/server/src/main.ts'), serverEnv);
    children.push(server);
    serverPid = server.child.pid;
    const cookie = await login(server.url);
    const t: Target = { url: server.url, key, cookie, prisma, serverPid };
    const fleet = await simulatedFleet(prisma, FLEET);

    if (process.argv.includes('--soak')) {
      await step('soak', () => soak(t, fleet));
    } else {
      // the baseline servers are started only for the steps that use them
      const fanoutStep = (consoles: number) => `call → screen, ${consoles} consoles`;
      if (FANOUT_CONSOLES.map(fanoutStep).some(wanted)) {
        const baselines = await startBaselines(pinning, serverEnv);
        // the server column of these rows counts all three servers: they share the server's core
        const baselinePids = [baselines.bare, baselines.sameRoute].flatMap((c) => c.child.pid ?? []);
        try {
          for (const consoles of FANOUT_CONSOLES) await step(fanoutStep(consoles), () => fanoutRows(consoles, baselines, t), baselinePids);
        } finally {
          await Promise.all([stopChild(baselines.bare), stopChild(baselines.sameRoute)]);
        }
      }
      await step('call → screen, 200 consoles, 20 concurrent senders', () => concurrentRows(200, 20, t));
      await step('CTI intake', () => intakeBench(server.url, key));
      await step('sustained positions + calls', () => sustainedBench(t, fleet, 100));
      // 200 calls each with and without the flood: a p99 over 50 calls was their slowest one or two,
      // and the no-flood p99 it is compared with moved from 20 to 92 ms between runs. Two floods:
      // 128 terminals, the rows kept since 89661d1, which no longer fill the server's core since
      // positions are written in batches; and 512, which do (issue 17: "until the server is saturated").
      await step('position flood', () => floodBench(t, fleet, 200, quick ? 20 : 200, 128));
      await step('position flood, saturating', () => floodBench(t, fleet, 200, quick ? 20 : 200, SATURATING_SENDERS));
      await step('catch-up', () => catchUpBench(server.url, key, cookie, prisma));
      await step('snapshot', () => snapshotBench(server.url, cookie));
      await step('console first load (Chromium)', () => measureFirstLoad(server.url));
      await step('console main thread (Chromium)', () => measureConsoleMainThread(server.url));
      await step('month of calls (summary)', () => monthSummaryBench(prisma, MONTH_CALLS));
      await step('recording purge', () => purgeBench(prisma, db.url, PURGE_N));
    }
  } finally {
    await Promise.all(children.map(stopChild));
    await prisma.$disconnect();
    await db.drop().catch(() => {});
    pinning.release();
  }

  const stamped = rows.map((r) => ({ ...r, commit, date, machine }));
  report(stamped, machine, pinning.pinned);
  const resultsFile = join(repoRoot, 'bench-results.json');
  // A partial run (BENCH_ONLY) or the soak updates its own rows and keeps the others; a full run
  // replaces every row but the soak's, which only the soak measures.
  const soakRun = process.argv.includes('--soak');
  const previous: BenchRow[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
  const kept = previous.filter((p) => (only || soakRun || p.name.startsWith('soak:')) && !stamped.some((r) => r.name === p.name));
  const merged = [...kept, ...stamped];
  writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
  // One line per run, never rewritten: the figures of every commit that was measured.
  const history = {
    commit,
    date,
    machine,
    pinned: pinning.pinned,
    kind: process.argv.includes('--soak') ? 'soak' : quick ? 'quick' : only ? `only ${only.join(',')}` : 'full',
    rows: stamped.map(({ name, unit, value, baseline, ratio }) => ({ name, unit, value, baseline, ratio })),
  };
  appendFileSync(join(repoRoot, 'bench-history.jsonl'), `${JSON.stringify(history)}\n`);
  if (process.argv.includes('--readme') && history.kind === 'full') {
    writeReadmeTable(stamped, { commit, date, machine, pinned: pinning.pinned });
    console.log('README.md: benchmark table rewritten from this run');
  }
  console.log(`written to bench-results.json and appended to bench-history.jsonl (commit ${commit}, ${machine})`);
  process.exit(0);
}

await main();
