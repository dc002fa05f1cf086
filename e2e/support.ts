// Helpers for browser tests: log in as a person would, act as an integration (a unit terminal, the
// recorder) with the key the e2e server made, and read what the map shows.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;

function e2eEnv(): { databaseUrl: string; keys: Record<string, string> } {
  return JSON.parse(readFileSync(join(tmpdir(), `amk-e2e-${process.env.E2E_PORT ?? 3199}.json`), 'utf8'));
}

/** The e2e server's database, for a test that must put there what no API makes. */
export const e2eDatabaseUrl = (): string => e2eEnv().databaseUrl;

export function integrationKey(centre = 'AMK-BERGEN'): string {
  return e2eEnv().keys[centre]!;
}

/**
 * A second server on the same database that a test may stop and start (the webServer of the
 * Playwright config is not the test's to restart).
 */
export function ownServer(port: number, env: Record<string, string> = {}) {
  let child: ChildProcess | null = null;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async start(): Promise<void> {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: join(process.cwd(), 'apps/server'),
        env: {
          ...process.env,
          DATABASE_URL: e2eEnv().databaseUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'never',
          PURGE_SCHEDULE: 'off',
          ...env,
        },
        stdio: 'ignore',
      });
      // Through the TypeScript loader on a loaded two-core machine a start has taken over 30 s.
      await expect.poll(async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status ?? 0, { timeout: 90_000 }).toBe(200);
    },
    async stop(): Promise<void> {
      child?.kill('SIGKILL');
      await expect.poll(async () => (await fetch(`${url}/health/live`).catch(() => null))?.status ?? 0, { timeout: 10_000 }).toBe(0);
    },
  };
}

/** Browser contexts a test opened on the shared browser (loginAs and others): closed when the test ends. */
const opened: BrowserContext[] = [];

/**
 * Every spec's `test`: as Playwright's, and closing the contexts the test opened itself when it
 * ends. Left open, every console of every earlier test kept polling and drawing its map in the
 * one browser, and the suite's later specs ran several times slower than alone.
 */
export const test = base.extend<{ closeOpenedContexts: undefined }>({
  closeOpenedContexts: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature; this fixture needs no other
    async ({}, use) => {
      await use(undefined);
      await Promise.all(opened.splice(0).map((c) => c.close().catch(() => {})));
    },
    { auto: true },
  ],
});

/** A new context on the shared browser, closed when the test ends. */
export async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, ...options });
  opened.push(context);
  return context;
}

export async function loginAs(browser: Browser, username: string, viewport = { width: 1600, height: 900 }): Promise<Page> {
  const context = await newContext(browser, { viewport });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel(/Brukernavn|Username/).fill(username);
  await page.getByLabel(/Passord|Password/).fill('demo');
  await page.getByRole('button', { name: /Logg inn|Log in/ }).click();
  return page;
}

/** Waits until the console's socket is live (its replay done). */
export async function live(page: Page): Promise<void> {
  await expect(page.getByTestId('connection')).toContainText(/Tilkoblet|Connected/, { timeout: 45_000 });
}

/**
 * A date or time field by its name. The console's are segments (a group of spinbuttons: day, month,
 * year or hour, minute) in the interface's language, not a native <input>, so they have no value
 * to fill: their text is what the user sees ("24.12.2026", "16:00").
 */
export const dateField = (scope: Page | Locator, name: string): Locator => scope.getByRole('group', { name, exact: true });

/** The date or time such a field shows, without the invisible direction marks that keep its segments in order. */
export async function shownIn(field: Locator): Promise<string> {
  return ((await field.textContent()) ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');
}

/** Types a date or time into such a field as a person does: its digits, the field moving from segment to segment itself. */
export async function typeDate(field: Locator, text: string): Promise<void> {
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(text.replace(/\D/g, ''));
}

/** Ids of the features the map shows in one of its live sources. */
export function mapFeatureIds(page: Page, source: 'calls' | 'units' | 'links' | 'scene'): Promise<string[]> {
  return page.evaluate((s) => [...(window.__amk?.shown[s]?.keys() ?? [])], source);
}

interface MapWindow {
  __amk: {
    map: {
      jumpTo(o: { center: [number, number]; zoom: number }): void;
      project(p: [number, number]): { x: number; y: number };
      loaded(): boolean;
      once(event: string, fn: () => void): void;
    } | null;
  };
}

/** Centres the console's map on a place, waits until it is drawn, and clicks it as an operator would. */
export async function clickMapAt(page: Page, lon: number, lat: number, zoom = 13): Promise<void> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const point = await page.evaluate(
    async ({ lon, lat, zoom }) => {
      const map = (window as unknown as MapWindow).__amk.map!;
      if (!map.loaded()) await new Promise<void>((done) => map.once('load', () => done()));
      const idle = new Promise<void>((done) => map.once('idle', () => done()));
      map.jumpTo({ center: [lon, lat], zoom });
      await idle;
      return map.project([lon, lat]);
    },
    { lon, lat, zoom },
  );
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** A unit terminal reports a status, with the key of the unit's centre (AMK-BERGEN or LVS-BERGEN). */
export async function terminal(callSign: string, status: string, centre = 'AMK-BERGEN') {
  const res = await fetch(`${baseURL}/api/v1/integrations/units/${callSign}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integrationKey(centre)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status, at: new Date().toISOString() }),
  });
  expect(res.status).toBe(200);
}

declare global {
  interface Window {
    __amk?: { shown: Record<string, Map<string, unknown>> };
  }
}
