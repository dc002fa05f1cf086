/// <reference lib="dom" />
// The console's first load as an operator starting a shift meets it: a browser with nothing cached
// opens the console, is sent to the login page, logs in, and waits until the call queue is on screen
// and the live socket is connected. Measured in Chromium against the built console served by a
// running server at `url`; five cold loads (each a fresh browser context: no cache, no cookies),
// the median reported. Also what that cost in script over the wire (compressed, headers included).
import { launchChromium } from './browser.js';
import type { BenchRow } from './stats.js';
import { row } from './stats.js';

const LOADS = 5;

// Runs in the page before its own scripts (a string, not a function: tsx would add a helper the
// page does not have). On the page's clock (milliseconds since navigation started) it notes when the
// login form is there, when it is sent, and the first frame where the queue is rendered and the
// connection indicator says connected. The load time leaves out the moments between the first two,
// the typing (here the test tool's, at a person's desk the person's), so it is the console's own.
// The result is the promise window.__firstLoad, awaited through page.evaluate: the console's CSP
// allows no eval, so waitForFunction cannot be used.
const WATCH = `window.__firstLoad = new Promise((resolve) => {
  let formAt, submitAt;
  document.addEventListener('submit', () => { submitAt = performance.now(); }, true);
  const observer = new MutationObserver(() => {
    if (formAt === undefined && document.querySelector('input[type="password"]')) formAt = performance.now();
    const conn = document.querySelector('[data-testid="connection"]');
    if (submitAt === undefined || !document.querySelector('#calls-heading') || !conn || !conn.classList.contains('conn-live')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const usableAt = performance.now();
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => /\\.m?js$/.test(new URL(e.name).pathname) && e.responseEnd <= usableAt);
      resolve({
        ms: formAt + (usableAt - submitAt),
        scriptBytes: scripts.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize), 0),
      });
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
});`;

interface Load {
  ms: number;
  scriptBytes: number;
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
        await page.goto(url);
        // Typed as soon as the form is there: the time is the console's, not a person's.
        await page.getByLabel('Brukernavn').fill('amk.bergen');
        await page.getByLabel('Passord').fill('demo');
        await page.getByRole('button', { name: 'Logg inn' }).click();
        loads.push((await page.evaluate('window.__firstLoad')) as Load);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return [
    row('console first load, login → usable', 'ms', median(loads.map((l) => l.ms))),
    row('console first-load script, compressed', 'kB', median(loads.map((l) => l.scriptBytes)) / 1000),
  ];
}
