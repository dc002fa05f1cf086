// The unit board at national scale: with a fleet of hundreds on it, the console draws only the rows
// in view (and a few around them), and scrolling the column brings every unit into view, the
// neighbours' last, each row as tall as what it shows.
import { expect } from '@playwright/test';
import { addFleet, removeFleet } from '../apps/server/test/support/e2e-fleet.js';
import { e2eDatabaseUrl, live, loginAs, test } from './support.js';

const PREFIX = 'FLT-';
const FLEET = 400;

test('a board of 400 more units draws the rows in view, and scrolling reaches every unit', async ({ browser }) => {
  await addFleet(e2eDatabaseUrl(), 'AMK-BERGEN', PREFIX, FLEET);
  try {
    const page = await loginAs(browser, 'amk.bergen');
    await live(page);
    const board = page.getByRole('region', { name: 'Enheter' });
    const table = board.getByRole('table');
    const total = Number(await table.getAttribute('aria-rowcount'));
    expect(total).toBeGreaterThan(FLEET);
    const drawn = board.locator('tbody tr:not(.spacer)');
    expect(await drawn.count()).toBeLessThan(100);

    const column = page.locator('aside.right');
    const scrollTo = (where: 'middle' | 'bottom') =>
      column.evaluate((el, w) => {
        el.scrollTop = w === 'bottom' ? el.scrollHeight : el.scrollHeight / 2;
      }, where);
    // Own units first, by call sign: FLT-0, FLT-1, FLT-10 … somewhere in the middle.
    await scrollTo('middle');
    await expect(drawn.filter({ hasText: PREFIX }).first()).toBeVisible();
    expect(await drawn.count()).toBeLessThan(100);
    // Rows are measured as they are drawn, so the bottom moves until it is reached: scroll until the
    // neighbours' last unit (a tall row with its "nabo" tag) is in view.
    await expect(async () => {
      await scrollTo('bottom');
      await expect(drawn.last()).toContainText('nabo', { timeout: 500 });
      await expect(drawn.last()).toBeInViewport({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    expect(await drawn.count()).toBeLessThan(100);
  } finally {
    await removeFleet(e2eDatabaseUrl(), PREFIX);
  }
});
