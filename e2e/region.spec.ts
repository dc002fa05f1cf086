// Issue 12 (§ 14 e): the supervisor of the region's coordinating AMK sees every AMK of Helse Vest
// side by side, read-only; a supervisor of an AMK that does not coordinate is told why not.
import { expect } from '@playwright/test';
import { live, loginAs, test } from './support.js';

test('the coordinating AMK’s supervisor sees AMK Bergen and AMK Førde; an operator’s page says why not', async ({ browser }) => {
  const supervisor = await loginAs(browser, 'supervisor.bergen');
  await live(supervisor);
  await supervisor.getByRole('link', { name: 'Regionen' }).click();
  await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText('Helse Vest: alle AMK-sentraler');
  for (const name of ['AMK Bergen', 'AMK Førde']) {
    const centre = supervisor.getByRole('region', { name });
    await expect(centre.getByTestId('region-free')).toContainText(/\d+ av \d+ enheter ledige/);
    await expect(centre.getByTestId('region-missions')).toContainText(/\d+ åpne oppdrag/);
  }
  await expect(supervisor.getByRole('region', { name: 'AMK Førde' })).toContainText('FRD-A11');

  const operator = await loginAs(browser, 'amk.forde');
  await live(operator);
  await operator.goto('/region');
  await expect(operator.getByRole('alert')).toContainText(/supervisor|tilgang|rolle|koordinerer/i);
});
