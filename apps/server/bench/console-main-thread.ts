/// <reference lib="dom" />
// The console's main-thread cost at national scale, measured in Chromium against a bare MapLibre
// page in the same run. The console under test is the built one, served by a running server at
// `url`, holding 2,000 units, 300 open calls, their missions and 50 akutthjelpere
// (console-scenario.ts). Every second all 2,000 units move, through the same store function the
// socket handler calls (applyPositions), so what is measured is the console's own work: store
// update, per-frame diff, MapLibre updateData, React. The baseline (bare-maplibre-page.ts) moves
// the same points with setData on the same basemap, camera and map size. The two are measured in
// turns (console, bare, bare, console) so a neighbour's load on the shared machine falls on both.
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './browser.js';
import { printHotSpots } from './hot-spots.js';
import { printMapLayerCost } from './map-layer-cost.js';
import { type BarePageSetup, startBarePage } from './bare-maplibre-page.js';
import { type Base, buildScenario, STEP_DEG, UNITS } from './console-scenario.js';
import type { BenchRow } from './stats.js';
import { percentile, row } from './stats.js';

const SECONDS = 10;
const TURNS = 2;
const LIVE_SOURCES = new Set(['calls', 'units', 'stations', 'links', 'responders', 'scene', 'units-clustered']);

interface Sample {
  seconds: number;
  busy: number;
  gaps: number[];
  longTasks: number;
  longestTask: number;
}

interface Measured {
  busyPct: number;
  p99: number;
  fps: number;
  longTasks: number;
  longestTask: number;
}

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error(`[bench] page error at ${page.url()}: ${e.message}`));
  // tsx keeps function names with a helper the page does not have; give it one.
  await page.addInitScript('window.__name = (f) => f');
  return page;
}

/**
 * Installs `window.__benchRun(seconds)` in a page: it moves the points once a second through
 * `window.__benchMove(tick)` (the page's own way), and records frame gaps and long tasks meanwhile.
 */
async function installRunner(page: Page, bases: Base[]) {
  await page.evaluate(
    ({ bases, step }) => {
      const w = window as any;
      w.__benchBases = bases;
      w.__benchStep = step;
      w.__benchTick = 0;
      w.__benchRun = (seconds: number) =>
        new Promise((resolve) => {
          const gaps: number[] = [];
          let longTasks = 0;
          let longestTask = 0;
          const observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              longTasks++;
              longestTask = Math.max(longestTask, e.duration);
            }
          });
          observer.observe({ type: 'longtask' });
          let last = performance.now();
          let running = true;
          const onFrame = (t: number) => {
            gaps.push(t - last);
            last = t;
            if (running) requestAnimationFrame(onFrame);
          };
          requestAnimationFrame(onFrame);
          const timer = setInterval(() => w.__benchMove(++w.__benchTick), 1000);
          setTimeout(() => {
            running = false;
            clearInterval(timer);
            for (const e of observer.takeRecords()) {
              longTasks++;
              longestTask = Math.max(longestTask, e.duration);
            }
            observer.disconnect();
            resolve({ gaps, longTasks, longestTask });
          }, seconds * 1000);
        });
    },
    { bases, step: STEP_DEG },
  );
}

/** One measured window in a page: its main thread's busy seconds (CDP TaskDuration), frames and long tasks. */
async function measureWindow(page: Page, seconds: number, profile = false): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  // How long the main thread was busy running tasks (wall time: what the operator waits for).
  const taskDuration = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const before = await taskDuration();
  const run = (await page.evaluate((s) => (window as any).__benchRun(s), seconds)) as Omit<Sample, 'seconds' | 'busy'>;
  const after = await taskDuration();
  if (profile) printHotSpots('console', (await cdp.send('Profiler.stop')).profile);
  await cdp.detach();
  return { seconds, busy: after - before, ...run };
}

function summarise(windows: Sample[]): Measured {
  const seconds = windows.reduce((n, w) => n + w.seconds, 0);
  const gaps = windows.flatMap((w) => w.gaps).sort((a, b) => a - b);
  return {
    busyPct: (windows.reduce((n, w) => n + w.busy, 0) / seconds) * 100,
    p99: percentile(gaps, 99),
    fps: gaps.length / seconds,
    longTasks: windows.reduce((n, w) => n + w.longTasks, 0),
    longestTask: Math.max(0, ...windows.map((w) => w.longestTask)),
  };
}

