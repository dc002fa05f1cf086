// The soak's load, in a process of its own (run by soak.ts, on the load's core): every 100 ms, 50
// unit positions (500 units, each once a second) and one call. Each call rings, is lost after a
// second, is answered late as a callback, and is closed by the operator SOAK_OPEN_SECONDS after it
// rang, so the open list holds what a busy night's does (about 300 calls at 10 a second) instead
// of growing for the whole run.
//
// A process of its own because, in the bench's event loop, the load waited behind the 200 consoles'
// sockets and the browser's protocol: at fe50683 it sent 1.5 calls and 73 positions a second of the
// 10 and 500 it aimed at. It sends as terminals and telephony do, not as a burst: over a bounded
// pool of keep-alive connections (node:http, lighter than fetch), and a unit whose last report is
// still unanswered skips its turn (counted), as a terminal sends its newest position, not a queue.
// (A first version sent late ticks at once and opened a connection per request: when its core
// stalled, the catch-up bursts piled up thousands of requests and it measured its own backlog.)
//
// It prints `registered <externalId>` for each call the server took, every second
// `sent <positions> <calls> closed <n> failed <n> skipped <n>` (totals so far; failed: answered with
// an error or not at all), and on SIGTERM it stops sending, waits for what is in flight (a call's
// life included), prints the totals once more and `failures <JSON>`: how many failed, by what.
import { Agent, request } from 'node:http';
import { ringingCallBody } from './live-benches.js';
import { positionBody, positionPath } from './position-report.js';

const url = process.env.SOAK_URL!;
const key = process.env.SOAK_KEY!;
const cookie = process.env.SOAK_COOKIE!;
const run = process.env.SOAK_RUN ?? String(Date.now());
const callSigns: string[] = JSON.parse(process.env.SOAK_CALL_SIGNS ?? '[]');
const openSeconds = Number(process.env.SOAK_OPEN_SECONDS ?? 30);
const TICK_MS = 100;
const POSITIONS_PER_TICK = 50;

let positions = 0;
let calls = 0;
let closed = 0;
let failed = 0;
let skipped = 0;
/** Units whose last report is still unanswered. */
const reporting = new Set<number>();
const agent = new Agent({ keepAlive: true, maxSockets: 32 });
const failures = new Map<string, number>();
let stopping = false;
const pending = new Set<Promise<unknown>>();
const track = (p: Promise<unknown>) => {
  const q = p
    .catch((e: Error) => {
      failed++;
      failures.set(e.message, (failures.get(e.message) ?? 0) + 1);
    })
    .finally(() => pending.delete(q));
  pending.add(q);
};
const say = () => console.log(`sent ${positions} ${calls} closed ${closed} failed ${failed} skipped ${skipped}`);

/** Sends a request and answers its body; an error status or no answer is an Error naming the route. */
function send(path: string, body: unknown, auth: 'key' | 'cookie', method = 'POST'): Promise<string> {
  const route = `${method} ${path.replace(/soak-[\d-]+|[0-9a-f-]{36}/, ':id')}`;
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method,
        agent,
        headers: {
          ...(auth === 'key' ? { authorization: `Bearer ${key}` } : { cookie }),
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => ((res.statusCode ?? 0) >= 300 ? reject(new Error(`${route} answered ${res.statusCode}`)) : resolve(text)));
        res.on('error', () => reject(new Error(`${route}: no answer`)));
      },
    );
    req.on('error', () => reject(new Error(`${route}: no answer`)));
    req.end(payload);
  });
}

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One call's life: rung, lost, answered late as a callback, closed by the operator. */
async function callLife(externalId: string) {
  const rung = await send('/api/v1/integrations/calls', ringingCallBody(externalId), 'key');
  const { id } = JSON.parse(rung) as { id: string };
  console.log(`registered ${externalId}`);
  await later(1_000);
  const path = `/api/v1/integrations/calls/${encodeURIComponent(externalId)}`;
  await send(`${path}/ended`, { endedAt: new Date().toISOString() }, 'key');
  await send(`${path}/answered`, { answeredAt: new Date().toISOString() }, 'key');
  await later(Math.max(0, openSeconds * 1000 - 1_000));
  await send(`/api/v1/calls/${id}/close`, {}, 'cookie');
  closed++;
}

function tick(n: number) {
  for (let i = 0; i < POSITIONS_PER_TICK; i++) {
    const index = ((n - 1) * POSITIONS_PER_TICK + i) % callSigns.length;
    if (reporting.has(index)) {
      skipped++;
      continue;
    }
    positions++;
    reporting.add(index);
    const report = positionBody(index, n % 600, new Date().toISOString());
    track(send(positionPath(callSigns[index]!), report, 'key', 'PUT').finally(() => reporting.delete(index)));
  }
  calls++;
  track(callLife(`soak-${run}-${n}`));
}

// Tick n is due at start + n × 100 ms (setInterval would drift behind by the time each tick takes).
// A tick more than one late is dropped, not sent in a burst: the achieved rates then show it.
const start = performance.now();
let ticks = 0;
let pace: NodeJS.Timeout | undefined;
function next() {
  if (stopping) return;
  tick(++ticks);
  const late = performance.now() - (start + ticks * TICK_MS);
  if (late > TICK_MS) ticks += Math.floor(late / TICK_MS);
  pace = setTimeout(next, Math.max(0, start + (ticks + 1) * TICK_MS - performance.now()));
}
pace = setTimeout(next, TICK_MS);
const ticker = setInterval(say, 1_000);

process.on('SIGTERM', async () => {
  stopping = true;
  clearTimeout(pace);
  clearInterval(ticker);
  await Promise.all(pending);
  say();
  console.log(`failures ${JSON.stringify(Object.fromEntries(failures))}`);
  process.exit(0);
});
