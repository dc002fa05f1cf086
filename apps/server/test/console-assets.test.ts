// The console as a browser gets it from the server: the real build (vite build, then the build's own
// precompress script), its assets sent compressed to a browser that accepts it (Brotli first, then
// gzip) and whole to one that does not, cached for good where the name changes with the content,
// and the first page without the map library (MapLibre is a chunk of its own, fetched when the map
// is opened). Building the console takes a few seconds (about 8 s here, most of it Brotli).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@amk/db';
import type { App } from '../src/app.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 2);
const consoleDir = fileURLToPath(new URL('../../console/', import.meta.url));
const dist = mkdtempSync(join(tmpdir(), 'amk-dist-'));
let app: App;

const BROWSER = 'gzip, deflate, br, zstd';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const built = (path: string) => readFileSync(join(dist, path));

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [join(consoleDir, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: consoleDir,
    },
  );
  execFileSync(process.execPath, [join(consoleDir, 'scripts/precompress.mjs'), dist]);
  app = await buildTestApp(prisma, { CONSOLE_DIST: dist });
}, 120_000);
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

async function get(url: string, acceptEncoding = BROWSER) {
  const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });
  expect(res.statusCode, url).toBe(200);
  const encoding = res.headers['content-encoding'];
  const body = encoding === 'br' ? brotliDecompressSync(res.rawPayload) : encoding === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
  return { res, body };
}

/** The scripts index.html has the browser fetch before anything runs: the entry and its preloads. */
async function firstPageScripts(): Promise<string[]> {
  const html = (await get('/')).body.toString();
  return [...html.matchAll(/<script type="module"[^>]* src="([^"]+)"|<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

/** A chunk and every chunk it imports statically (what must arrive before it runs), not its import()s. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = built(join('assets', file)).toString();
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) staticClosure(m[1]!, seen);
  return seen;
}

const chunk = (prefix: string) => readdirSync(join(dist, 'assets')).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'))!;
const hasMapLibre = (file: string) => /maplibre/i.test(built(join('assets', file)).toString());

describe('the console build, as the server sends it', () => {
  it("the login page's scripts go as Brotli, a fraction of their size, decompressing to the build's very bytes, kept for good", async () => {
    const scripts = await firstPageScripts();
    expect(scripts.length).toBeGreaterThan(0);
    let sent = 0;
    let whole = 0;
    for (const src of scripts) {
      const { res, body } = await get(src);
      // the build leaves files under 1 kB whole (a compressed copy would save less than its request)
      expect(res.headers['content-encoding'], src).toBe(body.length >= 1024 ? 'br' : undefined);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(body.equals(built(src))).toBe(true);
      sent += res.rawPayload.length;
      whole += body.length;
    }
    expect(sent).toBeLessThan(whole / 3);
  });

  it('go as gzip to a browser that accepts only gzip, and whole to one that accepts neither', async () => {
    const entry = (await firstPageScripts()).find((src) => built(src).length >= 1024);
    const gz = await get(entry!, 'gzip');
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(built(entry!))).toBe(true);
    const plain = await get(entry!, 'identity');
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.res.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.equals(built(entry!))).toBe(true);
  });

  it('the login page and the console load without MapLibre: the map is a chunk of its own, fetched when shown', async () => {
    const login = (await firstPageScripts()).map((src) => src.replace('/assets/', ''));
    const consolePage = [...staticClosure(chunk('ConsolePage'))];
    for (const file of [...login, ...consolePage]) expect(hasMapLibre(file), file).toBe(false);
    // …and the map chunk exists, is MapLibre, and is fetched only through an import() of it.
    const map = chunk('MapView');
    expect(hasMapLibre(map)).toBe(true);
    expect(built(join('assets', chunk('ConsolePage'))).toString()).not.toMatch(new RegExp(`from\\s*["']\\./${map}`));
  });

  it('the admin pages are not in the first page either', async () => {
    const login = (await firstPageScripts()).flatMap((src) => [...staticClosure(src.replace('/assets/', ''))]);
    const consolePage = [...staticClosure(chunk('ConsolePage'))];
    expect([...login, ...consolePage]).not.toContain(chunk('AdminPage'));
  });

  it("index.html (at / and at the console's own routes) is asked for again on every load, so a new build arrives", async () => {
    for (const url of ['/', '/wall', '/admin/users']) {
      const { res, body } = await get(url);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      expect(body.toString()).toContain('<div id="root">');
    }
  });
});
