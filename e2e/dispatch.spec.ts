// Issue 4: an operator dispatches the recommended unit, the unit terminal reports en route and on
// scene, and both operators' maps and boards follow.
import { expect, test } from '@playwright/test';
import { live, loginAs, terminal } from './support.js';

test('dispatch the recommended unit; terminal reports move both operators’ maps', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  const b = await loginAs(browser, 'amk.bergen2');
  await Promise.all([live(a), live(b)]);

  await a.keyboard.press('F2');
  await a.getByLabel('Innringers navn').fill(`Fall ${Date.now()}`);
  await a.getByLabel('Breddegrad').fill('60.3911');
  await a.getByLabel('Lengdegrad').fill('5.3222');
  await a.keyboard.press('Enter');

  const first = a.getByRole('listitem').filter({ has: a.getByRole('button', { name: /^Send / }) }).first();
  const callSign = (await first.locator('span').first().textContent())!.trim();
  await first.getByRole('button', { name: `Send ${callSign}` }).click();
  await expect(a.getByText(new RegExp(`${callSign} \\(Varslet\\)`))).toBeVisible();

  const unitRowOnB = b.getByRole('region', { name: 'Enheter' }).getByRole('row').filter({ hasText: callSign });
  await expect(unitRowOnB).toContainText('Varslet');
  const linkStatus = (page: typeof a) =>
    page.evaluate((cs) => {
      const amk = (window as unknown as { __amk: { store: { getState(): { units: Record<string, { id: string; callSign: string }> } }; shown: Record<string, Map<string, { properties: { status: string } }>> } }).__amk;
      const unit = Object.values(amk.store.getState().units).find((u) => u.callSign === cs)!;
      const link = [...amk.shown.links.entries()].find(([id]) => id.endsWith(`:${unit.id}`));
      return link?.[1].properties.status ?? null;
    }, callSign);
  await expect.poll(() => linkStatus(b)).toBe('ALERTED');

  await terminal(callSign, 'EN_ROUTE');
  await expect(unitRowOnB).toContainText('På vei');
  await expect.poll(() => linkStatus(a)).toBe('EN_ROUTE');
  await terminal(callSign, 'ON_SCENE');
  await expect(unitRowOnB).toContainText('På stedet');
  await expect(a.getByText(new RegExp(`${callSign} \\(På stedet\\)`))).toBeVisible();
  await expect.poll(() => linkStatus(b)).toBe('ON_SCENE');
});
