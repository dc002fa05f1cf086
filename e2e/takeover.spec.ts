// Issue 12, § 15 p: AMK Bergen must be evacuated. AMK Førde's supervisor takes it over from the
// console; a 113 call for AMK Bergen then rings in AMK Førde's queue, marked with the centre it
// was for; a Førde operator takes it, places it and sends Bergen's own ambulance. Førde hands back,
// and the panel says what was done meanwhile. Two browsers of two people at AMK Førde; the
// telephony is AMK Bergen's, through its integration key.
import { expect } from '@playwright/test';
import { baseURL, clickMapAt, integrationKey, live, loginAs, test } from './support.js';

async function ringAtBergen(externalId: string, callerNumber: string) {
  const res = await fetch(`${baseURL}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integrationKey('AMK-BERGEN')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, centre: 'AMK-BERGEN', line: '113', callerNumber, ringingAt: new Date().toISOString() }),
  });
  expect(res.status).toBe(201);
}

/** Whatever happens in the test, AMK Bergen gets its lines back before the next spec. */
async function handBackIfOpen() {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL },
    body: JSON.stringify({ username: 'supervisor.bergen', password: 'demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  await fetch(`${baseURL}/api/v1/centres/AMK-BERGEN/takeover`, { method: 'DELETE', headers: { cookie, origin: baseURL } });
}

test.afterEach(handBackIfOpen);

test('AMK Førde takes over AMK Bergen: a Bergen 113 call rings at Førde, Førde sends a Bergen ambulance, then hands back', async ({
  browser,
}) => {
  test.slow(); // two consoles with live maps in one browser, on a shared machine
  const supervisor = await loginAs(browser, 'supervisor.forde');
  const operator = await loginAs(browser, 'amk.forde');
  await Promise.all([live(supervisor), live(operator)]);

  const panel = supervisor.getByRole('region', { name: 'Reservesentral (§ 15 p)' });
  await panel.locator('summary', { hasText: 'Overta en sentral' }).click();
  const form = panel.getByRole('form', { name: 'Overta en sentral' });
  await form.getByLabel('Sentral').selectOption({ label: 'AMK Bergen' });
  await form.getByLabel('Grunn').fill('Brannalarm, AMK Bergen evakueres');
  await form.getByRole('button', { name: 'Overta en sentral' }).click();
  await expect(panel.getByTestId('takeover-open')).toContainText('AMK Førde arbeider for AMK Bergen');
  // The operator's console hears it and reloads what it may see.
  await expect(operator.getByTestId('takeover-open')).toContainText('AMK Førde arbeider for AMK Bergen');
  await live(operator);

  const number = `+47${String(Date.now()).slice(-8)}`;
  await ringAtBergen(`takeover-${Date.now()}`, number);
  const row = operator.getByRole('list', { name: 'Åpne henvendelser' }).getByRole('listitem').filter({ hasText: number });
  await expect(row).toContainText('for AMK Bergen');
  await row.getByRole('button', { name: /^Ta samtalen/ }).click();
  const record = operator.getByLabel('Henvendelse', { exact: true });
  await expect(record).toContainText(number);

  // Placed in Bergen sentrum, it is Bergen's own ambulances that are recommended.
  await record.getByRole('button', { name: 'Sett posisjon i kartet' }).click();
  await clickMapAt(operator, 5.3222, 60.3911);
  await expect(record.getByText('Posisjonen er satt')).toBeVisible();
  const first = record
    .getByRole('listitem')
    .filter({ has: operator.getByRole('button', { name: /^Send BGN-/ }) })
    .first();
  const callSign = (await first.locator('span').first().textContent())!.trim();
  expect(callSign).toMatch(/^BGN-/);
  await first.getByRole('button', { name: `Send ${callSign}` }).click();
  await expect(operator.getByText(new RegExp(`${callSign} \\(Varslet\\)`))).toBeVisible();

  // Hand back: the summary says what Førde did for Bergen.
  supervisor.once('dialog', (d) => void d.accept());
  await panel.getByRole('button', { name: 'Avslutt overtakelsen og lever tilbake' }).click();
  // the newest first: an earlier takeover of the day is listed below it
  const ended = panel.getByTestId('takeover-ended').first();
  await expect(ended).toContainText('AMK Førde leverte tilbake til AMK Bergen');
  await expect(ended).toContainText('1 ble behandlet, 1 oppdrag opprettet');
  // The call goes back with the lines: it leaves Førde's queue.
  await expect(operator.getByRole('list', { name: 'Åpne henvendelser' }).getByText(number)).toHaveCount(0);
});

test('the administrator designates the backup centres on the admin page, and the choice is kept', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  await live(admin);
  await admin.goto('/admin#backups');
  const section = admin.getByRole('region', { name: 'Reservesentraler' });
  const forde = section.getByRole('checkbox', { name: /AMK Førde/ });
  await expect(forde).toBeChecked();
  // AMK may only be backed up by AMK: no legevaktsentral is offered
  await expect(section.getByRole('checkbox', { name: /Legevakt/ })).toHaveCount(0);
  try {
    await forde.uncheck();
    await section.getByRole('button', { name: 'Lagre reservesentraler' }).click();
    await expect(section.getByRole('status')).toHaveText('Lagret.');
    await admin.reload();
    await expect(admin.getByRole('region', { name: 'Reservesentraler' }).getByRole('checkbox', { name: /AMK Førde/ })).not.toBeChecked();
  } finally {
    // the other specs rely on AMK Førde being AMK Bergen's backup
    const res = await admin.request.put(`${baseURL}/api/v1/centres/AMK-BERGEN/backups`, {
      headers: { origin: baseURL },
      data: { backupCentres: ['AMK-FORDE'] },
    });
    expect(res.status()).toBe(200);
  }
});
