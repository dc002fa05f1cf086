// The queue, keyboard only: calls ringing from the telephony integration sit at the top of the
// list, oldest first; F3 takes the oldest, focus goes to triage, a typed code and Enter triage it;
// every console shows who took it. An exercise call is marked as such. A notification to HRS
// shows its state in words, and without a gateway it says it must be phoned in.
import { expect } from '@playwright/test';
import { baseURL, integrationKey, live, loginAs, test } from './support.js';

async function ring(externalId: string, callerNumber: string, ringingAt: Date, exercise = false) {
  const res = await fetch(`${baseURL}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integrationKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId,
      centre: 'AMK-BERGEN',
      line: '113',
      callerNumber,
      ringingAt: ringingAt.toISOString(),
      ...(exercise && { exercise: true }),
    }),
  });
  expect(res.status).toBe(201);
}

async function hangUp(externalId: string) {
  const res = await fetch(`${baseURL}/api/v1/integrations/calls/${externalId}/ended`, {
    method: 'POST',
    headers: { authorization: `Bearer ${integrationKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ endedAt: new Date().toISOString() }),
  });
  expect(res.status).toBe(200);
}

test('a ringing call is taken with F3, triaged by keyboard, and shows who took it', async ({ browser }) => {
  const a = await loginAs(browser, 'amk.bergen');
  const b = await loginAs(browser, 'amk.bergen2');
  await Promise.all([live(a), live(b)]);

  const stamp = Date.now();
  const oldest = `+47${String(stamp).slice(-8)}`;
  const newer = `+47${String(stamp + 1).slice(-8)}`;
  const drill = `+47${String(stamp + 2).slice(-8)}`;
  // The oldest rang ten minutes ago: it waits longest, so it leads the queue and F3 takes it.
  await ring(`queue-${stamp}-old`, oldest, new Date(stamp - 10 * 60_000));
  await ring(`queue-${stamp}-new`, newer, new Date(stamp - 5_000));
  await ring(`queue-${stamp}-drill`, drill, new Date(stamp - 1_000), true);

  const list = a.getByRole('list', { name: 'Åpne henvendelser' });
  // Missed callers other tests left wait on top, in the callback list; the queue follows them.
  const queued = list.locator('li:not(.callback)');
  await expect(queued.first()).toContainText(oldest);
  await expect(queued.first().getByRole('button', { name: 'Ta samtalen (F3)' })).toBeVisible();
  await expect(queued.first().getByTestId('ring-timer')).toContainText(/Ringt 1\d:\d\d/);
  await expect(list.getByRole('listitem').filter({ hasText: drill })).toContainText('ØVELSE');

  // Keyboard only from here: F3, then the triage field has focus.
  await a.keyboard.press('F3');
  const record = a.getByLabel('Henvendelse', { exact: true });
  await expect(record.getByRole('heading', { name: oldest })).toBeVisible();
  const criterion = record.getByRole('combobox', { name: 'Kriterium' });
  await expect(criterion).toBeFocused();
  await a.keyboard.type('A.06.01');
  await expect(record.getByRole('option', { name: /A\.06\.01/ })).toBeVisible();
  await a.keyboard.press('Enter');
  await expect(record.getByTestId('triage-current')).toContainText('A.06.01 → A – Akutt');

  // Taken, answered and red, on both consoles, with the operator's name and a talk timer.
  const row = list.getByRole('listitem').filter({ hasText: oldest });
  await expect(row).toContainText('Tatt av Ingrid Haugland');
  await expect(row.locator('.urgency-badge')).toHaveText('A');
  await expect(row.getByTestId('talk-timer')).toBeVisible();
  const rowOnB = b.getByRole('list', { name: 'Åpne henvendelser' }).getByRole('listitem').filter({ hasText: oldest });
  await expect(rowOnB).toContainText('Tatt av Ingrid Haugland');
  await expect(rowOnB.getByRole('button', { name: /Ta samtalen/ })).toHaveCount(0);
  // The next ringing call now stands in B's queue above the red call being handled (calls left
  // ringing by other tests may stand above both).
  const rowsOnB = b.getByRole('list', { name: 'Åpne henvendelser' }).getByRole('listitem');
  await expect
    .poll(async () => {
      const texts = await rowsOnB.allInnerTexts();
      return texts.findIndex((t) => t.includes(newer)) < texts.findIndex((t) => t.includes(oldest));
    })
    .toBe(true);

  // A/H/V outside a text field choose another urgency: it needs a reason, which gets the focus.
  await a.keyboard.press('h');
  const reason = record.getByLabel('Begrunnelse for annen hastegrad');
  await expect(reason).toBeFocused();
  await a.keyboard.type('Stabil ved ny vurdering');
  await a.keyboard.press('Enter');
  await expect(record.getByTestId('triage-current')).toContainText('A.06.01 → H – Haster');
  await expect(row.locator('.urgency-badge')).toHaveText('H');

  // HRS is notified; without a gateway the row says it must be phoned in, never that it was sent.
  await record.getByRole('button', { name: 'Varsle HRS' }).click();
  const hrs = record.getByRole('list', { name: 'Varsling' }).getByRole('listitem').filter({ hasText: 'HRS' });
  await expect(hrs).toContainText('Ikke sendt automatisk – ring mottakeren og registrer kvitteringen');
  await expect(hrs).not.toContainText(/Sendt –|sendt \d/);
  await hrs.getByRole('button', { name: 'Registrer kvittering' }).click();
  // Who at HRS confirmed, and when (the time defaults to now).
  const phoned = hrs.getByRole('form', { name: 'Registrer kvittering' });
  await phoned.getByLabel('Bekreftet av').fill('Vakthavende HRS Sør');
  await phoned.getByRole('button', { name: 'Lagre kvittering' }).click();
  await expect(hrs).toContainText('Kvittert');
  await expect(hrs).toContainText('(Vakthavende HRS Sør)');
  await expect(record.getByText('Varsling til HRS ringt inn, bekreftet av Vakthavende HRS Sør')).toBeVisible();

  // The drill and the other caller hang up unanswered: they leave the queue. The real caller is
  // not lost: it waits in the callback list (tilbakeringing); the drill does not.
  await hangUp(`queue-${stamp}-new`);
  await hangUp(`queue-${stamp}-drill`);
  await expect(queued.filter({ hasText: newer })).toHaveCount(0);
  await expect(queued.filter({ hasText: drill })).toHaveCount(0);
  await expect(list.getByRole('listitem', { name: `Tapt anrop fra ${newer}` })).toBeVisible();
  await expect(list.getByRole('listitem', { name: `Tapt anrop fra ${drill}` })).toHaveCount(0);
});

