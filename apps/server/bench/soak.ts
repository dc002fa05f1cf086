/// <reference lib="dom" />
// `pnpm bench --soak`: the sustained load (500 unit positions and 10 calls a second, each call
// ringing, lost, answered late and closed half a minute after it rang, so the queue, the callback
// list and the open list stay the size a real night's do: soak-load.ts, a process of its own) for
// SOAK_MINUTES (default 30) with 200 consoles listening and one real console in Chromium. Every
// 30 s it samples the server's resident memory and the console's JavaScript heap (after a garbage
// collection); after the warm-up (the first sixth) both must stay flat, and every console must have
// received every call. Not part of CI: it takes half an hour.
import { launchChromium } from './browser.js';
import { connectMany, onEvent } from './live-benches.js';
import { startLoadProcess } from './load-process.js';
import { cpuMeter, rssMbOf } from './machine.js';
import type { Target } from './position-load.js';
import { type BenchRow, row } from './stats.js';

const SAMPLE_MS = 30_000;
const CONSOLES = 200;

interface Sample {
  minute: number;
  serverMb: number | null;
  consoleMb: number;
}

/** The load's process (soak-load.ts): what it has sent so far, and the calls the server took. */
function startLoad(t: Target, callSigns: string[], run: string) {
  const load = { positions: 0, calls: 0, closed: 0, failed: 0, skipped: 0, failures: '{}', registered: new Set<string>() };
  const env = { SOAK_URL: t.url, SOAK_KEY: t.key, SOAK_COOKIE: t.cookie, SOAK_RUN: run, SOAK_CALL_SIGNS: JSON.stringify(callSigns) };
  const { stop } = startLoadProcess('soak-load.ts', env, (line) => {
    const registered = /^registered (\S+)$/.exec(line);
    if (registered) return void load.registered.add(registered[1]!);
    const sent = /^sent (\d+) (\d+) closed (\d+) failed (\d+) skipped (\d+)$/.exec(line);
    if (sent) {
      const [positions, calls, closed, failed, skipped] = sent.slice(1).map(Number);
      Object.assign(load, { positions, calls, closed, failed, skipped });
    }
    if (line.startsWith('failures ')) load.failures = line.slice('failures '.length);
  });
  return { load, stop };
}

export async function soak(t: Target, fleet: { id: string; callSign: string }[]): Promise<BenchRow[]> {
  const minutes = Number(process.env.SOAK_MINUTES ?? 30);
  const callSigns = fleet.slice(0, 500).map((u) => u.callSign);
  const sockets = await connectMany(t.url, CONSOLES, t.cookie);
  // Each console counts the ringing calls it heard; a call counts once the server took it (201).
  const heard = new Map<string, number>();
  let disconnects = 0;
  for (const s of sockets) {
    onEvent(s, (e: { type: string; data: { externalId?: string | null; state?: string } }) => {
      if (e.type === 'call.upserted' && e.data.state === 'RINGING' && e.data.externalId?.startsWith('soak-'))
        heard.set(e.data.externalId, (heard.get(e.data.externalId) ?? 0) + 1);
    });
    // The bench's consoles do not reconnect (a real one would, and replay what it missed): a
    // dropped connection is counted, so a "lost" figure can be told from a dropped socket.
    s.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') disconnects++;
    });
  }

  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(t.url);
  await page.getByLabel('Brukernavn').fill('amk.bergen');
  await page.getByLabel('Passord').fill('demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByTestId('connection').getByText('Tilkoblet').waitFor({ timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  const consoleHeapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };

  const samples: Sample[] = [];
  const start = Date.now();
  const until = start + minutes * 60_000;
  const { load, stop } = startLoad(t, callSigns, String(start));
  let sendingSeconds = 0;
  try {
    // each sample also says how busy the server's core was since the last one (server + PostgreSQL)
    let meter = cpuMeter(t.serverPid);
    for (let next = start; next < until; next += SAMPLE_MS) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      const cpu = meter();
      meter = cpuMeter(t.serverPid);
      const sample = {
        minute: (Date.now() - start) / 60_000,
        serverMb: t.serverPid ? rssMbOf(t.serverPid) : null,
        consoleMb: await consoleHeapMb(),
      };
      samples.push(sample);
      console.log(
        `[soak] ${sample.minute.toFixed(1)} min: server ${sample.serverMb?.toFixed(0)} MB, console heap ${sample.consoleMb.toFixed(1)} MB; sent ${load.positions} positions, ${load.calls} calls, ${load.closed} closed, ${load.failed} failed; CPU % server ${cpu.server?.toFixed(0)}, PostgreSQL ${cpu.database?.toFixed(0)}`,
      );
    }
    await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
  } finally {
    sendingSeconds = (Date.now() - start) / 1000;
    // the load's last calls live on for half a minute after it stops sending; then the events settle
    await stop();
    await new Promise((r) => setTimeout(r, 2_000));
    for (const s of sockets) s.disconnect();
    await browser.close();
  }

  if (load.failed) console.log(`[soak] failed requests: ${load.failures}`);
  // Flat after warm-up: the mean of the last quarter against the mean of the quarter after warm-up.
  const warm = samples.filter((s) => s.minute >= minutes / 6);
  const quarter = Math.max(1, Math.floor(warm.length / 4));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const growth = (pick: (s: Sample) => number | null) =>
    mean(warm.slice(-quarter).map((s) => pick(s) ?? 0)) - mean(warm.slice(0, quarter).map((s) => pick(s) ?? 0));
  // What the load really sent: it shares its core with the browser and the 200 consoles' sockets,
  // and when that core is saturated it falls behind the 10 calls and 500 positions a second.
  return [
    row(`soak: minutes under sustained load with ${CONSOLES} consoles`, 'min', minutes),
    row('soak: calls rung per second (achieved; aimed at 10)', 'calls/s', load.calls / sendingSeconds),
    row('soak: positions sent per second (achieved; aimed at 500)', 'reports/s', load.positions / sendingSeconds),
    row("soak: positions skipped (the unit's last report still unanswered)", 'reports', load.skipped),
    row('soak: calls closed (each half a minute after it rang)', 'calls', load.closed),
    row('soak: server resident memory after warm-up', 'MB', warm[0]?.serverMb ?? NaN),
    row(
      'soak: server memory growth after warm-up',
      'MB',
      growth((s) => s.serverMb),
    ),
    row('soak: console heap after warm-up', 'MB', warm[0]?.consoleMb ?? NaN),
    row(
      'soak: console heap growth after warm-up',
      'MB',
      growth((s) => s.consoleMb),
    ),
    row('soak: calls registered', 'calls', load.registered.size),
    row('soak: requests failed (answered with an error or not at all)', 'requests', load.failed),
    row(
      'soak: call events lost (console × call)',
      'events',
      [...load.registered].reduce((lost, id) => lost + CONSOLES - (heard.get(id) ?? 0), 0),
    ),
    row('soak: console connections dropped', 'sockets', disconnects),
  ];
}
