// The administration page (/admin): the administrator keeps akutthjelper agreements and members
// and sees recording retention; a supervisor reads the scheme without forms and may place holds.
import { expect } from '@playwright/test';
import { baseURL, dateField, integrationKey, live, loginAs, test, typeDate } from './support.js';

/** A short silent WAV file, as the recorder would deliver. */
function silentWav(): Buffer {
  const data = Buffer.alloc(800, 128);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

test('an administrator adds an agreement for an existing unit and sees it in the tree; bad input stays in the form', async ({
  browser,
}) => {
  const admin = await loginAs(browser, 'admin');
  await live(admin);
  await admin.getByRole('link', { name: 'Administrasjon' }).click();
  await expect(admin).toHaveURL(/\/admin/);
  const scheme = admin.getByRole('region', { name: 'Akutthjelpere' });
  const askoy = scheme.getByRole('region', { name: 'Askøy Røde Kors Hjelpekorps' });
  await expect(askoy).toBeVisible();
  await expect(askoy.getByText('ikke i kraft – utløpt')).toBeVisible(); // the seeded agreement that ended
  await expect(askoy.getByRole('listitem')).toHaveCount(1);

  const form = admin.getByRole('form', { name: 'Ny avtale' });
  await form.getByLabel('Akutthjelperenhet').selectOption({ label: 'Røde Kors Askøy: Askøy Røde Kors Hjelpekorps' });
  await form.getByLabel('Kommunenummer (kommaseparert)').fill('4627, 46x');
  await form.getByRole('button', { name: 'Lagre' }).click();
  // checked in the browser with the contract's schema: nothing sent, nothing typed lost
  await expect(form.getByText('Skriv kommunenummer med fire sifre')).toBeVisible();
  await expect(form.getByText('Velg minst én')).toBeVisible();
  await expect(form.getByLabel('Kommunenummer (kommaseparert)')).toHaveValue('4627, 46x');

  await form.getByLabel('Kommunenummer (kommaseparert)').fill('4627');
  await form.getByLabel('Hjertestans').check();
  await form.getByLabel('Stor ytre blødning').check();
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('status')).toContainText('Avtalen for 4627 er registrert');

  await expect(askoy.getByRole('listitem')).toHaveCount(2);
  const added = askoy.getByRole('listitem').filter({ hasText: 'i kraft' }).filter({ hasNotText: 'utløpt' });
  await expect(added).toContainText('4627');
  await expect(added).toContainText('Hjertestans · Stor ytre blødning');
  await expect(added).toContainText('inntil videre');
  await admin.getByRole('button', { name: 'Nytt medlem' }).click();
  await admin.getByRole('form', { name: 'Nytt medlem' }).getByLabel('Telefon').fill('12ab');
  await admin.getByRole('form', { name: 'Nytt medlem' }).getByRole('button', { name: 'Lagre' }).click();
  await admin.getByRole('button', { name: 'Ny avtale' }).click();

  // ending it: asked to confirm, then not in force after today
  await added.getByRole('button', { name: 'Avslutt avtale' }).click();
  await added.getByRole('button', { name: 'Ja, avslutt' }).click();
  await expect(scheme.getByRole('status').filter({ hasText: 'Avtalen er avsluttet' })).toBeVisible();

  // a member's duty toggled and back
  const ola = askoy.getByRole('row', { name: /Ola Askøy/ });
  await ola.getByRole('button', { name: 'Ta av vakt: Ola Askøy' }).click();
  await expect(ola).toContainText('Nei');
  await ola.getByRole('button', { name: 'Sett på vakt: Ola Askøy' }).click();
  await expect(ola).toContainText('Ja');

  // retention tab: figures and a dry run
  await admin.getByRole('tab', { name: 'Lydopptak og sletting' }).click();
  const retention = admin.getByRole('region', { name: 'Lydopptak og sletting (§ 20)' });
  await expect(retention.getByText('opptak lagret')).toBeVisible();
  await retention.getByRole('form', { name: 'Prøvekjøring' }).getByRole('button', { name: 'Vis' }).click();
  await expect(retention.getByRole('status').filter({ hasText: 'ville blitt slettet' })).toBeVisible();
});