/**
 * Logs in, opens `path` (the console or the wall), fills the store with the scenario and makes the
 * page move its units through applyPositions. Returns what the bare page needs to draw the same.
 */
async function openConsole(
  browser: Browser,
  url: string,
  path: string,
  username: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; bases: Base[]; setup: BarePageSetup }> {
  const page = await newPage(browser, viewport);
  await page.goto(url);
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill('demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 60_000 });
  if (path !== '/') await page.goto(`${url}${path}`);
  // The map's live sources are in (its 'load' ran). Not map.loaded(): on a loaded machine the 4K
  // wall can go minutes without a moment when no tile is loading.
  await page
    .waitForFunction(() => (window as any).__amk?.map?.getSource?.('units') && (window as any).__amk.store.getState().centre, null, {
      timeout: 120_000,
    })
    .catch(async (e: Error) => {
      const state = await page.evaluate(() => {
        const amk = (window as any).__amk;
        return JSON.stringify({ amk: !!amk, map: !!amk?.map, style: amk?.map?.isStyleLoaded?.(), centre: !!amk?.store.getState().centre });
      });
      throw new Error(`${page.url()}: the map did not load (${state}; ${e.message})`);
    });
  // The simulated fleet the bench made in the database is in the snapshot (without positions).
  const known = await page.evaluate(() => {
    const s = (window as any).__amk.store.getState();
    const sims = Object.values(s.units as Record<string, { id: string; callSign: string }>)
      .filter((u) => u.callSign.startsWith('SIM-'))
      .map((u) => ({ id: u.id, callSign: u.callSign }));
    return { centreId: s.centre.id as string, sims };
  });
  known.sims.sort((a, b) => Number(a.callSign.slice(4)) - Number(b.callSign.slice(4)));
  const scenario = buildScenario(known.centreId, known.sims);
  await page.evaluate((sc) => {
    const amk = (window as any).__amk;
    const s = amk.store.getState();
    const byId = (items: { id: string }[]) => Object.fromEntries(items.map((i) => [i.id, i]));
    amk.store.setState({
      units: { ...s.units, ...byId(sc.units) },
      calls: { ...s.calls, ...byId(sc.calls) },
      missions: { ...s.missions, ...byId(sc.missions) },
      alerts: { ...s.alerts, ...byId(sc.alerts) },
    });
    (window as any).__benchMove = (tick: number) => {
      const w = window as any;
      const at = new Date().toISOString();
      const d = tick * w.__benchStep;
      const batch = w.__benchBases.map((b: Base) => ({ id: b.id, lat: b.lat + d, lon: b.lon + d, at, speedKmh: 60, headingDeg: 45 }));
      amk.store.getState().applyPositions(batch);
    };
  }, scenario);
  await installRunner(page, scenario.bases);
  // The bare page draws the console's basemap (not its live layers) at the map's size and camera.
  const setup = await page.evaluate(
    (live) => {
      const map = (window as any).__amk.map;
      const style = map.getStyle();
      const rect = map.getContainer().getBoundingClientRect();
      const c = map.getCenter();
      return {
        style: {
          ...style,
          sources: Object.fromEntries(Object.entries(style.sources).filter(([id]) => !live.includes(id))),
          layers: style.layers.filter((l: { source?: string }) => !l.source || !live.includes(l.source)),
        },
        center: [c.lng, c.lat] as [number, number],
        zoom: map.getZoom() as number,
        width: Math.round(rect.width),
        height: Math.round(rect.height),
      };
    },
    [...LIVE_SOURCES],
  );
  return { page, bases: scenario.bases, setup };
}

async function openBare(browser: Browser, bare: Awaited<ReturnType<typeof startBarePage>>, setup: BarePageSetup, bases: Base[]) {
  bare.show(setup);
  const page = await newPage(browser, { width: Math.max(setup.width, 800), height: Math.max(setup.height, 600) });
  await page.goto(bare.url);
  await page
    .waitForFunction(() => (window as any).__bare, null, { timeout: 120_000, polling: 250 })
    .catch(async (e: Error) => {
      const state = await page.evaluate(() => {
        const bare = (window as any).__bare;
        return JSON.stringify({ bare: !!bare, style: bare?.map?.isStyleLoaded?.(), size: [innerWidth, innerHeight] });
      });
      throw new Error(`the bare page ${JSON.stringify({ ...setup, style: undefined })} did not load (${state}; ${e.message})`);
    });
  await installRunner(page, bases);
  await page.evaluate(() => {
    const w = window as any;
    w.__benchMove = (tick: number) => {
      const d = tick * w.__benchStep;
      w.__bare.source.setData({
        type: 'FeatureCollection',
        features: w.__benchBases.map((b: Base) => ({
          type: 'Feature',
          id: b.id,
          geometry: { type: 'Point', coordinates: [b.lon + d, b.lat + d] },
          properties: {},
        })),
      });
    };
    w.__benchMove(0);
  });
  return page;
}

/** Console and bare page in turns, after a short warm-up each; their windows summed. */
async function inTurns(consolePage: Page, barePage: Page): Promise<{ console: Measured; bare: Measured }> {
  await measureWindow(consolePage, 2);
  await measureWindow(barePage, 2);
  const c: Sample[] = [];
  const b: Sample[] = [];
  // console, bare, bare, console: each page's windows sit alike in time (ABBA)
  for (let turn = 0; turn < TURNS; turn++) {
    const consoleWindow = async () => c.push(await measureWindow(consolePage, SECONDS, turn === 0 && !!process.env.BENCH_PROFILE));
    const bareWindow = async () => b.push(await measureWindow(barePage, SECONDS));
    for (const measure of turn % 2 === 0 ? [consoleWindow, bareWindow] : [bareWindow, consoleWindow]) await measure();
  }
  return { console: summarise(c), bare: summarise(b) };
}

export async function measureConsoleMainThread(url: string): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const bare = await startBarePage();
  try {
    const scene = `${UNITS} units moving`;
    const desk = await openConsole(browser, url, '/', 'amk.bergen', { width: 1600, height: 900 });
    if (process.env.BENCH_LAYER_COST) {
      // a few moves first, as in the measured windows, so the map's tiles hold moved units
      await measureWindow(desk.page, 3);
      await printMapLayerCost(desk.page, [...LIVE_SOURCES]);
    }
    const deskBare = await openBare(browser, bare, desk.setup, desk.bases);
    const d = await inTurns(desk.page, deskBare);
    await Promise.all([desk.page.close(), deskBare.close()]);
    console.log(
      `[bench] console map ${desk.setup.width}×${desk.setup.height} at zoom ${desk.setup.zoom.toFixed(1)}; longest task ${d.console.longestTask.toFixed(0)} ms (bare ${d.bare.longestTask.toFixed(0)} ms)`,
    );

    console.log(
      `[bench] console ${d.console.busyPct.toFixed(0)} % busy (bare ${d.bare.busyPct.toFixed(0)} %), ${d.console.fps.toFixed(1)} fps (bare ${d.bare.fps.toFixed(1)}), ${d.console.longTasks} long tasks (bare ${d.bare.longTasks})`,
    );
    const wall = await openConsole(browser, url, '/wall', 'supervisor.bergen', { width: 3840, height: 2160 });
    const wallBare = await openBare(browser, bare, wall.setup, wall.bases);
    const w = await inTurns(wall.page, wallBare);
    console.log(
      `[bench] wall map ${wall.setup.width}×${wall.setup.height} at zoom ${wall.setup.zoom.toFixed(1)}; longest task ${w.console.longestTask.toFixed(0)} ms (bare ${w.bare.longestTask.toFixed(0)} ms)`,
    );
    return [
      row(`console main thread busy, ${scene}`, '%', d.console.busyPct, d.bare.busyPct),
      row(`console frame interval p99, ${scene}`, 'ms', d.console.p99, d.bare.p99),
      row(`console frames per second, ${scene}`, 'fps', d.console.fps, d.bare.fps),
      row(`console long tasks over 50 ms (count), ${scene}`, 'tasks', d.console.longTasks, d.bare.longTasks),
      row(`console main thread busy, ${scene}, wall 3840×2160`, '%', w.console.busyPct, w.bare.busyPct),
      row(`console long tasks over 50 ms (count), ${scene}, wall 3840×2160`, 'tasks', w.console.longTasks, w.bare.longTasks),
    ];
  } finally {
    await bare.close();
    await browser.close();
  }
}
