// The legevaktsentral: the operator puts doctors on the roster and sees the § 7 verdict (a doctor
// who may not be alone is flagged until a qualified backup covers the watch), then sends the
// doctor on call on a home visit (sykebesøk) from a 116117 call and follows it to on scene.
import { expect } from '@playwright/test';
import { baseURL, dateField, live, loginAs, shownIn, terminal, test, typeDate } from './support.js';

test('roster: a doctor who may not be alone is flagged until a qualified backup is added', async ({ browser }) => {
  const lv = await loginAs(browser, 'lv.bergen');
  await live(lv);
  const n = Date.now();
  const district = `Testdistrikt ${n}`;
  const doctor = `Lege Ny ${n}`;
  const backup = `Bakvakt Erfaren ${n}`;

  const roster = lv.getByRole('region', { name: 'Vaktliste lege i vakt' });
  await roster.getByRole('button', { name: 'Legg til vakt' }).click();
  const form = roster.getByRole('form', { name: 'Ny vakt på vaktlisten' });
  // Tonight's watch is offered: 16:00 to 08:00 the next day.
  await expect.poll(() => shownIn(dateField(form, 'Fra klokkeslett'))).toBe('16:00');
  await expect.poll(() => shownIn(dateField(form, 'Til klokkeslett'))).toBe('08:00');
  // Dates as Norwegians write them (dd.mm.åååå), whatever the browser's language.
  const fromDate = await shownIn(dateField(form, 'Fra dato'));
  const toDate = await shownIn(dateField(form, 'Til dato'));
  expect(fromDate).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  expect(toDate).not.toBe(fromDate);

  await form.getByLabel('Distrikt').fill(district);
  await form.getByLabel('Lege', { exact: true }).fill(doctor);
  await form.getByLabel('Godkjent allmennlege').check();
  await form.getByLabel('Legevakter gjennomført').fill('10');
  await expect(form.getByLabel('Vurdering etter § 7')).toContainText('kan ikke ha legevakt alene');

  // A watch that ends before it starts is refused in the browser; nothing typed is lost.
  await typeDate(dateField(form, 'Til dato'), fromDate);
  await form.getByRole('button', { name: 'Lagre vakten' }).click();
  await expect(form.getByText('Vakten må slutte etter at den begynner')).toBeVisible();
  await expect(form.getByLabel('Lege', { exact: true })).toHaveValue(doctor);
  await expect(form.getByLabel('Legevakter gjennomført')).toHaveValue('10');
  await typeDate(dateField(form, 'Til dato'), toDate);
  await form.getByRole('button', { name: 'Lagre vakten' }).click();
  await expect(form.getByRole('status')).toContainText(`Vakt lagret: ${doctor}`);

  const shifts = roster.getByRole('list', { name: 'Vakter' });
  const item = (name: string) => shifts.getByRole('listitem').filter({ hasText: name });
  await expect(item(doctor)).toContainText(district);
  await expect(item(doctor).getByRole('alert')).toContainText(
    `${doctor} kan ikke ha legevakt alene, og vakten mangler kvalifisert bakvakt`,
  );
  // The watch ends tomorrow: the end shows its day and date, not only the time.
  await expect(item(doctor).locator('.period')).toHaveText(/^(16:00|.+ 16:00)–\S+ \d{1,2}\.\d{1,2}\.? 08:00$/);

  // The district and the watch stay for the next entry: the backup doctor for the same watch.
  await expect(form.getByLabel('Distrikt')).toHaveValue(district);
  await expect(form.getByLabel('Lege', { exact: true })).toHaveValue('');
  await form.getByLabel('Lege', { exact: true }).fill(backup);
  await form.getByLabel('Bakvakt', { exact: true }).check();
  await form.getByLabel('Spesialist i allmennmedisin').check();
  await form.getByLabel('Kurs i volds- og overgrepshåndtering').check();
  await expect(form.getByLabel('Vurdering etter § 7')).toContainText('oppfyller kravene til bakvakt');
  await form.getByRole('button', { name: 'Lagre vakten' }).click();
  await expect(form.getByRole('status')).toContainText(`Vakt lagret: ${backup}`);

  await expect(item(backup)).toContainText('Kvalifisert bakvakt');
  await expect(item(doctor).getByRole('alert')).toHaveCount(0);
  await expect(item(doctor)).toContainText('har kvalifisert bakvakt hele vakten');
});

