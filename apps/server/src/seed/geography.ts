// Kommuner and fylker from Kartverket's outlines, with a representative point per kommune and the
// town/rural class used by the response-time guideline (12 / 25 minutes). The class is data a
// centre can change per kommune; the defaults mark Norway's largest towns as TOWN.
import { readFileSync } from 'node:fs';
import { geodataFiles } from '@amk/geodata';
import type { Db } from '../db/prisma.js';

type Ring = [number, number][];
interface Feature {
  properties: Record<string, string>;
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const TOWN_KOMMUNER = new Set([
  '0301', '4601', '5001', '1103', '4204', '5501', '3301', '3107', '1108', '3105', '1804', '1508', '1106', '3905', '4003', '3201', '3203', '3205',
]);

/** Centroid of the largest outer ring (area-weighted), good enough as a label and distance point. */
function representativePoint(f: Feature): { lat: number; lon: number } {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = { area: -1, lat: 0, lon: 0 };
  for (const poly of polygons) {
    const ring = poly[0];
    if (!ring) continue;
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j]!;
      const [x1, y1] = ring[i]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(a) > best.area && a !== 0) best = { area: Math.abs(a), lon: cx / (3 * a), lat: cy / (3 * a) };
  }
  return { lat: best.lat, lon: best.lon };
}

export async function seedGeography(prisma: Db): Promise<number> {
  const kommuner = JSON.parse(readFileSync(geodataFiles.kommuner, 'utf8')) as { features: Feature[] };
  const fylker = JSON.parse(readFileSync(geodataFiles.fylker, 'utf8')) as { features: Feature[] };
  await prisma.fylke.createMany({
    data: fylker.features.map((f) => ({ nummer: f.properties.fylkesnummer!, navn: f.properties.fylkesnavn! })),
    skipDuplicates: true,
  });
  const result = await prisma.kommune.createMany({
    data: kommuner.features.map((f) => {
      const nummer = f.properties.kommunenummer!;
      return {
        nummer,
        navn: f.properties.kommunenavn!,
        fylkesnummer: nummer.slice(0, 2),
        settlementClass: TOWN_KOMMUNER.has(nummer) ? ('TOWN' as const) : ('RURAL' as const),
        ...representativePoint(f),
      };
    }),
    skipDuplicates: true,
  });
  return result.count;
}
