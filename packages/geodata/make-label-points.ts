// Writes data/Kommuner-labels.geojson and data/Fylker-labels.geojson: one point per kommune and
// fylke, where the map writes its name (a kommune of many islands would otherwise be named on
// every island). Run again only when the outlines change:
//   pnpm --filter @amk/server exec tsx ../../packages/geodata/make-label-points.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { labelPoint, type MultiPolygonGeometry, type PolygonGeometry } from '../domain/src/kommune-resolver.js';

const here = (name: string) => new URL(`./data/${name}`, import.meta.url);

function labels(from: string, to: string, number: string, name: string): void {
  const source = JSON.parse(readFileSync(here(from), 'utf8')) as {
    features: { properties: Record<string, string>; geometry: PolygonGeometry | MultiPolygonGeometry }[];
  };
  const features = source.features.map((f) => {
    const { lat, lon } = labelPoint(f.geometry);
    return {
      type: 'Feature',
      properties: { [number]: f.properties[number], [name]: f.properties[name] },
      geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
    };
  });
  writeFileSync(here(to), `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
  console.log(`${to}: ${features.length} points`);
}

labels('Kommuner-S.geojson', 'Kommuner-labels.geojson', 'kommunenummer', 'kommunenavn');
labels('Fylker-S.geojson', 'Fylker-labels.geojson', 'fylkesnummer', 'fylkesnavn');
