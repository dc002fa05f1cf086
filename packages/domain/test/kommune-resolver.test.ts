/// <reference types="node" />
// Node types only for the test harness (fs, performance); the package itself stays free of node.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { createKommuneResolver, labelPoint } from '../src/index.js';
import type { KommuneFeatureCollection } from '../src/index.js';

const geojsonPath = fileURLToPath(new URL('../../geodata/data/Kommuner-S.geojson', import.meta.url));
const kommuner = JSON.parse(readFileSync(geojsonPath, 'utf8')) as KommuneFeatureCollection;
const resolver = createKommuneResolver(kommuner);

describe('kommune resolver on the real 2024 kommuner', () => {
  it.each([
    ['Bergen sentrum', 60.3929, 5.3241, '4601', 'Bergen'],
    ['Oslo', 59.9127, 10.7461, '0301', 'Oslo'],
    ['Tromsø city', 69.6492, 18.9553, '5501', 'Tromsø'],
    ['Førde', 61.4522, 5.8572, '4647', 'Sunnfjord'],
  ])('%s → %s %s (exact)', (_name, lat, lon, kommunenummer, kommunenavn) => {
    expect(resolver.resolve(lat, lon)).toEqual({ kommunenummer, kommunenavn, exact: true, distanceKm: 0 });
  });

  it('a point in Byfjorden off Bergen, outside every simplified polygon → nearest kommune, not exact', () => {
    const hit = resolver.resolve(60.42, 5.28);
    expect(hit).toMatchObject({ kommunenummer: '4601', kommunenavn: 'Bergen', exact: false });
    expect(hit?.distanceKm).toBeGreaterThan(0);
    expect(hit?.distanceKm).toBeLessThan(5);
  });

  it('respects maxFallbackKm', () => {
    const strict = createKommuneResolver(kommuner, { maxFallbackKm: 0.5 });
    expect(strict.resolve(60.42, 5.28)).toBeNull(); // ~1 km from the coast line
    expect(strict.resolve(60.3929, 5.3241)?.kommunenummer).toBe('4601');
  });

  it.each([
    ['Stockholm', 59.3293, 18.0686],
    ['Longyearbyen, Svalbard', 78.2232, 15.6267],
    ['North Sea, ~50 km west of Øygarden', 60.4, 3.9],
    ['Null Island', 0, 0],
    ['not a number', Number.NaN, 5],
  ])('%s → null', (_name, lat, lon) => {
    expect(resolver.resolve(lat, lon)).toBeNull();
  });

  it('puts random points across Norway only in kommuner whose outline box holds them', () => {
    // Speed is measured in `pnpm bench`; this checks the grid index never answers a far-away kommune.
    const boxes = new Map<string, [number, number, number, number]>();
    for (const f of kommuner.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of rings)
        for (const [lon, lat] of ring as number[][]) {
          box[0] = Math.min(box[0], lon!);
          box[1] = Math.min(box[1], lat!);
          box[2] = Math.max(box[2], lon!);
          box[3] = Math.max(box[3], lat!);
        }
      boxes.set(f.properties.kommunenummer, box);
    }
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let exact = 0;
    for (let i = 0; i < 5_000; i++) {
      const lat = 58 + random() * 13;
      const lon = 5 + random() * 25;
      const hit = resolver.resolve(lat, lon);
      if (!hit?.exact) continue;
      exact++;
      const [minLon, minLat, maxLon, maxLat] = boxes.get(hit.kommunenummer)!;
      expect(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat).toBe(true);
    }
    expect(exact).toBeGreaterThan(500);
  });
});

// A hand-made collection: kommune A is a 1°×1° square with a hole; B is an enclave inside the
// hole; C is a MultiPolygon of two separate squares.
const square = (lon0: number, lat0: number, lon1: number, lat1: number): number[][] => [
  [lon0, lat0],
  [lon1, lat0],
  [lon1, lat1],
  [lon0, lat1],
  [lon0, lat0],
];
const synthetic: KommuneFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kommunenummer: '9001', kommunenavn: 'A' },
      geometry: { type: 'Polygon', coordinates: [square(10, 60, 11, 61), square(10.4, 60.4, 10.6, 60.6)] },
    },
    {
      type: 'Feature',
      properties: { kommunenummer: '9002', kommunenavn: 'B' },
      geometry: { type: 'Polygon', coordinates: [square(10.45, 60.45, 10.55, 60.55)] },
    },
    {
      type: 'Feature',
      properties: { kommunenummer: '9003', kommunenavn: 'C' },
      geometry: { type: 'MultiPolygon', coordinates: [[square(12, 60, 12.5, 60.5)], [square(13, 60, 13.5, 60.5)]] },
    },
  ],
};

describe('kommune resolver on hand-made polygons', () => {
  const r = createKommuneResolver(synthetic);
  it.each([
    ['inside A', 60.1, 10.1, '9001', true],
    ['inside the enclave B (in A’s hole)', 60.5, 10.5, '9002', true],
    ['inside the first part of C', 60.2, 12.2, '9003', true],
    ['inside the second part of C', 60.2, 13.2, '9003', true],
    // In A's hole but outside B: 0.02° (2.22 km) from A's hole edge, 0.03° (3.34 km) from B.
    ['in A’s hole, outside B', 60.42, 10.5, '9001', false],
    // Between the two parts of C: 0.1° of longitude at 60.25°N = 5.52 km > 5 km from both.
    ['between C’s parts, too far', 60.25, 12.75, null, false],
    ['between C’s parts, near the first', 60.25, 12.55, '9003', false],
  ])('%s', (_name, lat, lon, kommunenummer, exact) => {
    const hit = r.resolve(lat, lon);
    if (kommunenummer === null) expect(hit).toBeNull();
    else expect(hit).toMatchObject({ kommunenummer, exact });
  });

  it('reports the distance to the nearest edge for fallbacks', () => {
    expect(r.resolve(60.42, 10.5)?.distanceKm).toBeCloseTo(2.224, 2);
  });
});

describe('labelPoint', () => {
  it('names an area at the centroid of its largest part', () => {
    const square = (x: number, y: number, size: number) => [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ];
    expect(labelPoint({ type: 'Polygon', coordinates: [square(5, 60, 2)] })).toEqual({ lat: 61, lon: 6 });
    // a small island and the main part: the label goes on the main part
    const islands = labelPoint({ type: 'MultiPolygon', coordinates: [[square(4, 59, 0.1)], [square(6, 61, 1)]] });
    expect(islands.lat).toBeCloseTo(61.5, 10);
    expect(islands.lon).toBeCloseTo(6.5, 10);
  });
});
