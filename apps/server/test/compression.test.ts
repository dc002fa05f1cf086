// Large answers travel compressed to a browser that accepts it, and only those: the console's
// snapshot of a centre with a hundred open calls arrives as brotli (gzip for a client that only
// takes gzip) and reads the same once unpacked; a small answer, a client that asks for nothing and
// a compressed request body are each answered as before.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_FROM_BYTES } from '../src/plugins/external/compression.js';
import { createCall, createCentre, createUser } from './support/factories.js';
import { login, startServer, type TestServer } from './support/test-app.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer();
  const centre = await createCentre(server.prisma);
  const user = await createUser(server.prisma, centre.id, { role: 'amk_operator' });
  for (let i = 0; i < 100; i++)
    await createCall(server.prisma, centre.id, { callerNumber: `+4791${String(i).padStart(6, '0')}`, callerName: `Innringer ${i}` });
  cookie = await login(server, user.username);
});
afterAll(() => server.close());

/** The raw answer (undici's fetch unpacks bodies, so the bytes on the wire are read through node:http). */
function raw(path: string, headers: Record<string, string>, init: { method?: string; body?: Buffer } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: init.method ?? 'GET', headers: { cookie, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('compressed answers', () => {
  it('sends the snapshot of a hundred open calls as brotli, a fraction of its size, the same once unpacked', async () => {
    const plain = await raw('/api/v1/snapshot', {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_FROM_BYTES);

    const packed = await raw('/api/v1/snapshot', { 'accept-encoding': 'gzip, deflate, br' });
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe('br');
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 4);
    const unpacked = JSON.parse(brotliDecompressSync(packed.body).toString());
    const expected = JSON.parse(plain.body.toString());
    expect(unpacked.calls).toHaveLength(100);
    // the same picture (seq may have moved between the two reads)
    expect({ ...unpacked, seq: 0 }).toEqual({ ...expected, seq: 0 });
  });

  it('uses gzip for a client that takes only gzip', async () => {
    const packed = await raw('/api/v1/snapshot', { 'accept-encoding': 'gzip' });
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(packed.body).toString()).calls).toHaveLength(100);
  });

  it('sends a small answer as it is', async () => {
    const me = await raw('/api/v1/auth/me', { 'accept-encoding': 'gzip, deflate, br' });
    expect(me.status).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(me.body.toString()).username).toBeTruthy();
  });

  it('refuses a compressed request body with a 4xx, not by unpacking it', async () => {
    const body = gzipSync(JSON.stringify({ username: 'x', password: 'y' }));
    const res = await raw(
      '/api/v1/auth/login',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      { method: 'POST', body },
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
