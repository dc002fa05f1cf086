// Issue 12, § 10 d: AMK Førde has a patient in Bergen sentrum and asks AMK Bergen for its nearest
// ambulance from the call record; AMK Bergen's console sounds the request and its operator lends
// the unit; the unit is alerted on Førde's mission, Bergen's terminal statuses reach Førde's
// screen, and when Førde closes the mission the unit is home at Bergen again. Two browsers of
// two centres.
import { expect } from '@playwright/test';
import { live, loginAs, terminal, test } from './support.js';

test('AMK Førde borrows an AMK Bergen ambulance: asked, lent, followed by both, and home when the mission closes', async ({ browser }) => {
  test.slow(); // two consoles with live maps in one browser, on a shared machine
  const forde = await loginAs(browser, 'amk.forde');
  const bergen = await loginAs(browser, 'amk.bergen');
  await Promise.all([live(forde), live(bergen)]);

  await forde.keyboard.press('F2');
  await forde.getByLabel('Innringers navn').fill(`Turist ${Date.now()}`);
  await forde.getByLabel('Breddegrad').fill('60.3911');
  await forde.getByLabel('Lengdegrad').fill('5.3222');
  await forde.keyboard.press('Enter');

  // Bergen's units are the nearest: Førde may not send them, only ask.
  const ask = forde.getByRole('button', { name: /^Be om bistand: BGN-/ }).first();
  const callSign = (await ask.textContent())!.replace('Be om bistand: ', '').trim();
  await ask.click();
  const asked = forde.getByRole('list', { name: 'Bistand forespurt' });
  await expect(asked).toContainText(`${callSign} fra AMK Bergen: venter på svar`);

  // At Bergen the request waits in the mutual aid panel, and the operator lends the unit.
  const request = bergen.getByRole('list', { name: 'Forespørsler til oss' }).getByRole('listitem').filter({ hasText: callSign });
  await expect(request).toContainText(`AMK Førde ber om ${callSign}`);
  await request.getByRole('button', { name: `Lån ut ${callSign}` }).click();
  await expect(bergen.getByTestId('loan').filter({ hasText: callSign })).toContainText(`${callSign} til AMK Førde: utlånt`);

  // Førde's mission has it, alerted; Bergen's terminal moves it on both screens.
  await expect(asked).toContainText(`${callSign} fra AMK Bergen: utlånt`);
  await expect(forde.getByText(new RegExp(`${callSign} \\(Varslet\\)`))).toBeVisible();
  await terminal(callSign, 'EN_ROUTE');
  await expect(forde.getByText(new RegExp(`${callSign} \\(På vei\\)`))).toBeVisible();
  const onBergenBoard = bergen.getByRole('region', { name: 'Enheter' }).getByRole('row').filter({ hasText: callSign });
  await expect(onBergenBoard).toContainText('utlånt til AMK Førde');
  await expect(onBergenBoard).toContainText('På vei');

  // Førde closes the mission: the unit is released and goes home.
  const close = forde.getByRole('form', { name: 'Avslutt oppdrag med utfall' });
  await close.getByLabel('Utfall').selectOption({ label: 'Pasient transportert til sykehus' });
  await close.getByRole('button', { name: 'Avslutt oppdraget' }).click();
  await expect(bergen.getByTestId('loan').filter({ hasText: callSign })).toContainText('tilbake hos eier');
  await expect(onBergenBoard).not.toContainText('utlånt');
  await expect(onBergenBoard).toContainText('Ledig');
});