test('a supervisor sees the scheme without create forms and places and releases a hold', async ({ browser }) => {
  const key = integrationKey();
  const externalId = `adm-e2e-${Date.now()}`;
  const ring = await fetch(`${baseURL}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId,
      centre: 'AMK-BERGEN',
      line: '113',
      callerNumber: '+4791234567',
      ringingAt: new Date().toISOString(),
    }),
  });
  expect(ring.status).toBe(201);
  const upload = new FormData();
  upload.append('callExternalId', externalId);
  upload.append('recordedAt', new Date().toISOString());
  upload.append('audio', new Blob([new Uint8Array(silentWav())], { type: 'audio/wav' }), 'opptak.wav');
  const res = await fetch(`${baseURL}/api/v1/integrations/recordings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: upload,
  });
  expect(res.status).toBe(201);
  const recordingId = ((await res.json()) as { id: string }).id;

  const supervisor = await loginAs(browser, 'supervisor.bergen');
  await live(supervisor);
  await supervisor.getByRole('link', { name: 'Administrasjon' }).click();
  const scheme = supervisor.getByRole('region', { name: 'Akutthjelpere' });
  await expect(scheme.getByText('Norsk Folkehjelp Bergen').first()).toBeVisible();
  await expect(scheme.getByText('Marte Akutthjelper')).toBeVisible();
  for (const name of ['Ny avtale', 'Nytt medlem', 'Ny enhet', 'Ny organisasjon'])
    await expect(supervisor.getByRole('form', { name })).toHaveCount(0);
  await expect(scheme.getByRole('button', { name: 'Avslutt avtale' })).toHaveCount(0);
  await expect(scheme.getByRole('button', { name: /av vakt|på vakt/ })).toHaveCount(0);
  await expect(scheme.getByRole('region', { name: 'Rapport' })).toBeVisible();

  await supervisor.getByRole('tab', { name: 'Lydopptak og sletting' }).click();
  const retention = supervisor.getByRole('region', { name: 'Lydopptak og sletting (§ 20)' });
  const place = retention.getByRole('form', { name: 'Sett tilbakehold' });
  await place.getByRole('button', { name: 'Sett tilbakehold' }).click();
  await expect(retention.getByText('Lim inn opptakets id (36 tegn)')).toBeVisible();
  await expect(retention.getByText('Oppgi saksnummer')).toBeVisible();

  await retention.getByLabel('Opptakets id').fill(recordingId);
  await place.getByLabel('Grunn').selectOption({ label: 'Tilsynssak' });
  await place.getByLabel('Saksnummer').fill('STATSFORVALTER-2026/42');
  await place.getByRole('button', { name: 'Sett tilbakehold' }).click();
  const holds = retention.getByRole('table', { name: 'Tilbakehold på opptaket' });
  const row = holds.getByRole('row').filter({ hasText: 'STATSFORVALTER-2026/42' });
  await expect(row).toContainText('Tilsynssak');
  await expect(row).toContainText('aktivt');

  await row.getByRole('button', { name: 'Opphev …' }).click();
  const release = retention.getByRole('form', { name: 'Opphev tilbakehold' });
  await release.getByLabel('Begrunnelse for å oppheve').fill('Saken er avsluttet');
  await release.getByRole('button', { name: 'Opphev' }).click();
  await expect(row).toContainText('«Saken er avsluttet»');
  await expect(row).not.toContainText('aktivt');
});

test('an administrator imports the licensed index from a CSV file; a file with a bad line imports nothing', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  await live(admin);
  await admin.getByRole('link', { name: 'Administrasjon' }).click();
  await admin.getByRole('tab', { name: 'Indeks' }).click();
  const panel = admin.getByRole('region', { name: 'Norsk indeks for medisinsk nødhjelp' });
  await expect(panel.getByText(/kriterier i \d+ kapitler/)).toBeVisible();
  await expect(panel.getByText(/er eksempler fra demo-dataene/)).toBeVisible();
  const form = panel.getByRole('form', { name: 'Importer indeks' });
  const csv = (lines: string[]) => ({
    name: 'indeks.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['code;chapter;chapter_title;text', ...lines].join('\n')),
  });

  await form
    .getByLabel('CSV-fil fra sentralens lisensierte indeks')
    .setInputFiles(csv(['A.40.01;40;Øvingskapittel;Gyldig', 'Q.40.02;40;Øvingskapittel;Ugyldig hastegrad']));
  await form.getByRole('button', { name: 'Importer indeks' }).click();
  await expect(form.getByRole('alert')).toContainText('line 3');

  await form
    .getByLabel('CSV-fil fra sentralens lisensierte indeks')
    .setInputFiles(csv(['A.40.01;40;Øvingskapittel;Gyldig', 'V.40.02;40;Øvingskapittel;Også gyldig']));
  await form.getByRole('button', { name: 'Importer indeks' }).click();
  await expect(form.getByRole('status')).toContainText('2 kriterier importert');
});

test('the akutthjelper report’s period is checked in the form; a good one shows its days', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  await live(admin);
  await admin.goto('/admin');
  const period = admin.getByRole('form', { name: 'Rapportperiode' });
  await typeDate(dateField(period, 'Fra'), '20.11.2026');
  await typeDate(dateField(period, 'Til'), '10.11.2026');
  await period.getByRole('button', { name: 'Vis' }).click();
  await expect(period.getByText('Velg to datoer, den første ikke etter den siste, høyst 400 døgn')).toBeVisible();
  await typeDate(dateField(period, 'Til'), '25.11.2026');
  await period.getByRole('button', { name: 'Vis' }).click();
  await expect(admin.getByText('20.11.2026–25.11.2026')).toBeVisible();
  await expect(period.getByText('Velg to datoer')).toHaveCount(0);
});
