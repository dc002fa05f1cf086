// The console bench's baseline: a bare MapLibre page moving the same points, served by a tiny static
// server in the bench's process. It loads the same maplibre-gl build as the console (from the
// console's node_modules), draws the console's own offline basemap (the style is read from the
// running console; its GeoJSON files come from the console's dist), at the map's size and camera,
// with one GeoJSON source of the points and one circle layer. Nothing else: what the console adds
// on top of this is what the bench's ratio shows.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { repoRoot } from '../src/config.js';

export interface BarePageSetup {
  /** the basemap part of the console's style (what MapLibre's getStyle gives, without the live sources) */
  style: unknown;
  center: [number, number];
  zoom: number;
  /** the console map's size in CSS pixels */
  width: number;
  height: number;
}

const MAPLIBRE_DIST = join(repoRoot, 'apps/console/node_modules/maplibre-gl/dist');
const CONSOLE_DIST = join(repoRoot, 'apps/console/dist');
const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
};

const page = (s: BarePageSetup) => `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html, body { margin: 0; background: #0e2233 } #map { width: ${s.width}px; height: ${s.height}px }</style></head>
<body><div id="map"></div>
<script type="module">
import { Map, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';
setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const setup = await (await fetch('/setup.json')).json();
const map = new Map({ container: 'map', style: setup.style, center: setup.center, zoom: setup.zoom });
map.on('load', () => {
  map.addSource('points', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': 5, 'circle-color': '#43a047', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } });
  window.__bare = { map, source: map.getSource('points') };
});
</script></body></html>`;

/** Serves the bare page at `/`; `show` sets what the next load of it draws. */
export async function startBarePage(): Promise<{ url: string; show(s: BarePageSetup): void; close(): Promise<void> }> {
  let setup: BarePageSetup | null = null;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (path === '/') return send('text/html', page(setup!));
    if (path === '/setup.json') return send('application/json', JSON.stringify(setup));
    const file = path.startsWith('/maplibre/') ? join(MAPLIBRE_DIST, path.slice('/maplibre/'.length)) : join(CONSOLE_DIST, path);
    if (!normalize(file).startsWith(MAPLIBRE_DIST) && !normalize(file).startsWith(CONSOLE_DIST)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => send(TYPES[extname(file)] ?? 'application/octet-stream', body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    show: (s) => {
      setup = s;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
