// An upload over a limit is refused with 413 and nothing is stored: a text field over its limit
// (it used to be cut to 1,024 characters and stored), a file over 200 MiB (it used to be a 400),
// more parts than an upload has (issue 15, hole 8).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentre, createIntegrationKey } from './support/factories.js';
import { MAX_RECORDING_BYTES } from '../src/modules/recordings/recordings.service.js';
import { startServer, testConfig, type TestServer } from './support/test-app.js';

let server: TestServer;
let key: string;
const incoming = join(testConfig().DATA_DIR, 'recordings', '.incoming');

beforeAll(async () => {
  server = await startServer();
  key = await createIntegrationKey(server.prisma, (await createCentre(server.prisma)).code, 'recorder limits');
});
afterAll(() => server.close());

const stagedFiles = () => (existsSync(incoming) ? readdirSync(incoming).length : 0);
const sound = Buffer.from('RIFF....WAVEfmt '.padEnd(4096, '.'));

async function upload(form: FormData) {
  const res = await fetch(`${server.url}/api/v1/integrations/recordings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { message: string } };
}

describe('recording upload limits', () => {
  it('a field over its limit is a 413 naming it, not cut and stored', async () => {
    const externalId = `limits-${'x'.repeat(2_000)}`;
    const form = new FormData();
    form.append('callExternalId', externalId);
    form.append('recordedAt', '2026-06-15T10:00:00Z');
    form.append('audio', new Blob([new Uint8Array(sound)], { type: 'audio/wav' }), 'a.wav');
    const res = await upload(form);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/callExternalId/);
    expect(await server.prisma.recording.count({ where: { callExternalId: { startsWith: 'limits-' } } })).toBe(0);
  });

  it('a NUL in a field is a 400 naming it', async () => {
    const form = new FormData();
    form.append('callExternalId', 'limits-\u0000-nul');
    form.append('recordedAt', '2026-06-15T10:00:00Z');
    form.append('audio', new Blob([new Uint8Array(sound)], { type: 'audio/wav' }), 'a.wav');
    const res = await upload(form);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/callExternalId/);
  });

  it('more fields than an upload has is a 413', async () => {
    const form = new FormData();
    for (let i = 0; i < 20; i++) form.append(`f${i}`, 'x');
    const res = await upload(form);
    expect(res.status).toBe(413);
  });

  it('a file over the limit is a 413, and nothing is stored or left staged', { timeout: 120_000 }, async () => {
    const before = await server.prisma.recording.count();
    const boundary = 'limits-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="callExternalId"\r\n\r\nlimits-big\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="recordedAt"\r\n\r\n2026-06-15T10:00:00Z\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="big.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const total = MAX_RECORDING_BYTES + chunk.length; // 201 MiB
    // streamed, so the test holds one MiB at a time
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new Uint8Array(head));
        if (sent < total) {
          controller.enqueue(chunk);
          sent += chunk.length;
        } else {
          controller.enqueue(new Uint8Array(tail));
          controller.close();
        }
      },
    });
    const res = await fetch(`${server.url}/api/v1/integrations/recordings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit).catch((e: Error) => e);
    // The server may answer before it has read everything; fetch then either gets the answer or
    // sees the connection closed under its upload. Either way nothing may be stored.
    if (!(res instanceof Error)) {
      const text = await res.clone().text();
      expect(res.status, text).toBe(413);
      expect(((await res.json()) as { message: string }).message).toMatch(/larger than/);
    }
    expect(await server.prisma.recording.count()).toBe(before);
    expect(stagedFiles()).toBe(0);
  });
});
