/// <reference lib="dom" />
// The console's main-thread cost with 2,000 units moving every second, measured in Chromium:
// the console under test is the built one, served by a running server at `url`. Moves go through
// the same store function the socket handler calls (applyPositions), so what is measured is the
// console's own work: store update, per-frame diff, MapLibre updateData, React lists.
import { chromium } from '@playwright/test';
import type { BenchRow } from './stats.js';
import { row } from './stats.js';

const UNITS = 2_000;
const SECONDS = 10;

export async function measureConsoleMainThread(url: string): Promise<BenchRow[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(url);
    // tsx keeps function names with a helper the page does not have; give it one.
    await page.evaluate('window.__name = (f) => f');
    await page.getByLabel('Brukernavn').fill('amk.bergen');
    await page.getByLabel('Passord').fill('demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByTestId('connection').getByText('Tilkoblet').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => (window as any).__amk?.map?.loaded?.(), null, { timeout: 30_000 });

    // 2,000 units of this centre around Bergen, as if the snapshot had them.
    await page.evaluate((n) => {
      const amk = (window as any).__amk;
      const state = amk.store.getState();
      const units: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        units[id] = {
          id,
          callSign: `SIM-${i}`,
          kind: 'AMBULANCE_CAR',
          centreId: state.centre.id,
          stationId: null,
          status: i % 3 ? 'AVAILABLE_ON_THE_MOVE' : 'EN_ROUTE',
          statusAt: new Date().toISOString(),
          lat: 60 + (i % 50) * 0.02,
          lon: 5 + Math.floor(i / 50) * 0.03,
          positionAt: new Date(0).toISOString(),
          crewOk: true,
          crewProblem: null,
        };
      }
      amk.store.setState({ units: { ...state.units, ...units } });
    }, UNITS);
    await page.waitForTimeout(1_500);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskDuration = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    const before = await taskDuration();
    const frames = await page.evaluate(
      ({ n, seconds }) =>
        new Promise<number[]>((resolve) => {
          const amk = (window as any).__amk;
          const gaps: number[] = [];
          let last = performance.now();
          let running = true;
          const onFrame = (t: number) => {
            gaps.push(t - last);
            last = t;
            if (running) requestAnimationFrame(onFrame);
          };
          requestAnimationFrame(onFrame);
          let tick = 0;
          const timer = setInterval(() => {
            tick++;
            const at = new Date().toISOString();
            const batch = [];
            for (let i = 0; i < n; i++) {
              const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
              batch.push({
                id,
                lat: 60 + (i % 50) * 0.02 + tick * 0.0005,
                lon: 5 + Math.floor(i / 50) * 0.03 + tick * 0.0005,
                at,
                speedKmh: 60,
                headingDeg: 45,
              });
            }
            amk.store.getState().applyPositions(batch);
          }, 1000);
          setTimeout(() => {
            running = false;
            clearInterval(timer);
            resolve(gaps);
          }, seconds * 1000);
        }),
      { n: UNITS, seconds: SECONDS },
    );
    const busySeconds = (await taskDuration()) - before;
    frames.sort((a, b) => a - b);
    const p99 = frames[Math.min(frames.length - 1, Math.ceil(frames.length * 0.99) - 1)] ?? NaN;
    return [
      row(`console main thread busy, ${UNITS} units moving every second (Chromium)`, '%', (busySeconds / SECONDS) * 100),
      row(`console frame interval p99, ${UNITS} units moving every second`, 'ms', p99),
      row(`console frames per second, ${UNITS} units moving`, 'fps', frames.length / SECONDS),
    ];
  } finally {
    await browser.close();
  }
}
