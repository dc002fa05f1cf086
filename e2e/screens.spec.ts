// The console and the wall at the three screen sizes of a control room (a laptop, an operator's
// desk, a 4K wall): nothing runs off the screen or scrolls sideways, and the screenshots are kept.
// `SCREENSHOTS_DIR=docs/screenshots pnpm test:e2e e2e/screens.spec.ts` refreshes the set in docs/.
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { baseURL, integrationKey, live, loginAs, test } from './support.js';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

// JPEG keeps the kept set small (a 4K PNG of a map is megabytes).
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(process.env.SCREENSHOTS_DIR ?? 'test-results', `${name}.jpeg`), type: 'jpeg', quality: 70 });

interface MapWindow {
  __amk?: { map: { once(event: string, fn: () => void): void; triggerRepaint(): void } | null };
}

/** Waits until the map has drawn everything it has loaded (the basemap's outlines included). */
function mapDrawn(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const map = (window as unknown as MapWindow).__amk?.map;
    if (!map) return;
    await new Promise<void>((done) => {
      map.once('idle', () => done());
      map.triggerRepaint();
    });
  });
}

/** Elements wider than their scrolling parent: what makes a column scroll sideways. */
function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        return /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => {
        // and what sticks out of it, so a failure names the culprit
        const right = el.getBoundingClientRect().right;
        const wide = [...el.querySelectorAll<HTMLElement>('*')].findLast((c) => c.getBoundingClientRect().right > right + 1);
        return `${el.tagName.toLowerCase()}.${el.className} ← ${wide ? `${wide.tagName.toLowerCase()}.${wide.className} "${wide.textContent?.slice(0, 40)}"` : '?'}`;
      }),
  );
}

async function ring(number: string) {
  const res = await fetch(`${baseURL}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integrationKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId: `screens-${number}-${Date.now()}`,
      centre: 'AMK-BERGEN',
      line: '113',
      callerNumber: number,
      ringingAt: new Date(Date.now() - 20_000).toISOString(),
    }),
  });
  expect(res.status).toBe(201);
}

for (const size of SIZES) {
  test(`the console and the wall at ${size.width}×${size.height}: nothing scrolls sideways`, async ({ browser }) => {
    await ring('+4791234567');
    const console_ = await loginAs(browser, 'amk.bergen', size);
    await live(console_);
    await expect(console_.getByRole('list', { name: 'Åpne henvendelser' })).toBeVisible();
    const pageOverflow = await console_.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(pageOverflow).toBe(false);
    expect(await sidewaysScrollers(console_)).toEqual([]);
    await mapDrawn(console_);
    await shot(console_, `console-${size.width}x${size.height}`);

    const wall = await loginAs(browser, 'supervisor.bergen', size);
    await live(wall);
    await wall.goto('/wall?centres=AMK-BERGEN,LVS-BERGEN');
    await expect(wall.getByRole('region', { name: 'AMK Bergen' })).toBeVisible();
    expect(await sidewaysScrollers(wall)).toEqual([]);
    await mapDrawn(wall);
    await shot(wall, `wall-${size.width}x${size.height}`);
  });
}
