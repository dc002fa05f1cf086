// Issue 5: an AMK operator alerts akutthjelpere; the responder's phone page (mobile viewport, a
// second browser) accepts and marks arrival; the operator's console shows each step.
import { expect } from '@playwright/test';
import { live, loginAs, test } from './support.js';

test('alert, accept on the phone, arrive — each step on the AMK console', async ({ browser }) => {
  const amk = await loginAs(browser, 'amk.bergen');
  const phone = await loginAs(browser, 'responder.demo', { width: 390, height: 844 });
  await live(amk);
  await expect(phone.getByRole('heading', { name: 'Akutthjelper' })).toBeVisible();
  await live(phone);

  await amk.keyboard.press('F2');
  await amk.getByLabel('Innringers navn').fill(`Hjertestans ${Date.now()}`);
  await amk.getByLabel('Adresse').fill('Torgallmenningen 1, Bergen');
  await amk.getByLabel('Breddegrad').fill('60.3929');
  await amk.getByLabel('Lengdegrad').fill('5.3241');
  await amk.getByLabel(/A – Akutt/).check();
  await amk.keyboard.press('Enter');
  // The farthest recommended unit: akutthjelpere are proposed only if they can arrive before the
  // ambulance, and the nearest car (whichever the earlier tests left free) may be around the corner.
  await amk
    .getByRole('button', { name: /^Send / })
    .last()
    .click();
  await amk.getByLabel('Hendelsestype').selectOption('HJERTESTANS');
  await amk.getByRole('button', { name: 'Varsle akutthjelpere' }).click();

  const marte = amk.getByTestId('alert-Marte Akutthjelper');
  const alertCard = phone.getByRole('article', { name: 'Hjertestans' });
  await expect(alertCard).toBeVisible();
  await expect(alertCard).toContainText('km unna');
  await expect(alertCard).not.toContainText('Torgallmenningen'); // no address before accepting
  await expect(marte).toContainText('Levert');
  // Shown on a visible page is seen: no hover needed (a phone has none).
  await expect(marte.locator('.alert-times')).toContainText('Sett');

  await alertCard.getByRole('button', { name: 'Jeg drar' }).click();
  await expect(alertCard).toContainText('Torgallmenningen 1, Bergen');
  await expect(marte).toContainText('Akseptert');

  await alertCard.getByRole('button', { name: 'Jeg er fremme' }).click();
  await expect(marte).toContainText('Ankommet');
  // On scene the page stays with the responder: the place, what to do, and where the ambulance is.
  await expect(alertCard).toContainText(/Du meldte deg fremme \d{2}[:.]\d{2}/);
  await expect(alertCard).toContainText('Torgallmenningen 1, Bergen');
  await expect(alertCard).toContainText('Start hjerte-lunge-redning');
  await expect(alertCard.getByTestId('ambulance')).toContainText(/Ambulanse .+: Varslet/);
  await expect(phone.getByText('Ingen varsler')).toHaveCount(0);

  // The mission is closed at AMK: the card leaves, and the history keeps it with its time.
  const close = amk.getByRole('form', { name: 'Avslutt oppdrag med utfall' });
  await close.getByLabel('Utfall').selectOption({ label: 'Behandlet på stedet' });
  await close.getByRole('button', { name: 'Avslutt oppdraget' }).click();
  await expect(alertCard).toHaveCount(0);
  await expect(phone.getByTestId('history').first()).toContainText(/\d{2}[:.]\d{2} · Hjertestans: Oppdraget er avsluttet/);
});
