// A Norwegian console on a PC set to American English and New York time still writes as a
// Norwegian control room reads: Oslo time on a 24-hour clock, decimal commas, its own file button.
import { expect, type Browser, type Page } from '@playwright/test';
import { newContext, test } from './support.js';

async function loginInEnglishBrowser(browser: Browser, username: string): Promise<Page> {
  const context = await newContext(browser, { locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill('demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  return page;
}

const osloHour = (at: Date) => new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(at);

test('in an en-US browser in New York the console writes Oslo time, decimal commas and Norwegian buttons', async ({ browser }) => {
  const before = osloHour(new Date());
  const page = await loginInEnglishBrowser(browser, 'amk.bergen');
  await expect(page.getByTestId('connection')).toContainText('Tilkoblet', { timeout: 45_000 });

  // The preparedness panel's time: Oslo's hour on a 24-hour clock, not "9:40:09 PM" in New York.
  const computed = page.getByText(/^Beregnet /);
  await expect(computed).toHaveText(/^Beregnet \d{2}:\d{2}:\d{2}$/);
  const hour = (await computed.textContent())!.slice('Beregnet '.length, 'Beregnet '.length + 2);
  expect([before, osloHour(new Date())]).toContain(hour);

  // A call in the city centre: the units left out of the ranking give their distance with a comma.
  await page.keyboard.press('F2');
  await page.getByLabel('Innringers navn').fill(`Locale ${Date.now()}`);
  await page.getByLabel('Adresse').fill('Torgallmenningen 1, Bergen');
  await page.getByLabel('Breddegrad').fill('60.3929');
  await page.getByLabel('Lengdegrad').fill('5.3241');
  await page.getByLabel(/A – Akutt/).check();
  await page.keyboard.press('Enter');
  const excluded = page.getByRole('list', { name: 'Ikke foreslått' });
  await expect(excluded).toContainText(/ · \d+,\d km/);
  await expect(excluded).not.toContainText(/ · \d+\.\d km/);

  // The admin's file field is ours, in Norwegian, not the browser's "Choose File".
  const admin = await loginInEnglishBrowser(browser, 'admin');
  await admin.waitForURL((url) => url.pathname !== '/login');
  await admin.goto('/admin');
  await admin.getByRole('tab', { name: 'Indeks' }).click();
  const importForm = admin.getByRole('form', { name: 'Importer indeks' });
  await expect(importForm.getByText('Velg fil …')).toBeVisible();
  await expect(importForm.getByText('Ingen fil valgt')).toBeVisible();
});

test('the server’s refusal is written in the console’s language, not the browser’s', async ({ browser }) => {
  // The browser asks for American English; the console asks the server for its own language.
  const context = await newContext(browser, { locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Brukernavn').fill('amk.bergen');
  await page.getByLabel('Passord').fill('not-the-password');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toHaveText('Feil brukernavn eller passord');

  // In English the same refusal reads as the API has always written it.
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password');
});
