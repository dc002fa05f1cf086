// Issue 7: the wall display at 1920×1080 and 3840×2160 shows what a supervisor needs (checked for
// content, not pixels), and after a network loss it says its data is stale, then recovers by itself.
import { expect } from '@playwright/test';
import { baseURL, integrationKey, live, loginAs, newContext, ownServer, test } from './support.js';

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`the wall at ${viewport.width}×${viewport.height} shows calls, answer and response times, units and the map`, async ({
    browser,
  }) => {
    // a caller has been waiting in the queue for two minutes
    const ring = await fetch(`${baseURL}/api/v1/integrations/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${integrationKey()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        externalId: `wall-${viewport.width}-${Date.now()}`,
        centre: 'AMK-BERGEN',
        line: '113',
        callerNumber: '+4790011223',
        ringingAt: new Date(Date.now() - 120_000).toISOString(),
      }),
    });
    expect(ring.status).toBe(201);
    const page = await loginAs(browser, 'supervisor.bergen', viewport);
    await live(page);
    await page.goto('/wall?centres=AMK-BERGEN,LVS-BERGEN');
    const bergen = page.getByRole('region', { name: 'AMK Bergen' });
    await expect(bergen).toBeVisible();
    const queue = bergen.getByTestId('wall-tile-ringing');
    await expect(queue).toContainText(/Kø\s*[1-9]/);
    await expect(queue).toContainText(/eldste (0[2-9]|[1-9]\d):\d\d/);
    await expect(page.getByRole('region', { name: 'Legevaktsentralen i Bergen' })).toBeVisible();
    for (const text of [
      'Akutt',
      'Haster',
      'Vanlig',
      'Svartid 113',
      'Responstid akutt',
      'Akutthjelperoppdrag i dag',
      'Varsler uten kvittering',
      'Overføringer som venter',
      'Bergen ambulansestasjon',
    ]) {
      await expect(bergen.getByText(text).first()).toBeVisible();
    }
    // Every figure says what it is: the trend has a caption, the answer share its target and count.
    await expect(bergen.getByText('Svartid per time i dag')).toBeVisible();
    await expect(bergen.getByText(/mål 90 % · \d+ samtaler?/).first()).toBeVisible();
    // An LVS has no akutthjelpere (AMK alerts them): its column does not count any.
    await expect(page.getByRole('region', { name: 'Legevaktsentralen i Bergen' }).getByText('Akutthjelperoppdrag i dag')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Kart med beredskapshull' }).locator('canvas')).toBeVisible();
    // The map frames the centre's own district at any size, not all of southern Norway.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const b = (
            window as unknown as {
              __amk: { map: { getBounds(): { getWest(): number; getEast(): number; contains(p: [number, number]): boolean } } };
            }
          ).__amk.map.getBounds();
          return b.getEast() - b.getWest() < 5 && b.contains([5.3531, 60.3747]) && b.contains([6.4115, 60.6286]);
        }),
      )
      .toBe(true);
    await expect(page.getByTestId('stale')).toHaveCount(0);
    // Nothing of the wall runs off the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth || document.documentElement.scrollHeight > window.innerHeight + 1,
    );
    expect(overflow).toBe(false);
    await page.screenshot({ path: `test-results/wall-${viewport.width}x${viewport.height}.png` });
  });
}

test('after a network loss the wall says its data is stale, and recovers by itself', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await loginAs(browser, 'supervisor.bergen', { width: 1920, height: 1080 });
  await live(page);
  await page.goto('/wall');
  await expect(page.getByRole('region', { name: 'AMK Bergen' })).toBeVisible();
  await page.context().setOffline(true);
  await expect(page.getByTestId('stale')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stale')).toContainText('ikke oppdatert');
  await page.context().setOffline(false);
  await expect(page.getByTestId('stale')).toHaveCount(0, { timeout: 30_000 });
});

test('the wall recovers by itself after its server restarts', async ({ browser }) => {
  test.setTimeout(300_000); // two server starts, each up to 90 s on a loaded machine
  const server = ownServer(3198);
  await server.start();
  try {
    const context = await newContext(browser, { viewport: { width: 1920, height: 1080 }, baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Brukernavn').fill('supervisor.bergen');
    await page.getByLabel('Passord').fill('demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await live(page);
    await page.goto('/wall');
    await expect(page.getByRole('region', { name: 'AMK Bergen' })).toBeVisible();
    await server.stop();
    await expect(page.getByTestId('stale')).toBeVisible({ timeout: 30_000 });
    await server.start();
    await expect(page.getByTestId('stale')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'AMK Bergen' })).toBeVisible();
  } finally {
    await server.stop().catch(() => {});
  }
});

test('a caller ringing past the answer target turns the queue tile into an alarm, until answered', async ({ browser }) => {
  // AMK Førde: no other spec leaves a call ringing there
  const key = integrationKey('AMK-FORDE');
  const externalId = `wall-alarm-${Date.now()}`;
  const ring = await fetch(`${baseURL}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId,
      centre: 'AMK-FORDE',
      line: '113',
      callerNumber: '+4790055667',
      ringingAt: new Date().toISOString(),
    }),
  });
  expect(ring.status).toBe(201);
  const page = await loginAs(browser, 'supervisor.forde', { width: 1920, height: 1080 });
  await live(page);
  await page.goto('/wall');
  const queue = page.getByRole('region', { name: 'AMK Førde' }).getByTestId('wall-tile-ringing');
  await expect(queue).toContainText(/Kø\s*[1-9]/);
  // past 10 s (§ 15 b) the tile alarms, in words as well as colour
  await expect(queue).toHaveClass(/alarm/, { timeout: 30_000 });
  await expect(queue).toContainText('Ringer over 10 s');
  await expect(queue).toHaveAttribute('role', 'alert');

  const answered = await fetch(`${baseURL}/api/v1/integrations/calls/${externalId}/answered`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ answeredAt: new Date().toISOString() }),
  });
  expect(answered.status).toBe(200);
  await expect(queue).not.toHaveClass(/alarm/, { timeout: 15_000 });
  await expect(queue).not.toContainText('Ringer over');
});
