// Pure rules under load: ranking the whole fleet on every position update, and resolving a
// caller's kommune. No I/O.
import { readFileSync } from 'node:fs';
import { createKommuneResolver, rankUnits, type KommuneFeatureCollection, type RankableUnit } from '@amk/domain';
import { geodataFiles } from '@amk/geodata';
import { percentile, row, type BenchRow } from './stats.js';

export function rankingBench(): BenchRow[] {
  const now = Date.now();
  const units: RankableUnit[] = Array.from({ length: 5_000 }, (_, i) => ({
    id: `u${i}`,
    kind: i % 40 === 0 ? 'HELICOPTER' : 'AMBULANCE_CAR',
    status: i % 4 === 0 ? 'EN_ROUTE' : 'AVAILABLE_ON_THE_MOVE',
    lat: 58 + (i % 97) * 0.13,
    lon: 5 + (i % 89) * 0.28,
    positionAt: now - (i % 600) * 1000,
    own: i % 3 !== 0,
  }));
  const target = { lat: 60.39, lon: 5.32 };
  for (let i = 0; i < 200; i++) rankUnits(target, units, { now });
  const times: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const t = performance.now();
    rankUnits(target, units, { now });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return [
    row('rank 5,000 units by ETA, p50', 'ms', percentile(times, 50)),
    row('rank 5,000 units by ETA, p99', 'ms', percentile(times, 99)),
  ];
}

export function kommuneLookupBench(): BenchRow[] {
  const resolver = createKommuneResolver(JSON.parse(readFileSync(geodataFiles.kommuner, 'utf8')) as KommuneFeatureCollection);
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const points = Array.from({ length: 100_000 }, () => [58 + random() * 13, 5 + random() * 25] as const);
  const t = performance.now();
  for (const [lat, lon] of points) resolver.resolve(lat, lon);
  return [row('kommune of a caller position (point in 357 kommuner)', 'µs', ((performance.now() - t) * 1000) / points.length)];
}
