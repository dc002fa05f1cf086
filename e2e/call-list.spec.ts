// The call list on a night with hundreds of open calls: the console draws the rows in view (and a
// few around them), says how many calls there are, and scrolling the queue's column reaches the
// newest ringing call at the bottom. The calls ring at LVS Voss, whose console no other test opens.
import { expect } from '@playwright/test';
import { closeCalls } from '../apps/server/test/support/e2e-fleet.js';
import { baseURL, e2eDatabaseUrl, integrationKey, live, loginAs, test } from './support.js';

const PREFIX = `many-${Date.now()}-`;
const CALLS = 240;

async function ring(i: number, ringingAt: Date): Promise<void> {
  const res = await fetch(`${baseURL}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integrationKey('LVS-VOSS')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId: `${PREFIX}${i}`,
      centre: 'LVS-VOSS',
      line: '116117',
      callerNumber: `+4790${String(i).padStart(6, '0')}`,
      ringingAt: ringingAt.toISOString(),
    }),
  });
  expect(res.status).toBe(201);
}

test('a list of 240 ringing calls draws the rows in view, and scrolling reaches the newest', async ({ browser }) => {
  // oldest first: call 0 rang ten minutes ago, each next one a second later
  const start = Date.now() - 600_000;
  try {
    for (let i = 0; i < CALLS; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => ring(i + k, new Date(start + (i + k) * 1000))));
    }
    const page = await loginAs(browser, 'lv.voss');
    await live(page);
    const section = page.locator('section.calls');
    await expect(section.locator('h2 .count')).toHaveText(String(CALLS));
    const rows = page.getByRole('list', { name: 'Åpne henvendelser' }).locator('li.call-row');
    // the queue's top: the call that has rung longest, with F3 beside it
    await expect(rows.first()).toContainText('+4790000000');
    expect(await rows.count()).toBeLessThan(100);

    // Scroll the column until the list's end is at the bottom of the screen (other panels follow
    // the list); rows are measured as they are drawn, so the end moves until it is reached.
    const column = page.locator('aside.left');
    const newest = rows.filter({ hasText: `+4790${String(CALLS - 1).padStart(6, '0')}` });
    await expect(async () => {
      await column.evaluate((el) => {
        const list = el.querySelector('.call-list')!;
        el.scrollTop += list.getBoundingClientRect().bottom - el.getBoundingClientRect().bottom;
      });
      await expect(newest).toBeInViewport({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    expect(await rows.count()).toBeLessThan(100);
    // and back at the top, the oldest again
    await column.evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect(rows.filter({ hasText: '+4790000000' })).toBeInViewport();
  } finally {
    await closeCalls(e2eDatabaseUrl(), PREFIX);
  }
});
