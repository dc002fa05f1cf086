// Issue 13: an AMK operator declares a major incident from a call, records a hospital's answer to
// the alert, registers three patients by their triage cards, gives two of them a hospital and a
// unit; the supervisor's wall counts them per category and hospital, and the neighbouring AMK
// follows the same incident. The incident is closed at the end so no other spec sees it.
import { expect, type Locator } from '@playwright/test';
import { baseURL, clickMapAt, live, loginAs, mapFeatureIds, test } from './support.js';

async function chooseOption(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

test('declare from a call, register three patients, send two to hospitals with units; the wall counts them', async ({ browser }) => {
  test.setTimeout(240_000); // one long user flow through five screens; slow on a loaded two-core machine
  const amk = await loginAs(browser, 'amk.bergen');
  await live(amk);
  const stamp = Date.now().toString(36).toUpperCase();

  await amk.keyboard.press('F2');
  await amk.getByLabel('Innringers navn').fill(`Bussulykke ${stamp}`);
  await amk.getByLabel('Breddegrad').fill('60.5850');
  await amk.getByLabel('Lengdegrad').fill('5.8200');
  await amk.keyboard.press('Enter');

  const section = amk.getByRole('region', { name: 'Masseskadehendelse', exact: true });
  // A declaration without a description is stopped in the form, in words.
  await section.getByRole('button', { name: 'Erklær masseskadehendelse' }).click();
  await expect(section.getByText('Beskriv hendelsen kort')).toBeVisible();
  await section.getByLabel('Kort beskrivelse').fill(`Buss i fjellveggen ${stamp}`);
  await section.getByRole('button', { name: 'Erklær masseskadehendelse' }).click();
  await expect(section.getByText(`Rød beredskap · Buss i fjellveggen ${stamp}`)).toBeVisible();

  // The HF's hospitals were alerted; Haukeland phones back with red preparedness.
  const haukeland = section.getByTestId('mi-alert-HAUKELAND');
  await expect(haukeland).toContainText('venter på svar');
  await haukeland.getByRole('button', { name: 'Rød beredskap' }).click();
  await expect(haukeland).toContainText(/Rød beredskap · \d\d:\d\d/);

  // The nearest ambulance is sent from the call as usual; it is expected at the holding area, and
  // checks in by phone.
  const first = amk
    .getByRole('listitem')
    .filter({ has: amk.getByRole('button', { name: /^Send / }) })
    .first();
  const sentUnit = (await first.locator('span').first().textContent())!.trim();
  await first.getByRole('button', { name: `Send ${sentUnit}` }).click();
  const arriving = section.getByTestId(`mi-unit-${sentUnit}`);
  await expect(arriving).toContainText(/ventet innen \d\d:\d\d/);
  await arriving.getByRole('button', { name: 'Meld inn' }).click();
  await expect(arriving).toContainText(/meldt inn \d\d:\d\d/);

  // The holding area is set with a click in the map, and drawn there; the operational lead is named.
  const holding = section.getByTestId('mi-scene-holdingArea');
  await holding.getByRole('button', { name: 'Sett i kartet' }).click();
  await clickMapAt(amk, 5.8225, 60.5862, 14);
  await expect(holding).toContainText(/60\.586\d\d, 5\.822\d\d/);
  await expect.poll(async () => (await mapFeatureIds(amk, 'scene')).filter((id) => id.endsWith(':holdingArea')).length).toBe(1);
  const leaders = section.getByRole('form', { name: 'Ledere på skadestedet' });
  await leaders.getByLabel('Operativ leder helse').fill('Kari Nordmann, Ambulanse 11-3');
  await leaders.getByRole('button', { name: 'Lagre ledere' }).click();
  await expect(leaders.getByLabel('Operativ leder helse')).toHaveValue('Kari Nordmann, Ambulanse 11-3');

  const register = section.getByRole('form', { name: 'Registrer pasient' });
  for (const [card, category] of [
    [`${stamp}-1`, 'Rød'],
    [`${stamp}-2`, 'Gul'],
    [`${stamp}-3`, 'Grønn'],
  ] as const) {
    await register.getByLabel('Kategori').selectOption({ label: category });
    await register.getByLabel('Triagekort nr.').fill(card);
    await register.getByRole('button', { name: 'Registrer pasient' }).click();
    await expect(section.getByTestId(`mi-patient-${card}`)).toBeVisible();
  }
  const total = section.getByTestId('mi-total');
  for (const [category, n] of [
    ['RED', '1'],
    ['YELLOW', '1'],
    ['GREEN', '1'],
    ['DEAD', '0'],
  ] as const)
    await expect(total.locator(`td[data-category="${category}"]`)).toHaveText(n);

  // Voss phones: it can take one more green patient than it declared. Entered here, shown at once.
  await section.getByText('Sykehusenes kapasitet (sendt/meldt)').click();
  const voss = section.getByTestId('mi-capacity-VOSS');
  const declaredGreen = Number((await voss.locator('td[data-category="GREEN"]').textContent())!.split('/')[1]);
  await voss.getByRole('button', { name: 'Endre' }).click();
  await voss.getByLabel('Grønn ved Voss sjukehus').fill(String(declaredGreen + 1));
  await voss.getByRole('button', { name: 'Lagre' }).click();
  await expect(voss.locator('td[data-category="GREEN"]')).toHaveText(`0/${declaredGreen + 1}`);

  // The red patient to Haukeland with BGN-A12, the yellow to Haraldsplass with BGN-A13.
  for (const [card, hospital, unit] of [
    [`${stamp}-1`, 'Haukeland', 'BGN-A12'],
    [`${stamp}-2`, 'Haraldsplass', 'BGN-A13'],
  ] as const) {
    const form = section.getByRole('form', { name: `Transport for triagekort ${card}` });
    await chooseOption(form.getByLabel('Sykehus'), hospital);
    await chooseOption(form.getByLabel('Enhet'), unit);
    await form.getByRole('button', { name: 'Tildel transport' }).click();
    await expect(section.getByTestId(`mi-patient-${card}`)).toContainText(`(${unit})`);
  }
  await expect(section.getByTestId('mi-hospital-HAUKELAND').locator('td[data-category="RED"]')).toHaveText('1');
  await expect(section.getByTestId('mi-hospital-HARALDSPLASS').locator('td[data-category="YELLOW"]')).toHaveText('1');

  // The red patient leaves the scene: its time is shown.
  const red = section.getByTestId(`mi-patient-${stamp}-1`);
  await red.getByRole('button', { name: 'Forlot skadestedet' }).click();
  await expect(red).toContainText(/forlot skadestedet \d\d:\d\d/);

  const wall = await loginAs(browser, 'supervisor.bergen', { width: 1920, height: 1080 });
  await live(wall);
  await wall.goto('/wall');
  const block = wall.getByTestId('wall-major-incident').filter({ hasText: `Buss i fjellveggen ${stamp}` });
  await expect(block).toBeVisible({ timeout: 20_000 });
  for (const [category, n] of [
    ['RED', '1'],
    ['YELLOW', '1'],
    ['GREEN', '1'],
  ] as const)
    await expect(block.getByTestId('mi-total').locator(`td[data-category="${category}"]`)).toHaveText(n);
  await expect(block.getByTestId('mi-hospital-HAUKELAND').locator('td[data-category="RED"]')).toHaveText('1');
  await expect(block.getByTestId('mi-hospital-HARALDSPLASS').locator('td[data-category="YELLOW"]')).toHaveText('1');
  await expect(block.getByTestId('wall-mi-units')).toHaveText('Enheter sendt: 1');

  // AMK Førde, the neighbour alerted on declaration, follows the same incident live, read-only.
  const forde = await loginAs(browser, 'amk.forde');
  await live(forde);
  const followed = forde.getByTestId('mi-panel-item').filter({ hasText: `Buss i fjellveggen ${stamp}` });
  await expect(followed).toContainText('Delt av nabo-AMK (kun lesing)');
  await expect(followed.getByTestId('mi-total').locator('td[data-category="RED"]')).toHaveText('1');

  // Leave nothing open for the other specs (hospitals' room, the wall, the ambulance sent).
  const { majorIncidents } = (await (await amk.request.get(`${baseURL}/api/v1/major-incidents`)).json()) as {
    majorIncidents: { id: string; description: string; callId: string }[];
  };
  const mine = majorIncidents.find((m) => m.description === `Buss i fjellveggen ${stamp}`)!;
  const { missions } = (await (await amk.request.get(`${baseURL}/api/v1/snapshot`)).json()) as {
    missions: { id: string; callId: string | null }[];
  };
  for (const m of missions.filter((x) => x.callId === mine.callId))
    expect((await amk.request.post(`${baseURL}/api/v1/missions/${m.id}/close`, { data: { outcome: 'Øvelse' } })).status()).toBe(200);

  // The printable record for the evaluation, opened from the panel.
  const [record] = await Promise.all([amk.context().waitForEvent('page'), section.getByRole('link', { name: 'Logg og utskrift' }).click()]);
  await expect(record.getByRole('heading', { level: 1 })).toHaveText(`Masseskadehendelse: Buss i fjellveggen ${stamp}`);
  const log = record.getByTestId('mi-log');
  await expect(log).toContainText('Masseskadehendelse erklært, rød beredskap');
  await expect(log).toContainText('Haukeland universitetssjukehus: rød beredskap (meldt på telefon');
  await expect(log).toContainText(`Pasient med triagekort ${stamp}-2`);
  await expect(log).toContainText('Kari Nordmann, Ambulanse 11-3');
  await expect(
    record
      .getByRole('row')
      .filter({ hasText: `${stamp}-1` })
      .first(),
  ).toContainText('Haukeland universitetssjukehus');
  await record.close();

  expect((await amk.request.post(`${baseURL}/api/v1/major-incidents/${mine.id}/close`, { data: {} })).status()).toBe(200);
  await expect(block).toHaveCount(0, { timeout: 20_000 });
  await expect(followed).toHaveCount(0); // closed: it leaves the neighbour's panel at once
});

test('four calls about one place within minutes suggest a major incident; declared from the latest, the suggestion goes', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const amk = await loginAs(browser, 'amk.bergen');
  await live(amk);
  const stamp = Date.now().toString(36).toUpperCase();
  // Four callers from the same stretch of road on Osterøy, none far from the others.
  const ids: string[] = [];
  for (const [i, [lat, lon]] of [
    [60.5001, 5.5002],
    [60.5006, 5.5004],
    [60.4998, 5.5011],
    [60.5003, 5.4995],
  ].entries()) {
    const id = crypto.randomUUID();
    ids.push(id);
    const res = await amk.request.post(`${baseURL}/api/v1/calls`, {
      data: { id, line: '113', callerName: `Innringer ${i + 1} ${stamp}`, lat, lon },
    });
    expect(res.status()).toBe(201);
  }
  const suggestion = amk.getByTestId('mi-suggestion');
  await expect(suggestion).toContainText('Mulig masseskadehendelse');
  await expect(suggestion).toContainText('4 henvendelser innen 300 m');
  await suggestion.getByRole('button', { name: 'Åpne siste henvendelse' }).click();
  const section = amk.getByRole('region', { name: 'Masseskadehendelse', exact: true });
  await section.getByLabel('Kort beskrivelse').fill(`Trafikkulykke Osterøy ${stamp}`);
  await section.getByRole('button', { name: 'Erklær masseskadehendelse' }).click();
  await expect(section.getByText(`Rød beredskap · Trafikkulykke Osterøy ${stamp}`)).toBeVisible();
  await expect(suggestion).toHaveCount(0);

  // Leave nothing open: the incident, then the four calls (else later specs would see the cluster).
  const { majorIncidents } = (await (await amk.request.get(`${baseURL}/api/v1/major-incidents`)).json()) as {
    majorIncidents: { id: string; callId: string }[];
  };
  const mine = majorIncidents.find((m) => m.callId === ids.at(-1))!;
  expect((await amk.request.post(`${baseURL}/api/v1/major-incidents/${mine.id}/close`, { data: {} })).status()).toBe(200);
  for (const id of ids) expect((await amk.request.post(`${baseURL}/api/v1/calls/${id}/close`, { data: {} })).status()).toBe(200);
});
