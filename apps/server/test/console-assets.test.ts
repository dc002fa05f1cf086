// The console's assets are sent compressed to a browser that accepts it (Brotli first, then gzip),
// from the copies the build leaves beside them, and whole to one that does not.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@amk/db';
import type { App } from '../src/app.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 2);
let app: App;
const script = Array.from({ length: 4000 }, (_, i) => `export const line${i} = 'unit ${i % 40} status';`).join('\n');

beforeAll(async () => {
  // A console build of our own, precompressed by the build's own script.
  const dist = mkdtempSync(join(tmpdir(), 'amk-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html><html><body><div id="root"></div>${'<!-- -->'.repeat(200)}</body></html>`);
  writeFileSync(join(dist, 'assets', 'app.js'), script);
  execFileSync(process.execPath, [fileURLToPath(new URL('../../console/scripts/precompress.mjs', import.meta.url)), dist]);
  app = await buildTestApp(prisma, { CONSOLE_DIST: dist });
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('the console assets', () => {
  it('go as Brotli to a browser that accepts it, much smaller, and decompress to the file', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('go as gzip to one that accepts only gzip, and whole to one that accepts neither', async () => {
    const gz = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("the console's own routes still answer with its page", async () => {
    const res = await app.inject({ method: 'GET', url: '/wall', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    const html = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
    expect(html).toContain('<div id="root">');
  });
});
