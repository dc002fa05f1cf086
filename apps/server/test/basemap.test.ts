// The basemap is chosen when the server starts: the console asks which style to draw; a closed
// network's own map files are served from a folder, in ranges as a PMTiles reader asks for them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@amk/db';
import { loadConfig } from '../src/config.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 2);
afterAll(() => prisma.$disconnect());

describe('the basemap setting', () => {
  it('without a setting the console draws the offline map', async () => {
    const app = await buildTestApp(prisma);
    const res = await app.inject({ method: 'GET', url: '/api/v1/basemap' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ styleUrl: null, attribution: null });
    // and there is no map folder to read from
    expect((await app.inject({ method: 'GET', url: '/map-files/style.json' })).statusCode).toBe(404);
    await app.close();
  });

  it('a local style and its archive are served from the map folder, the archive in byte ranges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amk-map-'));
    const style = { version: 8, sources: { local: { type: 'vector', url: 'pmtiles:///map-files/area.pmtiles' } }, layers: [] };
    writeFileSync(join(dir, 'style.json'), JSON.stringify(style));
    const archive = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
    writeFileSync(join(dir, 'area.pmtiles'), archive);
    const app = await buildTestApp(prisma, { MAP_STYLE_URL: '/map-files/style.json', MAP_ATTRIBUTION: '© Test', MAP_FILES_DIR: dir });

    expect((await app.inject({ method: 'GET', url: '/api/v1/basemap' })).json()).toEqual({
      styleUrl: '/map-files/style.json',
      attribution: '© Test',
    });
    const styleRes = await app.inject({ method: 'GET', url: '/map-files/style.json' });
    expect(styleRes.statusCode).toBe(200);
    expect(styleRes.json()).toEqual(style);
    const range = await app.inject({ method: 'GET', url: '/map-files/area.pmtiles', headers: { range: 'bytes=100-199' } });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload.equals(archive.subarray(100, 200))).toBe(true);
    // nothing outside the folder
    expect((await app.inject({ method: 'GET', url: '/map-files/../../etc/passwd' })).statusCode).toBe(404);
    await app.close();
  });

  it('a style setting that is neither a URL nor a path is refused at start, naming the setting', () => {
    expect(() => loadConfig({ MAP_STYLE_URL: 'kart.json' })).toThrow(/MAP_STYLE_URL/);
    expect(loadConfig({ MAP_STYLE_URL: 'https://cache.kartverket.no/styles/topo.json' }).MAP_STYLE_URL).toBe(
      'https://cache.kartverket.no/styles/topo.json',
    );
  });
});
