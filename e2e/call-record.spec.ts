// The call record's patient, linked calls and hand-set position: an operator registers a call with
// no position, types a wrong fødselsnummer and is told before saving, saves a valid one and gets the
// birth date and sex; gives age and sex on a second call; links the two (a colleague's console shows
// the link at once); and sets the first call's position with a click in the map. A colleague's save
// of the same record moves the fields the operator has not touched and leaves what they type alone.
import { expect, type Page } from '@playwright/test';
import { clickMapAt, live, loginAs, test } from './support.js';

type AmkWindow = {
  __amk: { store: { getState(): { selectedCallId: string | null } } };
};

const record = (page: Page) => page.locator('[aria-label="Henvendelse"]');

/** F2, caller number and name, Enter: a call with no address and no position. */
async function registerCall(page: Page, number: string, name: string): Promise<string> {
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog', { name: 'Ny henvendelse' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type(number);
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(record(page).getByRole('heading', { name })).toBeVisible();
  return page.evaluate(() => (window as unknown as AmkWindow).__amk.store.getState().selectedCallId!);
}

test('patient details, linked calls and a position set in the map', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  const b = await loginAs(browser, 'amk.bergen2');
  await Promise.all([live(a), live(b)]);

  const stamp = String(Date.now()).slice(-6);
  const first = { number: `47${stamp}`, name: `Først ${stamp}` };
  const second = { number: `48${stamp}`, name: `Andre ${stamp}` };

  // 1. A wrong fødselsnummer is caught as it is typed, before anything is saved.
  await registerCall(a, first.number, first.name);
  const rec = record(a);
  await expect(rec.getByRole('region', { name: 'Posisjon' })).toContainText('Henvendelsen har ingen posisjon ennå');
  const nationalId = rec.getByLabel('Fødselsnummer');
  await nationalId.fill('15019012156'); // the last check digit is wrong
  await expect(rec.getByText('Ugyldig fødselsnummer: kontrollsifrene stemmer ikke')).toBeVisible();
  await expect(nationalId).toHaveAttribute('aria-invalid', 'true');
  await rec.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(rec.getByRole('status').filter({ hasText: 'Lagret' })).toHaveCount(0); // nothing was sent
  await expect(rec.getByText(/Endret: fødselsnummer/)).toHaveCount(0);

  // Fixed: the server fills the birth date and sex from the number.
  await nationalId.fill('15019012155');
  await expect(rec.getByText(/Ugyldig fødselsnummer/)).toHaveCount(0);
  await rec.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(rec.getByRole('status').filter({ hasText: 'Lagret' })).toBeVisible();
  await expect(rec.getByLabel('Fødselsdato')).toHaveValue('1990-01-15');
  await expect(rec.getByLabel('Kjønn')).toHaveValue('MALE');
  await expect(rec.getByText(/Endret: fødselsnummer/)).toBeVisible();

  // The colleague opens the first call before it is linked.
  await b.getByRole('list', { name: 'Åpne henvendelser' }).getByText(first.name).click();
  const recB = record(b);
  await expect(recB.getByRole('heading', { name: first.name })).toBeVisible();
  await expect(recB.getByRole('region', { name: 'Koblede henvendelser' })).toContainText('Ikke koblet til andre henvendelser');

  // 2. No fødselsnummer on the second call: age and sex by hand.
  await registerCall(a, second.number, second.name);
  await rec.getByLabel('Alder (år)').fill('47');
  await rec.getByLabel('Kjønn').selectOption({ label: 'Kvinne' });
  await rec.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(rec.getByText(/Endret: alder, kjønn/)).toBeVisible();
  await expect(rec.getByLabel('Alder (år)')).toHaveValue('47');
  await expect(rec.getByLabel('Kjønn')).toHaveValue('FEMALE');

  // 3. Link the second call to the first, picked by its caller number.
  const linked = rec.getByRole('region', { name: 'Koblede henvendelser' });
  const pick = linked.getByLabel('Koble til en henvendelse om samme hendelse');
  const value = await pick.locator('option', { hasText: first.number }).getAttribute('value');
  await pick.selectOption(value!);
  await linked.getByRole('button', { name: 'Koble', exact: true }).click();
  await expect(linked.getByRole('list', { name: 'Koblede henvendelser' })).toContainText(first.number);
  // The colleague's open record of the first call shows the link without a reload.
  await expect(recB.getByRole('list', { name: 'Koblede henvendelser' })).toContainText(second.number);

  // The first call shows the link on A's console too.
  await linked.getByRole('listitem').filter({ hasText: first.number }).getByRole('button', { name: 'Åpne' }).click();
  await expect(rec.getByRole('heading', { name: first.name })).toBeVisible();
  await expect(rec.getByRole('list', { name: 'Koblede henvendelser' })).toContainText(second.number);

  // 4. Set the first call's position with a click in the map, at Bryggen in Bergen.
  const position = rec.getByRole('region', { name: 'Posisjon' });
  await position.getByRole('button', { name: 'Sett posisjon i kartet' }).click();
  await expect(position).toContainText('Klikk i kartet der pasienten er');
  await clickMapAt(a, 5.3245, 60.3975);
  await expect(position.getByTestId('position-method')).toHaveText('Satt manuelt i kartet');
  await expect(position.getByTestId('position-kommune')).toHaveText('Bergen (4601)');
  await expect(position).toContainText('60.397');
  // The colleague's console shows the call in Bergen now.
  await expect(recB.getByRole('region', { name: 'Posisjon' }).getByTestId('position-kommune')).toHaveText('Bergen (4601)');
});

