// A Norwegian console on a PC set to American English and New York time still writes as a
// Norwegian control room reads: Oslo time on a 24-hour clock, decimal commas, its own file button,
// and dates typed as dd.mm.åååå (dd/mm/yyyy when the interface is English), never mm/dd/yyyy.
import { expect, type Browser, type Page } from '@playwright/test';
import { dateField, newContext, shownIn, test, typeDate } from './support.js';

async function loginInEnglishBrowser(browser: Browser, username: string, ui: 'nb' | 'en' = 'nb'): Promise<Page> {
  const context = await newContext(browser, { locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  if (ui === 'en') await page.getByRole('button', { name: 'EN' }).click();
  await page.getByLabel(ui === 'en' ? 'Username' : 'Brukernavn').fill(username);
  await page.getByLabel(ui === 'en' ? 'Password' : 'Passord').fill('demo');
  await page.getByRole('button', { name: ui === 'en' ? 'Log in' : 'Logg inn' }).click();
  return page;
}

/** A day counted from today in Oslo, as [day, month, year] with leading zeros. */
function osloDay(daysFromToday: number): [string, string, string] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date()); // YYYY-MM-DD
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + daysFromToday)).toISOString().slice(0, 10);
  const [yy, mm, dd] = day.split('-') as [string, string, string];
  return [dd, mm, yy];
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

  // Switched to English, the lines the system wrote in the journal are English too.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  const journal = page.locator('ol.journal');
  await expect(journal).toContainText('Call registered by hand');
  await expect(journal).not.toContainText('Henvendelse registrert manuelt');

  // The admin's file field is ours, in Norwegian, not the browser's "Choose File".
  const admin = await loginInEnglishBrowser(browser, 'admin');
  await admin.waitForURL((url) => url.pathname !== '/login');
  await admin.goto('/admin');
  await admin.getByRole('tab', { name: 'Indeks' }).click();
  const importForm = admin.getByRole('form', { name: 'Importer indeks' });
  await expect(importForm.getByText('Velg fil …')).toBeVisible();
  await expect(importForm.getByText('Ingen fil valgt')).toBeVisible();
});

test('in an en-US browser the date and time fields write as the interface does: dd.mm.åååå and 24 h in Norwegian, dd/mm/yyyy in English', async ({
  browser,
}) => {
  // The roster form: tonight's watch in Norwegian dates and a 24-hour clock, not "4:00 PM".
  const lv = await loginInEnglishBrowser(browser, 'lv.bergen');
  await expect(lv.getByTestId('connection')).toContainText('Tilkoblet', { timeout: 45_000 });
  const roster = lv.getByRole('region', { name: 'Vaktliste lege i vakt' });
  await roster.getByRole('button', { name: 'Legg til vakt' }).click();
  const form = roster.getByRole('form', { name: 'Ny vakt på vaktlisten' });
  const [dd, mm, yyyy] = osloDay(0);
  await expect.poll(() => shownIn(dateField(form, 'Fra dato'))).toBe(`${dd}.${mm}.${yyyy}`);
  await expect.poll(() => shownIn(dateField(form, 'Fra klokkeslett'))).toBe('16:00');
  await expect.poll(() => shownIn(dateField(form, 'Vikariatet fra'))).toBe('dd.mm.åååå');

  // A watch typed the Norwegian way is the one saved: day before month, 22:30 to 07:15 Oslo time.
  const [fd, fm, fy] = osloDay(3);
  const [td, tm, ty] = osloDay(4);
  await form.getByLabel('Distrikt').fill(`Locale ${Date.now()}`);
  await form.getByLabel('Lege', { exact: true }).fill(`Lege Locale ${Date.now()}`);
  await typeDate(dateField(form, 'Fra dato'), `${fd}.${fm}.${fy}`);
  await typeDate(dateField(form, 'Fra klokkeslett'), '22:30');
  await typeDate(dateField(form, 'Til dato'), `${td}.${tm}.${ty}`);
  await typeDate(dateField(form, 'Til klokkeslett'), '07:15');
  await expect.poll(() => shownIn(dateField(form, 'Fra dato'))).toBe(`${fd}.${fm}.${fy}`);
  await form.getByRole('button', { name: 'Lagre vakten' }).click();
  const saved = form.getByRole('status');
  await expect(saved).toContainText(new RegExp(` ${Number(fd)}\\.${Number(fm)}\\.? 22:30–\\S+ ${Number(td)}\\.${Number(tm)}\\.? 07:15`));

  // The indicators' period in Norwegian: a typed day is that day in Oslo (midnight there), not in New York.
  const supervisor = await loginInEnglishBrowser(browser, 'supervisor.bergen');
  await supervisor.waitForURL((url) => url.pathname !== '/login');
  await supervisor.goto('/indicators');
  const from = dateField(supervisor, 'Fra');
  const [d30, m30, y30] = osloDay(-30);
  await expect.poll(() => shownIn(from)).toBe(`${d30}.${m30}.${y30}`);
  await expect.poll(() => shownIn(dateField(supervisor, 'Til'))).toBe(`${dd}.${mm}.${yyyy}`);
  const [pd, pm, py] = osloDay(-12);
  const asked = supervisor.waitForRequest((r) => {
    const at = new URL(r.url()).searchParams.get('from');
    return r.url().includes('/api/v1/indicators') && at !== null && osloDate(at) === `${py}-${pm}-${pd}` && osloHourMinute(at) === '00:00';
  });
  await typeDate(from, `${pd}.${pm}.${py}`);
  await asked;
  await expect.poll(() => shownIn(from)).toBe(`${pd}.${pm}.${py}`);
  await expect(supervisor.getByRole('region', { name: 'Svartid', exact: true })).toBeVisible();

  // The same page in English: dd/mm/yyyy, still not the browser's mm/dd/yyyy.
  const english = await loginInEnglishBrowser(browser, 'supervisor.bergen', 'en');
  await english.waitForURL((url) => url.pathname !== '/login');
  await english.goto('/indicators');
  await expect.poll(() => shownIn(dateField(english, 'From'))).toBe(`${d30}/${m30}/${y30}`);
  await typeDate(dateField(english, 'From'), `${pd}/${pm}/${py}`);
  await expect.poll(() => shownIn(dateField(english, 'From'))).toBe(`${pd}/${pm}/${py}`);
  // …and its tables in English: headings, and words in the cells, not the Norwegian column names.
  const answerTimes = english.getByRole('region', { name: 'Answer times', exact: true });
  await expect(answerTimes.getByRole('columnheader', { name: 'Within target' })).toBeVisible();
  await expect(answerTimes).not.toContainText('Innen krav');
  await expect(english.locator('main')).not.toContainText(/samtaler|grisgrendt|tettsted/i);
});

const osloDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(iso));
const osloHourMinute = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

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
