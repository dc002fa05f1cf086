// Issue 12: work between centres, each side in its own browser. A notification from AMK Bergen
// arrives in the legevaktsentral's inbox and is acknowledged there; AMK Bergen sees by whom. A call
// is handed from AMK Bergen to AMK Førde (§ 15 e): it waits in Førde's queue with its urgency and
// a running wait, Førde accepts and owns it, Bergen sees it accepted.
import { expect } from '@playwright/test';
import { live, loginAs, test } from './support.js';

async function registerCall(page: import('@playwright/test').Page, caller: string, address: string) {
  await page.keyboard.press('F2');
  await page.getByLabel('Innringers navn').fill(caller);
  await page.getByLabel('Adresse').fill(address);
  await page.getByLabel(/A – Akutt/).check();
  await page.keyboard.press('Enter');
  const record = page.getByLabel('Henvendelse', { exact: true });
  await expect(record).toContainText(caller);
  return record;
}

test("AMK notifies the legevaktsentral (§ 15 f); it waits in the legevaktsentral's queue until an LV operator acknowledges it; AMK sees who and when", async ({
  browser,
}) => {
  test.slow(); // two consoles with live maps in one browser, on a shared machine
  const amk = await loginAs(browser, 'amk.bergen');
  const lv = await loginAs(browser, 'lv.bergen');
  await Promise.all([live(amk), live(lv)]);

  const stamp = Date.now();
  const record = await registerCall(amk, `Varsel ${stamp}`, 'Kalfarveien 31, Bergen');
  const message = `Behov for lege i vakt ${stamp}`;
  await record.getByLabel('Melding til nødetatene').fill(message);
  await record.getByRole('combobox', { name: /Annen AMK eller legevaktsentral/ }).selectOption({ label: 'Legevaktsentralen i Bergen' });
  await record.getByRole('button', { name: 'Varsle Legevaktsentralen i Bergen' }).click();
  const sent = record.getByRole('list', { name: 'Varsling' }).getByRole('listitem').filter({ hasText: 'Legevaktsentralen i Bergen' });
  await expect(sent).toContainText('Levert – venter på kvittering');
  // Only the receiving centre acknowledges: the sender has no button for it.
  await expect(sent.getByRole('button')).toHaveCount(0);

  // In the legevaktsentral's queue like a call: the call's urgency, who sent it, and a running wait.
  const item = lv.getByRole('list', { name: 'Åpne henvendelser' }).getByRole('listitem').filter({ hasText: message });
  await expect(item).toContainText('Fra AMK Bergen');
  await expect(item.locator('.urgency-badge')).toHaveText('A');
  await expect(item.getByTestId('notification-wait')).toContainText(/Venter \d\d:\d\d/);
  await item.getByRole('button', { name: 'Kvitter' }).click();
  await expect(item).toHaveCount(0);

  await expect(sent).toContainText('Kvittert');
  await expect(sent).toContainText('Sofie Nilsen, Legevaktsentralen i Bergen');
});

test("AMK Bergen hands a call to AMK Førde (§ 15 e): it waits in Førde's queue with urgency and wait time; Førde accepts and owns it", async ({
  browser,
}) => {
  test.slow(); // two consoles with live maps in one browser, on a shared machine
  const bergen = await loginAs(browser, 'amk.bergen');
  const forde = await loginAs(browser, 'amk.forde');
  await Promise.all([live(bergen), live(forde)]);

  const caller = `Hytte Sunnfjord ${Date.now()}`;
  const record = await registerCall(bergen, caller, 'Langebruvegen 2, Førde');
  await record.getByRole('combobox', { name: /^Overfør til/ }).selectOption({ label: 'AMK Førde' });
  await record.getByLabel('Begrunnelse for overføring').fill('Innringer er i Sunnfjord');
  await record.getByLabel('Satt over i konferanse').check();
  await record.getByRole('button', { name: 'Overfør til AMK-FORDE' }).click();
  await expect(record).toContainText('Til AMK Førde: Venter');

  const queued = forde.getByRole('list', { name: 'Åpne henvendelser' }).getByRole('listitem').filter({ hasText: caller });
  await expect(queued).toContainText('Innkommende fra AMK Bergen (§ 15 e)');
  await expect(queued).toContainText('konferanse');
  await expect(queued.locator('.urgency-badge')).toHaveText('A');
  await expect(queued.getByTestId('handover-wait')).toContainText(/Venter \d\d:\d\d/);
  await queued.getByRole('button', { name: 'Godta' }).click();

  // Førde owns it now: a call row of its own, its record open.
  const owned = forde.locator(`.call-row:not(.handover)`).filter({ hasText: caller });
  await expect(owned).toBeVisible();
  await expect(forde.getByLabel('Henvendelse', { exact: true })).toContainText(caller);
  await expect(forde.locator('.call-row.handover').filter({ hasText: caller })).toHaveCount(0);

  const onBergen = bergen.getByRole('region', { name: 'Overføringer' }).getByRole('listitem').filter({ hasText: caller });
  await expect(onBergen).toContainText('Godtatt');
  await expect(onBergen).toContainText('Ola Myklebust');
  await expect(onBergen).toContainText(/svar etter \d\d:\d\d/);
  await expect(bergen.getByRole('list', { name: 'Åpne henvendelser' }).getByText(caller)).toHaveCount(0);
});
