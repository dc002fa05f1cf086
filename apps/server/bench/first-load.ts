/// <reference lib="dom" />
// The console's first load as an operator starting a shift meets it: a browser with nothing cached
// opens the console, is sent to the login page, logs in, and waits until the call queue is on screen
// and the live socket is connected. Measured in Chromium against the built console served by a
// running server at `url`; five cold loads (each a fresh browser context: no cache, no cookies),
// the median reported. Also what that cost in script over the wire (compressed, headers included).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.js';
import { printHotSpots } from './hot-spots.js';
import type { BenchRow } from './stats.js';
import { row } from './stats.js';

const LOADS = 5;

// Runs in the page before its own scripts (a string, not a function: tsx would add a helper the
// page does not have). On the page's clock (milliseconds since navigation started) it notes when the
// login form is there, when it is sent, and the first frame where the queue is rendered and the
// connection indicator says connected. The load time leaves out the moments between the first two,
// the typing (here the test tool's, at a person's desk the person's), so it is the console's own.
// It also notes when the login and the snapshot are answered and when the console is first drawn,
// so the bench shows where the time goes, not only how much there is.
// The result is the promise window.__firstLoad, awaited through page.evaluate: the console's CSP
// allows no eval, so waitForFunction cannot be used.
const WATCH = `window.__firstLoad = new Promise((resolve) => {
  let formAt, submitAt, drawnAt, liveAt;
  document.addEventListener('submit', () => { submitAt = performance.now(); }, true);
  const observer = new MutationObserver(() => {
    if (formAt === undefined && document.querySelector('input[type="password"]')) formAt = performance.now();
    if (submitAt === undefined) return;
    if (drawnAt === undefined && document.querySelector('#calls-heading')) drawnAt = performance.now();
    const conn = document.querySelector('[data-testid="connection"]');
    if (liveAt === undefined && conn && conn.classList.contains('conn-live')) liveAt = performance.now();
    if (drawnAt === undefined || liveAt === undefined) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const usableAt = performance.now();
      const resources = performance.getEntriesByType('resource');
      const scripts = resources.filter((e) => /\\.m?js$/.test(new URL(e.name).pathname) && e.responseEnd <= usableAt);
      const answered = (path) => resources.find((e) => new URL(e.name).pathname === path && e.startTime >= submitAt)?.responseEnd;
      resolve({
        ms: formAt + (usableAt - submitAt),
        scriptBytes: scripts.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize), 0),
        formAt, submitAt, drawnAt, usableAt,
        loginAt: answered('/api/v1/auth/login'),
        snapshotAt: answered('/api/v1/snapshot'),
      });
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
});`;

// The page's requests on its own clock: when each was sent and answered, for a profiled load.
const REQUESTS = `performance.getEntriesByType('resource').map((e) =>
  '  ' + e.startTime.toFixed(0).padStart(6) + ' → ' + e.responseEnd.toFixed(0).padStart(6) + ' ms  ' + new URL(e.name).pathname
).join('\\n')`;

interface Load {
  ms: number;
  scriptBytes: number;
  /** Moments on the page's clock (ms since navigation started). */
  formAt: number;
  submitAt: number;
  loginAt: number;
  snapshotAt: number;
  drawnAt: number;
  usableAt: number;
}

export async function measureFirstLoad(url: string): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const loads: Load[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      try {
        await context.addInitScript(WATCH);
        const page = await context.newPage();
        // BENCH_PROFILE: the last load (the server warm by then) is profiled from the navigation on,
        // and its requests are listed on the page's clock, so the bench shows where the time goes.
        const profiled = !!process.env.BENCH_PROFILE && i === LOADS - 1;
        if (profiled) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing'] });
        const cdp = profiled ? await context.newCDPSession(page) : null;
        await cdp?.send('Profiler.enable');
        await cdp?.send('Profiler.start');
        await page.goto(url);
        // Typed as soon as the form is there: the time is the console's, not a person's.
        await page.getByLabel('Brukernavn').fill('amk.bergen');
        await page.getByLabel('Passord').fill('demo');
        await page.getByRole('button', { name: 'Logg inn' }).click();
        const load = (await page.evaluate('window.__firstLoad')) as Load;
        loads.push(load);
        if (cdp) {
          const { profile } = await cdp.send('Profiler.stop');
          writeFileSync(join(process.env.BENCH_PROFILE!, 'first-load.cpuprofile'), JSON.stringify(profile));
          printHotSpots('first load', profile);
          console.log(`[bench] first load: ${JSON.stringify(load)}`);
          console.log(await page.evaluate(REQUESTS));
          const trace = await browser.stopTracing();
          writeFileSync(join(process.env.BENCH_PROFILE!, 'first-load-trace.json'), trace);
          printTimeline(JSON.parse(trace.toString()), load.submitAt);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const part = (name: string, f: (l: Load) => number) => row(`first load, part: ${name}`, 'ms', median(loads.map(f)));
  return [
    row('console first load, login → usable', 'ms', median(loads.map((l) => l.ms))),
    row('console first-load script, compressed', 'kB', median(loads.map((l) => l.scriptBytes)) / 1000),
    // where it goes, each the median of its own (so they need not add up exactly)
    part('page opened → login form on screen', (l) => l.formAt),
    part('login sent → answered', (l) => l.loginAt - l.submitAt),
    part('login answered → snapshot received', (l) => l.snapshotAt - l.loginAt),
    part('snapshot received → console drawn', (l) => l.drawnAt - l.snapshotAt),
    part('console drawn → live, next frame', (l) => l.usableAt - l.drawnAt),
  ];
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: any };

/**
 * The console's main thread in a Chromium trace of the profiled load, on the page's clock: its
 * biggest pieces of work, and where it sat idle for over 30 ms, with what ended the wait (one such
 * wait was a TimerFire: React's 300 ms fallback throttle). The whole trace is written beside it,
 * for the Performance panel of Chrome DevTools.
 */
function printTimeline(trace: { traceEvents: TraceEvent[] }, submitAt: number) {
  const events = trace.traceEvents;
  // The login form's submit, on the console renderer's main thread (other renderers draw the
  // browser's own pages), sets the trace's clock to the page's: the watch noted it at submitAt.
  const submit = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'submit');
  if (!submit) return;
  const origin = submit.ts - submitAt * 1000;
  const onMain = events
    .filter((e) => e.pid === submit.pid && e.tid === submit.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(6);
  console.log('[bench] first load, console main thread (ms on the page clock): work over 8 ms, idle over 30 ms');
  let busyUntil = onMain[0]?.ts ?? 0;
  for (const e of onMain) {
    if (e.ts - busyUntil > 30_000) console.log(`  ${ms(busyUntil - origin)}  ${ms(e.ts - busyUntil)}  idle, until ${e.name}`);
    busyUntil = Math.max(busyUntil, e.ts + e.dur!);
    if (e.dur! <= 8_000 || /RunTask|^V8\./.test(e.name)) continue;
    const d = e.args?.data ?? {};
    const what = d.url ? ` ${String(d.url).split('/').pop()}` : d.type ? ` ${d.type}` : '';
    console.log(`  ${ms(e.ts - origin)}  ${ms(e.dur!)}  ${e.name}${what}`);
  }
}
