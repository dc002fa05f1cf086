// `pnpm bench`: measures what operators feel, prints a table and writes bench-results.json
// (an array of {name, unit, value, baseline, ratio}). It never fails a build on a figure; it fails
// only if it cannot measure at all. Everything runs on this machine against a fresh database.
//
// BENCH_QUICK=1 shrinks the big data sets (for a quick look); the defaults are the issues' sizes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/config.js';
import { createFreshDatabase } from '@amk/db/testing';
import { seedDemo } from '../src/seed/seed.js';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { createPrisma } from '@amk/db';
import { measureConsoleMainThread } from './console-main-thread.js';
import { monthSummaryBench, purgeBench } from './database-benches.js';
import { kommuneLookupBench, rankingBench } from './domain-benches.js';
import { catchUpBench, connectMany, intakeBench, measureFanout, ringCall, sustainedBench } from './live-benches.js';
import { percentile, row, type BenchRow } from './stats.js';

const quick = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 50 : 200));
const MONTH_CALLS = Number(process.env.BENCH_MONTH_CALLS ?? (quick ? 100_000 : 1_000_000));
const PURGE_N = Number(process.env.BENCH_PURGE_N ?? (quick ? 50_000 : 1_000_000));

function startChild(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: join(repoRoot, 'apps/server'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening (\d+)|console ready at http:\/\/localhost:(\d+)/);
      if (m) resolve({ child, port: Number(m[1] ?? m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

async function fanoutRows(consoles: number, bareUrl: string, url: string, key: string, cookie: string): Promise<BenchRow[]> {
  const bareSockets = await connectMany(bareUrl, consoles);
  const bare = await measureFanout(
    bareSockets,
    ROUNDS,
    async (i) => {
      const id = `bare-${consoles}-${i}`;
      await fetch(`${bareUrl}/`, { method: 'POST', body: JSON.stringify({ data: { id } }) });
      return id;
    },
    (d) => (d as { id: string }).id,
  );
  for (const s of bareSockets) s.disconnect();
  const sockets = await connectMany(url, consoles, cookie);
  const run = Date.now();
  const real = await measureFanout(
    sockets,
    ROUNDS,
    async (i) => {
      const res = await ringCall(url, key, `fanout-${consoles}-${run}-${i}`);
      if (res.status !== 201) throw new Error(`registering a call answered ${res.status}`);
      return ((await res.json()) as { id: string }).id;
    },
    (d) => (d as { id: string }).id,
  );
  for (const s of sockets) s.disconnect();
  return [
    row(`call registered → screen, ${consoles} consoles, p50`, 'ms', percentile(real, 50), percentile(bare, 50)),
    row(`call registered → screen, ${consoles} consoles, p99`, 'ms', percentile(real, 99), percentile(bare, 99)),
  ];
}

async function main() {
  const rows: BenchRow[] = [];
  // BENCH_ONLY=month,purge runs only the steps whose name contains one of the words.
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  const step = async (name: string, f: () => Promise<BenchRow[]> | BenchRow[]) => {
    if (only && !only.some((w) => name.includes(w))) return;
    const t = Date.now();
    try {
      rows.push(...(await f()));
    } catch (e) {
      console.error(`[bench] ${name} could not be measured: ${(e as Error).message}`);
    }
    console.log(`[bench] ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };

  await step('pure rules (ranking, kommune)', () => [...rankingBench(), ...kommuneLookupBench()]);

  if (!existsSync(join(repoRoot, 'apps/console/dist/index.html')))
    spawnSync('pnpm', ['--filter', '@amk/console', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const db = await createFreshDatabase('bench', seedDemo);
  const children: ChildProcess[] = [];
  // bulk data generation runs single statements of many seconds: no statement timeout here
  const prisma = createPrisma(db.url, 4, { statementTimeoutMs: 0, lockTimeoutMs: 0 });
  try {
    const { key } = await createIntegrationKeyService(prisma).create('bench', 'AMK-BERGEN');
    const bare = await startChild(join(repoRoot, 'apps/server/bench/bare-socketio-server.ts'), { PORT: '0' });
    children.push(bare.child);
    const server = await startChild(join(repoRoot, 'apps/server/src/main.ts'), {
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'never',
      PURGE_SCHEDULE: 'off',
    });
    children.push(server.child);
    const url = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'amk.bergen', password: 'demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const bareUrl = `http://127.0.0.1:${bare.port}`;

    await step('call → screen, 100 consoles', () => fanoutRows(100, bareUrl, url, key, cookie));
    await step('call → screen, 200 consoles', () => fanoutRows(200, bareUrl, url, key, cookie));
    await step('CTI intake', () => intakeBench(url, key));
    await step('sustained positions + calls', () => sustainedBench(url, key, cookie, prisma));
    await step('catch-up', () => catchUpBench(url, key, cookie, prisma));
    await step('console main thread (Chromium)', () => measureConsoleMainThread(url));
    await step('month of calls (summary)', () => monthSummaryBench(prisma, MONTH_CALLS));
    await step('recording purge', () => purgeBench(prisma, db.url, PURGE_N));
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await prisma.$disconnect();
    await new Promise((r) => setTimeout(r, 500));
    await db.drop().catch(() => {});
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`\nBenchmarks on ${machine}\n`);
  console.table(
    rows.map((r) => ({
      name: r.name,
      value: `${r.value} ${r.unit}`,
      baseline: r.baseline === null ? '—' : `${r.baseline} ${r.unit}`,
      ratio: r.ratio ?? '—',
    })),
  );
  // A partial run (BENCH_ONLY) updates its own rows and keeps the others.
  const previous: BenchRow[] =
    only && existsSync(join(repoRoot, 'bench-results.json')) ? JSON.parse(readFileSync(join(repoRoot, 'bench-results.json'), 'utf8')) : [];
  const merged = [...previous.filter((p) => !rows.some((r) => r.name === p.name)), ...rows];
  writeFileSync(join(repoRoot, 'bench-results.json'), `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`written to bench-results.json (machine: ${machine})`);
  process.exit(0);
}

await main();
