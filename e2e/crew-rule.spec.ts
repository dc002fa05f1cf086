// Issue 11: the operator opens a red call; the demo seed's BGN-A14 (a crew of one) is not among
// the recommended units but listed under them as failing § 11; sending it anyway asks for a
// reason, and the reason shows on the mission, beside the unit on the board, and on the wall.
import { expect } from '@playwright/test';
import { live, loginAs, test } from './support.js';

test('a crew of one is listed as failing § 11; sending it anyway asks for a reason, shown on the mission and the wall', async ({
  browser,
}) => {
  test.setTimeout(120_000); // two browsers, each drawing the map
  const a = await loginAs(browser, 'amk.bergen');
  await live(a);

  await a.keyboard.press('F2');
  await a.getByLabel('Innringers navn').fill(`Hjertestans ${Date.now()}`);
  await a.getByLabel('Breddegrad').fill('60.3911');
  await a.getByLabel('Lengdegrad').fill('5.3222');
  await a.getByLabel(/A – Akutt/).check();
  await a.keyboard.press('Enter');
  const record = a.getByLabel('Henvendelse', { exact: true });

  // Ranked: free units with a crew that passes; BGN-A14 is not among them.
  const ranking = record.locator('ol.recommendations');
  // (the first ranking after the server starts may take a while on a busy machine)
  await expect(ranking.getByRole('button', { name: /^Send / }).first()).toBeVisible({ timeout: 30_000 });
  await expect(ranking.getByRole('button', { name: 'Send BGN-A14' })).toHaveCount(0);

  // Under the ranking, in words: BGN-A14 fails § 11, with what is missing.
  const left = record.getByRole('list', { name: 'Ikke foreslått' });
  const a14 = left.getByRole('listitem').filter({ hasText: 'BGN-A14' });
  await expect(a14).toContainText('oppfyller ikke § 11');
  await expect(a14).toContainText('minst to personer (har 1)');

  // Sending it anyway asks for a reason first; nothing is sent without one.
  await a14.getByRole('button', { name: 'Overstyr § 11 og send BGN-A14' }).click();
  const form = a14.getByRole('form', { name: 'Overstyr § 11 for BGN-A14' });
  const submit = form.getByRole('button', { name: 'Overstyr og send' });
  await expect(submit).toBeDisabled();
  const reason = `Hjertestans, ingen annen bil nær ${Date.now()}`;
  await form.getByLabel('Begrunnelse for overstyring').fill(reason);
  await submit.click();

  // The mission has the unit, alerted, with the override and its reason beside it.
  const mission = record.getByLabel('Oppdrag', { exact: true });
  await expect(mission).toContainText('BGN-A14 (Varslet)');
  await expect(mission.getByRole('note')).toHaveText(`⚠ BGN-A14 sendt selv om bemanningen ikke oppfyller § 11: ${reason}`);

  // The unit board, once the record is closed: not staffed by § 11, and the override's reason.
  await record.getByRole('button', { name: 'Lukk' }).click();
  const row = a.getByRole('region', { name: 'Enheter' }).getByRole('row').filter({ hasText: 'BGN-A14' });
  await expect(row).toContainText('Ikke bemannet etter § 11');
  await expect(row).toContainText(`Overstyrt § 11: ${reason}`);

  // The wall shows it too.
  const wall = await loginAs(browser, 'supervisor.bergen');
  await live(wall);
  await wall.goto('/wall');
  await expect(wall.getByLabel('Bemanning § 11')).toContainText(`BGN-A14: Overstyrt § 11: ${reason}`);
});