test('the optional ring: off by default; once turned on, a new ringing call rings, and the choice is kept', async ({ browser }) => {
  const page = await loginAs(browser, 'amk.bergen2');
  await live(page); // logged in: the reload below keeps the session
  // Count the tones the console plays through Web Audio (headless Chromium has no speaker to hear).
  await page.addInitScript(() => {
    const w = window as unknown as { __tones: number };
    w.__tones = 0;
    const make = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__tones += 1;
      return make.call(this);
    };
  });
  await page.reload();
  await live(page);
  const tones = () => page.evaluate(() => (window as unknown as { __tones: number }).__tones);
  const list = page.getByRole('list', { name: 'Åpne henvendelser' });
  const ringSwitch = page.getByRole('button', { name: 'Ringelyd' });
  await expect(ringSwitch).toHaveAttribute('aria-pressed', 'false');

  const stamp = Date.now();
  const silent = `+47${String(stamp + 7).slice(-8)}`;
  await ring(`ring-sound-${stamp}-off`, silent, new Date());
  await expect(list.getByRole('listitem').filter({ hasText: silent })).toBeVisible();
  expect(await tones()).toBe(0);

  await ringSwitch.click();
  await expect(ringSwitch).toHaveAttribute('aria-pressed', 'true');
  const loud = `+47${String(stamp + 8).slice(-8)}`;
  await ring(`ring-sound-${stamp}-on`, loud, new Date());
  await expect(list.getByRole('listitem').filter({ hasText: loud })).toBeVisible();
  await expect.poll(tones).toBeGreaterThanOrEqual(4); // the trill: four tones

  await page.reload();
  await live(page);
  await expect(page.getByRole('button', { name: 'Ringelyd' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Ringelyd' }).click(); // leave the shared browser profile quiet
  await hangUp(`ring-sound-${stamp}-off`);
  await hangUp(`ring-sound-${stamp}-on`);
});
