// The console's starting picture as the server gives it: what a console waits for after the login
// (and after a resync), measured over HTTP without a browser, so the first load's "login answered →
// snapshot received" can be split into the server's part and the browser's. Run after the intake
// step, it holds the open calls that step left (the snapshot's 1,000 at most) and the fleet.
import { percentile, row, type BenchRow } from './stats.js';

export async function snapshotBench(url: string, cookie: string, times = 30): Promise<BenchRow[]> {
  const ms: number[] = [];
  for (let i = 0; i < times + 3; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/api/v1/snapshot`, { headers: { cookie, 'accept-encoding': 'br, gzip' } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`snapshot answered ${res.status}`);
    // the first three warm the route (V8 compiles it, the pool opens its connections)
    if (i >= 3) ms.push(performance.now() - t);
    if (i === 0) {
      const { calls, units } = JSON.parse(body) as { calls: unknown[]; units: unknown[] };
      console.log(
        `[bench] snapshot: ${calls.length} calls, ${units.length} units, ${(Buffer.byteLength(body) / 1e6).toFixed(2)} MB of JSON`,
      );
    }
  }
  ms.sort((a, b) => a - b);
  return [
    row('console snapshot over HTTP, p50', 'ms', percentile(ms, 50)),
    row('console snapshot over HTTP, p99', 'ms', percentile(ms, 99)),
  ];
}
