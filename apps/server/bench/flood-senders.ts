// The position flood's terminals, in a process of their own: `FLOOD_SENDERS` connections each
// report a position, wait for the answer and report again, until told to stop (SIGTERM). Every
// 100 ms it prints how many reports were taken and refused so far (`taken N refused M`), and once
// more as it stops. Run by position-load.ts.
//
// It also takes `pause` and `resume` on stdin, so the bench can time calls with and without the
// flood in turns (see floodBench): `pause` stops every terminal and prints `paused taken N refused
// M` once none is sending any more, so a count read at a window's end is exact, not up to 100 ms
// old; `resume` starts them again.
//
// A process of its own, so the consoles that time the calls do not wait behind hundreds of queued
// answers in their own event loop: in one process the bench measured its own backlog as much as
// the server's. And autocannon (Fastify's load generator: raw keep-alive sockets, no WHATWG
// streams) rather than fetch, so the server is what saturates: 128 fetch loops kept the load's
// core busy at about 2,000 reports a second while the server had a third of its core to spare.
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { positionBody, positionPath } from './position-report.js';

const url = process.env.FLOOD_URL!;
const key = process.env.FLOOD_KEY!;
const callSigns: string[] = JSON.parse(process.env.FLOOD_CALL_SIGNS ?? '[]');
const senders = Number(process.env.FLOOD_SENDERS ?? 128);

let taken = 0;
let refused = 0;
let n = 0;
/** Each unit's last report time: the next is strictly newer, so none is ignored as older than the stored one. */
const lastAt = new Map<number, number>();
const counts = () => `taken ${taken} refused ${refused}`;
const say = () => console.log(counts());

/** The terminals, sending until stopped. */
function startTerminals() {
  // Given a callback, autocannon returns the running instance (without one, a promise of the result).
  const cannon = autocannon(
    {
      url,
      connections: senders,
      duration: 3_600, // until stopped
      // stop() takes effect at the next sample: every 50 ms, not every second, so a pause is prompt
      sampleInt: 50,
      requests: [
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          setupRequest: (request) => {
            const i = n++ % callSigns.length;
            const at = Math.max((lastAt.get(i) ?? 0) + 1, Date.now());
            lastAt.set(i, at);
            return { ...request, path: positionPath(callSigns[i]!), body: positionBody(i, n, new Date(at).toISOString()) };
          },
        },
      ],
    },
    () => {},
  );
  cannon.on('response', (_client, statusCode) => {
    if (statusCode < 300) taken++;
    else refused++;
  });
  cannon.on('reqError', () => refused++);
  return cannon;
}

let cannon: ReturnType<typeof startTerminals> | null = startTerminals();
createInterface({ input: process.stdin }).on('line', (command) => {
  if (command === 'pause' && cannon) {
    const stopping = cannon;
    cannon = null;
    // done once every terminal's connection is closed: no answer is counted after this line
    stopping.on('done', () => console.log(`paused ${counts()}`));
    stopping.stop();
  } else if (command === 'resume' && !cannon) {
    cannon = startTerminals();
  }
});
const ticker = setInterval(say, 100);
process.on('SIGTERM', () => {
  clearInterval(ticker);
  cannon?.stop();
  say();
  process.exit(0);
});
