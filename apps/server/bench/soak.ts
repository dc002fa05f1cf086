/// <reference lib="dom" />
// `pnpm bench --soak`: the sustained load (500 unit positions and 10 calls a second, each call
// ringing, lost and then answered late, so the queue and the callback list stay the size a real
// night's do) for SOAK_MINUTES (default 30) with 200 consoles listening and one real console in
// Chromium. Every 30 s it samples the server's resident memory and the console's JavaScript heap
// (after a garbage collection); after the warm-up (the first sixth) both must stay flat, and every
// console must have received every call. Not part of CI: it takes half an hour.
import { launchChromium } from './browser.js';
import { connectMany, onEvent, ringCall } from './live-benches.js';
import { rssMbOf } from './machine.js';
import { reportPosition, type Target } from './position-load.js';
import { type BenchRow, row } from './stats.js';

const SAMPLE_MS = 30_000;
const CONSOLES = 200;

interface Sample {
  minute: number;
  serverMb: number | null;
  consoleMb: number;
}

const integration = (t: Target, path: string, body: unknown) =>
  fetch(`${t.url}/api/v1/integrations/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.arrayBuffer());

export async function soak(t: Target, fleet: { id: string; callSign: string }[]): Promise<BenchRow[]> {
  const minutes = Number(process.env.SOAK_MINUTES ?? 30);
  const units = fleet.slice(0, 500);
  const sockets = await connectMany(t.url, CONSOLES, t.cookie);
  // Each console counts the ringing calls it heard; a call counts once the server took it (201).
  const heard = new Map<string, number>();
  const registered = new Set<string>();
  let refused = 0;
  // what the refusals were (status code, or 'network' when no answer came), printed at the end
  const refusedBy = new Map<string, number>();
  const refuse = (why: string) => {
    refused++;
    refusedBy.set(why, (refusedBy.get(why) ?? 0) + 1);
  };
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
  let nextSample = start;
  let tick = 0;
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const q = p.catch(() => {}).finally(() => pending.delete(q));
    pending.add(q);
  };
  try {
    while (Date.now() < until) {
      tick++;
      for (let i = 0; i < 50; i++) {
        const index = ((tick - 1) * 50 + i) % units.length;
        const at = new Date().toISOString();
        track(reportPosition(t.url, t.key, units[index]!, at, tick % 600, index).then((r) => r.arrayBuffer()));
      }
      const externalId = `soak-${start}-${tick}`;
      track(
        ringCall(t.url, t.key, externalId).then(
          async (r) => {
            await r.arrayBuffer();
            if (r.status !== 201) return refuse(String(r.status));
            registered.add(externalId);
            await new Promise((res) => setTimeout(res, 1_000));
            const id = encodeURIComponent(externalId);
            await integration(t, `calls/${id}/ended`, { endedAt: new Date().toISOString() });
            await integration(t, `calls/${id}/answered`, { answeredAt: new Date().toISOString() });
          },
          () => refuse('network'),
        ),
      );
      if (Date.now() >= nextSample) {
        nextSample += SAMPLE_MS;
        const sample = {
          minute: (Date.now() - start) / 60_000,
          serverMb: t.serverPid ? rssMbOf(t.serverPid) : null,
          consoleMb: await consoleHeapMb(),
        };
        samples.push(sample);
        console.log(
          `[soak] ${sample.minute.toFixed(1)} min: server ${sample.serverMb?.toFixed(0)} MB, console heap ${sample.consoleMb.toFixed(1)} MB`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(pending);
    await new Promise((r) => setTimeout(r, 2_000));
  } finally {
    for (const s of sockets) s.disconnect();
    await browser.close();
  }

  if (refused) console.log(`[soak] refused registrations: ${JSON.stringify(Object.fromEntries(refusedBy))}`);
  // Flat after warm-up: the mean of the last quarter against the mean of the quarter after warm-up.
  const warm = samples.filter((s) => s.minute >= minutes / 6);
  const quarter = Math.max(1, Math.floor(warm.length / 4));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const growth = (pick: (s: Sample) => number | null) =>
    mean(warm.slice(-quarter).map((s) => pick(s) ?? 0)) - mean(warm.slice(0, quarter).map((s) => pick(s) ?? 0));
  // What the load generator really sent: it shares its core with the browser and the 200 consoles'
  // sockets, and when that core is saturated it rings fewer calls than the 10 a second it aims at.
  const seconds = (Date.now() - start) / 1000;
  return [
    row(`soak: minutes under sustained load with ${CONSOLES} consoles`, 'min', minutes),
    row('soak: calls rung per second (achieved; aimed at 10)', 'calls/s', tick / seconds),
    row('soak: positions sent per second (achieved; aimed at 500)', 'reports/s', (tick * 50) / seconds),
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
    row('soak: calls registered', 'calls', registered.size),
    row('soak: call registrations refused', 'calls', refused),
    row(
      'soak: call events lost (console × call)',
      'events',
      [...registered].reduce((lost, id) => lost + CONSOLES - (heard.get(id) ?? 0), 0),
    ),
    row('soak: console connections dropped', 'sockets', disconnects),
  ];
}
