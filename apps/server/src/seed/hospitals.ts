// Hospitals with acute functions in the demo region (Vestland, § 16), at their real places, with a
// demo capacity per triage category; a hospital or an operator replaces it with the real figure.
import type { Db } from '@amk/db';
import { stableId } from './stable-id.js';

const demoHospitals = [
  {
    code: 'HAUKELAND',
    name: 'Haukeland universitetssjukehus',
    centre: 'AMK-BERGEN',
    lat: 60.3733,
    lon: 5.3599,
    capacity: { RED: 6, YELLOW: 12, GREEN: 20 },
  },
  {
    code: 'HARALDSPLASS',
    name: 'Haraldsplass Diakonale Sykehus',
    centre: 'AMK-BERGEN',
    lat: 60.3985,
    lon: 5.3442,
    capacity: { RED: 1, YELLOW: 6, GREEN: 12 },
  },
  { code: 'VOSS', name: 'Voss sjukehus', centre: 'AMK-BERGEN', lat: 60.6295, lon: 6.4119, capacity: { RED: 1, YELLOW: 3, GREEN: 6 } },
  {
    code: 'FORDE',
    name: 'Førde sentralsjukehus',
    centre: 'AMK-FORDE',
    lat: 61.4586,
    lon: 5.8881,
    capacity: { RED: 3, YELLOW: 6, GREEN: 10 },
  },
  {
    code: 'NORDFJORD',
    name: 'Nordfjord sjukehus',
    centre: 'AMK-FORDE',
    lat: 61.9063,
    lon: 5.9878,
    capacity: { RED: 0, YELLOW: 2, GREEN: 5 },
  },
  { code: 'LAERDAL', name: 'Lærdal sjukehus', centre: 'AMK-FORDE', lat: 61.0984, lon: 7.4845, capacity: { RED: 0, YELLOW: 2, GREEN: 5 } },
] as const;

/** Creates the demo hospitals once; a capacity declared since is left as it is. */
export async function seedHospitals(prisma: Db): Promise<void> {
  for (const h of demoHospitals) {
    const id = stableId(`hospital:${h.code}`);
    if (await prisma.hospital.findUnique({ where: { id } })) continue;
    await prisma.hospital.create({
      data: {
        id,
        code: h.code,
        name: h.name,
        centreId: stableId(`centre:${h.centre}`),
        lat: h.lat,
        lon: h.lon,
        capacityRed: h.capacity.RED,
        capacityYellow: h.capacity.YELLOW,
        capacityGreen: h.capacity.GREEN,
      },
    });
  }
}
