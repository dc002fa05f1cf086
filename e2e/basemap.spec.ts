// The basemap is chosen when the server starts, not when the console is built: a server set to a
// style in its own map folder (as a closed network would, with its own PMTiles) gives every
// console that style, with the live layers on top and the map's credit shown.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { newContext, ownServer, test } from './support.js';

interface MapWindow {
  __amk?: {
    map: { getStyle(): { layers: { id: string }[] } | undefined; jumpTo(o: { center: [number, number]; zoom: number }): void } | null;
  };
}

test('a server set to its own map style gives the console that basemap, with the live layers and its credit', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'amk-e2e-map-'));
  // A small style of our own: a background and one area around Bergen, no fonts (drawn locally).
  const area = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [5.1, 60.2],
          [5.6, 60.2],
          [5.6, 60.5],
          [5.1, 60.5],
          [5.1, 60.2],
        ],
      ],
    },
  };
  const style = {
    version: 8,
    sources: { 'test-area': { type: 'geojson', data: area, attribution: '© Testkart' } },
    layers: [
      { id: 'test-background', type: 'background', paint: { 'background-color': '#203040' } },
      { id: 'test-area', type: 'fill', source: 'test-area', paint: { 'fill-color': '#405060' } },
    ],
  };
  writeFileSync(join(dir, 'style.json'), JSON.stringify(style));

  const server = ownServer(3197, { MAP_STYLE_URL: '/map-files/style.json', MAP_FILES_DIR: dir, MAP_ATTRIBUTION: 'Kart: testoppsett' });
  await server.start();
  try {
    const context = await newContext(browser, { baseURL: server.url, viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Brukernavn').fill('amk.bergen2');
    await page.getByLabel('Passord').fill('demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page.getByTestId('connection')).toContainText('Tilkoblet', { timeout: 45_000 });

    await expect
      .poll(() => page.evaluate(() => (window as unknown as MapWindow).__amk?.map?.getStyle()?.layers.map((l) => l.id) ?? []))
      .toEqual(expect.arrayContaining(['test-background', 'test-area', 'units', 'calls']));
    // the offline outline map is not drawn
    const ids = await page.evaluate(() => (window as unknown as MapWindow).__amk!.map!.getStyle()!.layers.map((l) => l.id));
    expect(ids).not.toContain('land');
    // …so zoomed in to street level, no "overview map only" note
    await page.evaluate(() => (window as unknown as MapWindow).__amk!.map!.jumpTo({ center: [5.33, 60.39], zoom: 13 }));
    await expect(page.locator('.map-wrap')).toHaveAttribute('data-street-zoom', 'true');
    await expect(page.getByRole('note')).toHaveCount(0);
    // the credits: the style's own and the installation's
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect(attribution).toContainText('© Testkart');
    await expect(attribution).toContainText('Kart: testoppsett');
  } finally {
    await server.stop();
  }
});