test('a colleague saving the same record never overwrites what the operator is typing', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  const b = await loginAs(browser, 'amk.bergen2');
  await Promise.all([live(a), live(b)]);
  const stamp = String(Date.now()).slice(-6);
  const name = `Draft ${stamp}`;
  await registerCall(a, `49${stamp}`, name);
  await b.getByRole('list', { name: 'Åpne henvendelser' }).getByText(name).click();
  const recA = record(a);
  const recB = record(b);
  await expect(recB.getByRole('heading', { name })).toBeVisible();

  // A types a patient name and does not save; B saves another name and a language.
  await recA.getByLabel('Pasientens navn').fill(`Kari A ${stamp}`);
  await expect(recA.getByText('Ulagrede endringer')).toBeVisible();
  await recB.getByLabel('Pasientens navn').fill(`Kari B ${stamp}`);
  await recB.getByLabel('Språk').fill('polsk');
  await recB.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(recB.getByRole('status').filter({ hasText: 'Lagret' })).toBeVisible();

  // On A's console the untouched field follows; the typed one keeps A's text and says what changed.
  await expect(recA.getByLabel('Språk')).toHaveValue('polsk');
  await expect(recA.getByText(`Endret av andre: «Kari B ${stamp}»`)).toBeVisible();
  await expect(recA.getByLabel('Pasientens navn')).toHaveValue(`Kari A ${stamp}`);
  await expect(recA.getByText('Ulagrede endringer')).toBeVisible();

  // A takes the colleague's value: the field follows the record again, nothing is left unsaved.
  await recA.getByRole('button', { name: 'Bruk denne' }).click();
  await expect(recA.getByLabel('Pasientens navn')).toHaveValue(`Kari B ${stamp}`);
  await expect(recA.getByText(/Endret av andre/)).toHaveCount(0);
  await expect(recA.getByText('Ulagrede endringer')).toHaveCount(0);
});

test('a call with nothing sent is finished only with a reason, which the journal keeps', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  await live(a);
  const stamp = String(Date.now()).slice(-6);
  const name = `Råd ${stamp}`;
  const callId = await registerCall(a, `49${stamp}`, name);

  await record(a).getByRole('button', { name: 'Avslutt henvendelsen' }).click();
  const ask = a.getByRole('alertdialog', { name: 'Avslutt henvendelsen' });
  await expect(ask).toContainText('Ingen enhet er sendt');
  const finish = ask.getByRole('button', { name: 'Avslutt henvendelsen' });
  await expect(finish).toBeDisabled();
  // "Annet" needs words
  await ask.getByLabel('Grunn').selectOption({ label: 'Annet' });
  await expect(finish).toBeDisabled();
  await ask.getByLabel('Grunn').selectOption({ label: 'Råd gitt' });
  await ask.getByLabel('Merknad').fill('egenomsorg, ring igjen ved forverring');
  await finish.click();

  await expect(a.getByRole('list', { name: 'Åpne henvendelser' }).getByText(name)).toHaveCount(0);
  const closed = await a.request.get(`/api/v1/calls/${callId}`);
  expect(closed.status()).toBe(200);
  const journal = ((await closed.json()) as { journal: { text: string }[] }).journal.map((j) => j.text);
  expect(journal).toContain('Avsluttet uten oppdrag: Råd gitt: egenomsorg, ring igjen ved forverring');
  expect(journal).toContain('Henvendelsen avsluttet');
});
