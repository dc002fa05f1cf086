// Issue 4: an operator dispatches the recommended unit, the unit terminal reports en route and on
// scene, and both operators' maps and boards follow. Then: the mission's timeline, a status set by
// hand on the unit board, and the mission closed with an outcome from the console.
import { expect, type Page } from '@playwright/test';
import { live, loginAs, terminal, test } from './support.js';

/** The status the map's mission link shows for a unit (null: no open mission links it). */
const linkStatus = (page: Page, callSign: string) =>
  page.evaluate((cs) => {
    const amk = (
      window as unknown as {
        __amk: {
          store: { getState(): { units: Record<string, { id: string; callSign: string }> } };
          shown: { links: Map<string, { properties: { status: string } }> };
        };
      }
    ).__amk;
    const unit = Object.values(amk.store.getState().units).find((u) => u.callSign === cs)!;
    const link = [...amk.shown.links.entries()].find(([id]) => id.endsWith(`:${unit.id}`));
    return link?.[1].properties.status ?? null;
  }, callSign);

test('dispatch the recommended unit; terminal reports move both operators’ maps', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  const b = await loginAs(browser, 'amk.bergen2');
  await Promise.all([live(a), live(b)]);

  await a.keyboard.press('F2');
  await a.getByLabel('Innringers navn').fill(`Fall ${Date.now()}`);
  await a.getByLabel('Breddegrad').fill('60.3911');
  await a.getByLabel('Lengdegrad').fill('5.3222');
  await a.keyboard.press('Enter');

  const first = a
    .getByRole('listitem')
    .filter({ has: a.getByRole('button', { name: /^Send / }) })
    .first();
  const callSign = (await first.locator('span').first().textContent())!.trim();
  await first.getByRole('button', { name: `Send ${callSign}` }).click();
  await expect(a.getByText(new RegExp(`${callSign} \\(Varslet\\)`))).toBeVisible();

  const unitRowOnB = b.getByRole('region', { name: 'Enheter' }).getByRole('row').filter({ hasText: callSign });
  await expect(unitRowOnB).toContainText('Varslet');
  await expect.poll(() => linkStatus(b, callSign)).toBe('ALERTED');

  await terminal(callSign, 'EN_ROUTE');
  await expect(unitRowOnB).toContainText('På vei');
  await expect.poll(() => linkStatus(a, callSign)).toBe('EN_ROUTE');
  await terminal(callSign, 'ON_SCENE');
  await expect(unitRowOnB).toContainText('På stedet');
  await expect(a.getByText(new RegExp(`${callSign} \\(På stedet\\)`))).toBeVisible();
  await expect.poll(() => linkStatus(b, callSign)).toBe('ON_SCENE');
});

test('the timeline follows every status change; the mission is closed with an outcome from the console', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  const b = await loginAs(browser, 'amk.bergen2');
  await Promise.all([live(a), live(b)]);

  await a.keyboard.press('F2');
  await a.getByLabel('Innringers navn').fill(`Brystsmerter ${Date.now()}`);
  await a.getByLabel('Breddegrad').fill('60.3890');
  await a.getByLabel('Lengdegrad').fill('5.3300');
  await a.keyboard.press('Enter');

  const first = a
    .getByRole('listitem')
    .filter({ has: a.getByRole('button', { name: /^Send / }) })
    .first();
  const callSign = (await first.locator('span').first().textContent())!.trim();
  await first.getByRole('button', { name: `Send ${callSign}` }).click();

  const timeline = a.getByRole('list', { name: 'Tidslinje' });
  const entry = (status: string) => timeline.getByRole('listitem').filter({ hasText: callSign }).filter({ hasText: status });
  const clock = /\d{2}[:.]\d{2}[:.]\d{2}/;
  await expect(entry('Varslet')).toContainText(clock);

  await terminal(callSign, 'EN_ROUTE');
  await expect(entry('På vei')).toContainText('terminal');
  await terminal(callSign, 'ON_SCENE');
  await expect(entry('På stedet')).toContainText(clock);

  // The second operator sets the next status by hand on the unit board: only allowed changes are offered.
  const rowOnB = b.getByRole('region', { name: 'Enheter' }).getByRole('row').filter({ hasText: callSign });
  const pillOnB = rowOnB.locator('.status-pill');
  await expect(pillOnB).toHaveText('På stedet');
  await rowOnB.getByRole('button', { name: `Endre status for ${callSign}` }).click();
  const menu = rowOnB.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'På vei' })).toHaveCount(0); // on scene → en route is not a move the machine allows
  await menu.getByRole('menuitem', { name: 'Transporterer pasient' }).click();
  await expect(pillOnB).toHaveText('Transporterer pasient');
  await expect(menu).toHaveCount(0);
  await expect(entry('Transporterer pasient')).toContainText('operatør');

  // Finishing the call with the mission open asks for the mission's outcome first.
  await a.getByRole('button', { name: 'Avslutt henvendelsen' }).click();
  await expect(a.getByRole('alertdialog')).toContainText('Oppdraget er fortsatt åpent');
  await a.getByRole('alertdialog').getByRole('button', { name: 'Avbryt' }).click();

  const close = a.getByRole('form', { name: 'Avslutt oppdrag med utfall' });
  await close.getByLabel('Utfall').selectOption({ label: 'Pasient transportert til sykehus' });
  await close.getByLabel('Merknad').fill('Haukeland');
  await close.getByRole('button', { name: 'Avslutt oppdraget' }).click();

  await expect(a.getByRole('status').filter({ hasText: 'Oppdraget avsluttet: Pasient transportert til sykehus: Haukeland' })).toBeVisible();
  for (const status of ['Varslet', 'På vei', 'På stedet', 'Transporterer pasient']) await expect(entry(status)).toContainText(clock);
  await expect(timeline).toContainText('Oppdraget avsluttet');
  await expect.poll(() => linkStatus(b, callSign)).toBeNull(); // the mission's link leaves the other operator's map

  // Closing the mission set the unit free (it had left: free on the move), with the reason on the timeline.
  await expect(pillOnB).toHaveText('Ledig i bevegelse');
  await expect(entry('Ledig i bevegelse')).toContainText('enheten frigitt');
  // The mission is closed: the call finishes without a question.
  await a.getByRole('button', { name: 'Avslutt henvendelsen' }).click();
  await expect(a.getByLabel('Henvendelse', { exact: true })).toHaveCount(0);
});
