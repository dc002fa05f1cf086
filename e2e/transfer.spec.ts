// Issue 3: an LVS operator hands a red call to AMK and the AMK operator accepts it.
import { expect } from '@playwright/test';
import { live, loginAs, test } from './support.js';

test('an LVS operator hands a red call to AMK; AMK accepts and owns it; LVS sees where it stands', async ({ browser }) => {
  const lv = await loginAs(browser, 'lv.bergen');
  const amk = await loginAs(browser, 'amk.bergen');
  await Promise.all([live(lv), live(amk)]);

  const caller = `Brystsmerter ${Date.now()}`;
  await lv.keyboard.press('F2');
  await lv.getByLabel('Innringers navn').fill(caller);
  await lv.getByLabel('Adresse').fill('Nygårdsgaten 5, Bergen');
  await lv.getByLabel(/A – Akutt/).check();
  await lv.keyboard.press('Enter');

  // The red call at the legevaktsentral prompts the hand-over.
  await expect(lv.getByRole('alert').filter({ hasText: 'Rød henvendelse: overfør til AMK?' })).toBeVisible();
  await lv.getByLabel('Begrunnelse for overføring').fill('Mulig hjerteinfarkt, rød respons');
  await lv.getByRole('button', { name: /Overfør til AMK-BERGEN/ }).click();

  const incoming = amk.getByRole('region', { name: 'Overføringer' }).getByRole('listitem').filter({ hasText: caller });
  await expect(incoming).toContainText('Innkommende fra Legevaktsentralen i Bergen');
  await incoming.getByRole('button', { name: 'Godta' }).click();

  await expect(amk.getByRole('list', { name: 'Åpne henvendelser' }).getByText(caller)).toBeVisible();
  await expect(amk.getByText('Brystsmerter', { exact: false }).first()).toBeVisible();
  const onLvs = lv.getByRole('region', { name: 'Overføringer' }).getByRole('listitem').filter({ hasText: caller });
  await expect(onLvs).toContainText('Godtatt');
  await expect(lv.getByRole('list', { name: 'Åpne henvendelser' }).getByText(caller)).toHaveCount(0);
});