test('home visit: the legevakt car is sent from a 116117 call and followed to on scene', async ({ browser }) => {
  const lv = await loginAs(browser, 'lv.bergen');
  await live(lv);

  await lv.keyboard.press('F2');
  await expect(lv.getByRole('dialog', { name: 'Ny henvendelse' })).toBeVisible();
  await lv.getByLabel('Innringers navn').fill(`Feber ${Date.now()}`);
  await lv.getByLabel('Breddegrad').fill('60.3911');
  await lv.getByLabel('Lengdegrad').fill('5.3222');
  await lv.keyboard.press('Enter');
  await expect(lv.getByRole('dialog')).toBeHidden();

  // The doctor on call now is named beside the dispatch (the roster is not linked to the cars).
  await expect(lv.getByRole('region', { name: 'Lege i vakt nå' })).toContainText('Lege Anne Fjell');

  await lv.getByRole('button', { name: 'Send LV-BGN1 på sykebesøk' }).click();
  const visit = lv.getByLabel('Sykebesøk', { exact: true });
  await expect(visit).toContainText('Sykebesøk: LV-BGN1 (Varslet)');

  await terminal('LV-BGN1', 'EN_ROUTE', 'LVS-BERGEN');
  await expect(visit).toContainText('LV-BGN1 (På vei)');
  await terminal('LV-BGN1', 'ON_SCENE', 'LVS-BERGEN');
  await expect(visit).toContainText('Sykebesøk: LV-BGN1 (På stedet)');
  const timeline = visit.getByRole('list', { name: 'Tidslinje' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'LV-BGN1' }).filter({ hasText: 'På stedet' })).toContainText('terminal');

  // The doctor is done: the car reports free, and the operator closes the home visit.
  await terminal('LV-BGN1', 'AVAILABLE_ON_THE_MOVE', 'LVS-BERGEN');
  await expect(visit).toContainText('LV-BGN1 (Ledig i bevegelse)');
  const close = visit.getByRole('form', { name: 'Avslutt oppdrag med utfall' });
  await close.getByLabel('Utfall').selectOption({ label: 'Behandlet på stedet' });
  await close.getByRole('button', { name: 'Avslutt oppdraget' }).click();
  await expect(lv.getByRole('status').filter({ hasText: 'Sykebesøket avsluttet: Behandlet på stedet' })).toBeVisible();
});

test('§ 15 m: the AMK console and the wall show the AMK doctor on duty and the week’s gaps; a shift added closes one', async ({
  browser,
}) => {
  const amk = await loginAs(browser, 'amk.bergen');
  await live(amk);
  const panel = amk.getByRole('region', { name: 'AMK-lege (§ 15 m)' });
  await expect(panel.getByTestId('amk-doctor-now')).toContainText(/På vakt nå: Lege /);
  const gaps = panel.getByTestId('amk-doctor-gaps');
  await expect(gaps).toContainText(/Uten AMK-lege i \d+ periode/);
  const before = await gaps.locator('li').count();
  const wall = await loginAs(browser, 'supervisor.bergen', { width: 1920, height: 1080 });
  await live(wall);
  await wall.goto('/wall');
  await expect(wall.getByRole('region', { name: 'AMK Bergen' }).getByTestId('wall-doctor-gaps')).toContainText('Uten AMK-lege');

  // Put a doctor on the first gap (the seed leaves one shift open two days ahead).
  const [from, to] = await amk.evaluate(async () => {
    const r = (await (await fetch('/api/v1/amk/doctor-roster')).json()) as { gaps: { from: string; to: string }[] };
    return [r.gaps[0]!.from, r.gaps[0]!.to];
  });
  const res = await amk.request.post(`${baseURL}/api/v1/amk/doctor-roster`, {
    data: { doctorName: 'Lege Vikar Test', fromAt: from, toAt: to },
  });
  expect(res.status()).toBe(201);
  await amk.reload();
  await live(amk);
  await expect(panel.getByTestId('amk-doctor-gaps').locator('li')).toHaveCount(before - 1);
});
