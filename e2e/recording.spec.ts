// Issue 6: an operator plays a recording in the call view, and the audit log shows who listened.
import { expect } from '@playwright/test';
import { baseURL, integrationKey, live, loginAs, test } from './support.js';

/** One second of silence as a real WAV file, so the browser's player accepts it. */
function silentWav(): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate, 128);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

test('an operator plays a recording; the audit log shows it', async ({ browser }) => {
  const key = integrationKey();
  const externalId = `rec-e2e-${Date.now()}`;
  const caller = '+4798765432';
  const ring = await fetch(`${baseURL}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, centre: 'AMK-BERGEN', line: '113', callerNumber: caller, ringingAt: new Date().toISOString() }),
  });
  expect(ring.status).toBe(201);
  const form = new FormData();
  form.append('callExternalId', externalId);
  form.append('recordedAt', new Date().toISOString());
  form.append('audio', new Blob([new Uint8Array(silentWav())], { type: 'audio/wav' }), 'opptak.wav');
  const upload = await fetch(`${baseURL}/api/v1/integrations/recordings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  expect(upload.status).toBe(201);
  const recordingId = ((await upload.json()) as { id: string }).id;

  const operator = await loginAs(browser, 'amk.bergen');
  await live(operator);
  await operator.getByRole('list', { name: 'Åpne henvendelser' }).getByText(caller).click();
  const player = operator
    .getByRole('region', { name: /Lydopptak/ })
    .locator('audio')
    .or(operator.locator('audio'))
    .first();
  await expect(player).toBeVisible();
  await player.evaluate((a: HTMLAudioElement) => a.play().catch(() => {}));

  const supervisor = await loginAs(browser, 'supervisor.bergen');
  await live(supervisor);
  await supervisor.getByRole('link', { name: 'Revisjonslogg' }).click();
  await expect(supervisor.getByRole('table', { name: 'Revisjonslogg' })).toBeVisible();
  await supervisor.goto(`/audit?entityId=${recordingId}`);
  const row = supervisor.getByRole('table', { name: 'Revisjonslogg' }).getByRole('row').filter({ hasText: 'Lyttet til lydopptak' });
  await expect(row).toContainText('amk.bergen');
  // the recording named by its call's line and ring time, not by an id
  await expect(row).toContainText(/Lydopptak 113 · \d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}/);
  await expect(row).not.toContainText(recordingId.slice(0, 8));
  await expect(row).toContainText('AMK-BERGEN (AMK Bergen)'); // the centre by name, not its id
});
