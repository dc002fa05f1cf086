// Issue 2: two operators of AMK-BERGEN in two browsers; A registers a call by keyboard only, B sees
// it in the list and on the map; an AMK-FORDE operator does not.
import { expect } from '@playwright/test';
import { baseURL, live, loginAs, mapFeatureIds, newContext, test } from './support.js';

test('a call registered by one operator appears at once for the other, never at another centre', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  const b = await loginAs(browser, 'amk.bergen2');
  const forde = await loginAs(browser, 'amk.forde');
  await Promise.all([live(a), live(b), live(forde)]);

  const caller = `Innringer ${Date.now()}`;
  await a.keyboard.press('F2');
  await expect(a.getByRole('dialog', { name: 'Ny henvendelse' })).toBeVisible();
  await a.keyboard.press('Tab');
  await a.keyboard.type('91234567');
  await a.keyboard.press('Tab');
  await a.keyboard.type(caller);
  await a.keyboard.press('Tab');
  await a.keyboard.type('Bryggen 1, Bergen');
  await a.keyboard.press('Tab');
  await a.keyboard.type('60.3975');
  await a.keyboard.press('Tab');
  await a.keyboard.type('5.3245');
  await a.keyboard.press('Enter');
  await expect(a.getByRole('dialog')).toBeHidden();
  // The new call opens with focus in its triage field: the next thing to do.
  await expect(a.getByRole('combobox', { name: 'Kriterium' })).toBeFocused();

  const rowOnB = b.getByRole('list', { name: 'Åpne henvendelser' }).getByText(caller);
  await expect(rowOnB).toBeVisible();
  const callId = await a.evaluate(
    () => (window as unknown as { __amk: { store: { getState(): { selectedCallId: string } } } }).__amk.store.getState().selectedCallId,
  );
  await expect.poll(() => mapFeatureIds(b, 'calls')).toContain(callId);

  // Førde's console is live and has heard later events, but never this call.
  await expect(forde.getByText(caller)).toHaveCount(0);
  expect(await mapFeatureIds(forde, 'calls')).not.toContain(callId);
});

test('the console survives a reload and shows the English interface on request', async ({ browser }) => {
  const page = await loginAs(browser, 'amk.bergen');
  await live(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'New call (F2)' })).toBeVisible();
  await page.reload();
  await live(page);
  await expect(page.getByRole('heading', { name: /Open calls/ })).toBeVisible();
  await page.getByRole('button', { name: 'NB', exact: true }).click();
});

test('the live connection opened while the login is checked is the one the console uses: one socket, none left over', async ({
  browser,
}) => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const open = new Set<object>();
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/socket.io/')) return;
    open.add(ws);
    ws.on('close', () => open.delete(ws));
  });
  await page.goto('/');
  await page.getByLabel('Brukernavn').fill('amk.bergen');
  await page.getByLabel('Passord').fill('demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await live(page);
  // a second connection would have opened by now (it is opened before the console renders)
  await page.waitForTimeout(1_000);
  expect(open.size).toBe(1);
});

test('the login form names an empty field before sending, and shows the server’s refusal in words', async ({ browser }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByText('Skriv brukernavnet')).toBeVisible();
  await expect(page.getByText('Skriv passordet')).toBeVisible();
  await page.getByLabel('Brukernavn').fill('amk.bergen');
  await page.getByLabel('Passord').fill('feil-passord');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText('Skriv brukernavnet')).toHaveCount(0);
  await context.close();
});
