// Kommuner and fylker from Kartverket's outlines, with a representative point per kommune and the
// town/rural class used by the response-time guideline (12 / 25 minutes). The class is data a
// centre can change per kommune; the defaults mark Norway's largest towns as TOWN.
import { readFileSync } from 'node:fs';
import { labelPoint, type MultiPolygonGeometry, type PolygonGeometry } from '@amk/domain';
import { geodataFiles } from '@amk/geodata';
import type { Db } from '@amk/db';

interface Feature {
  properties: Record<string, string>;
  geometry: PolygonGeometry | MultiPolygonGeometry;
}

const TOWN_KOMMUNER = new Set([
  '0301',
  '4601',
  '5001',
  '1103',
  '4204',
  '5501',
  '3301',
  '3107',
  '1108',
  '3105',
  '1804',
  '1508',
  '1106',
  '3905',
  '4003',
  '3201',
  '3203',
  '3205',
]);

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
        ...labelPoint(f.geometry),
      };
    }),
    skipDuplicates: true,
  });
  return result.count;
}
