/// <reference types="node" />
// Node types only for the test harness (fs, performance); the package itself stays free of node.
import { describe, it, expect } from 'vitest';
import { rankUnits, whyNotRanked } from '../src/index.js';
import type { RankableUnit } from '../src/index.js';

const NOW = Date.parse('2026-11-22T09:00:00Z');
const MIN = 60_000;
const target = { lat: 60, lon: 10 };
const unit = (id: string, over: Partial<RankableUnit>): RankableUnit => ({
  id,
  kind: 'AMBULANCE_CAR',
  status: 'AVAILABLE_AT_STATION',
  lat: 60,
  lon: 10,
  positionAt: NOW - MIN,
  own: true,
  ...over,
});

// One degree of latitude = 111.1951 km (R = 6371.0088 km); all units lie due north of the target.
const fleet: RankableUnit[] = [
  // 0.1° = 11.1195 km × 1.3 road = 14.4554 km ÷ 70 km/h = 12.390 min
  unit('car', { lat: 60.1 }),
  // 111.1951 km ÷ 220 km/h = 30.326 min + 5 min start-up = 35.326 min
  unit('heli', { kind: 'HELICOPTER', lat: 61, own: false }),
  // 0 km: 0 min
  unit('lv', { kind: 'LEGEVAKT_CAR', status: 'AVAILABLE_ON_THE_MOVE' }),
  // 0.05° = 5.5598 km × 1.2 sea = 6.6717 km ÷ 40 km/h = 10.008 min
  unit('boat', { kind: 'AMBULANCE_BOAT', lat: 60.05 }),
  // 222.3902 km ÷ 400 km/h = 33.359 min + 10 min start-up = 43.359 min
  unit('plane', { kind: 'PLANE', lat: 62 }),
  // exactly 10 minutes old: still trusted
  unit('car-old-ok', { lat: 60.2, positionAt: NOW - 10 * MIN }), // 24.781 min
  // left out:
  unit('car-stale', { lat: 60.01, positionAt: NOW - 10 * MIN - 1 }),
  unit('car-no-fix', { positionAt: null }),
  unit('car-no-pos', { lat: null, lon: null }),
  unit('car-busy', { status: 'EN_ROUTE' }),
  unit('car-alerted', { status: 'ALERTED' }),
  unit('car-oos', { status: 'OUT_OF_SERVICE' }),
];

describe('rankUnits', () => {
  const ranked = rankUnits(target, fleet, { now: NOW });

  it('keeps only available units with a fresh position, fastest first', () => {
    expect(ranked.map((r) => r.id)).toEqual(['lv', 'boat', 'car', 'car-old-ok', 'heli', 'plane']);
  });

  it.each([
    ['lv', 0, 0, 'road', true],
    ['boat', 10.008, 5.56, 'sea', true],
    ['car', 12.39, 11.12, 'road', true],
    ['car-old-ok', 24.781, 22.239, 'road', true],
    ['heli', 35.326, 111.195, 'straight', false],
    ['plane', 43.359, 222.39, 'straight', true],
  ] as const)('%s: %f min', (id, eta, km, method, own) => {
    const r = ranked.find((x) => x.id === id);
    expect(r?.etaMinutes).toBeCloseTo(eta, 2);
    expect(r?.distanceKm).toBeCloseTo(km, 1);
    expect(r).toMatchObject({ method, own });
  });

  it('places a unit available at its station at the station, however old its last report', () => {
    const station = { lat: 60.1, lon: 10 }; // 12.390 min by road, as 'car' above
    const quiet = [
      unit('at-station-quiet', { lat: 61, positionAt: NOW - 12 * 60 * MIN, station }),
      unit('at-station-never-reported', { lat: null, lon: null, positionAt: null, station }),
      // on the move with a stale report: where it is now is unknown, so it is left out
      unit('moving-stale', { status: 'AVAILABLE_ON_THE_MOVE', positionAt: NOW - 60 * MIN, station }),
    ];
    const r = rankUnits(target, quiet, { now: NOW });
    expect(r.map((x) => x.id)).toEqual(['at-station-never-reported', 'at-station-quiet']);
    expect(r[0]?.etaMinutes).toBeCloseTo(12.39, 2);
    expect(r[1]?.etaMinutes).toBeCloseTo(12.39, 2);
  });

  it('applies options: road factor, speeds, start-up, position age, limit', () => {
    const r = rankUnits(target, fleet, {
      now: NOW,
      roadFactor: 1,
      speedsKmh: { AMBULANCE_CAR: 60, HELICOPTER: 240 },
      helicopterStartupMin: 0,
      maxPositionAgeMs: 5 * MIN,
      limit: 3,
    });
    // car: 11.1195 km ÷ 60 = 11.120 min; heli: 111.195 ÷ 240 = 27.799 min; car-old-ok now stale.
    expect(r.map((x) => x.id)).toEqual(['lv', 'boat', 'car']);
    expect(r[2]?.etaMinutes).toBeCloseTo(11.12, 2);
    const all = rankUnits(target, fleet, {
      now: NOW,
      roadFactor: 1,
      speedsKmh: { HELICOPTER: 240 },
      helicopterStartupMin: 0,
      maxPositionAgeMs: 5 * MIN,
    });
    expect(all.find((x) => x.id === 'heli')?.etaMinutes).toBeCloseTo(27.799, 2);
    expect(all.some((x) => x.id === 'car-old-ok')).toBe(false);
  });

  it('breaks ties: own centre first, then id', () => {
    const r = rankUnits(target, [unit('b', { own: false, lat: 60.1 }), unit('c', { lat: 60.1 }), unit('a', { lat: 60.1 })], { now: NOW });
    expect(r.map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });

  it('returns an empty list when nothing is free', () => {
    expect(rankUnits(target, [unit('x', { status: 'ON_SCENE' })], { now: NOW })).toEqual([]);
  });

  it('ranks 5,000 units in a few milliseconds', () => {
    const many: RankableUnit[] = [];
    for (let i = 0; i < 5000; i++) {
      many.push(
        unit(`u${i}`, {
          kind: i % 50 === 0 ? 'HELICOPTER' : 'AMBULANCE_CAR',
          status: i % 3 === 0 ? 'EN_ROUTE' : 'AVAILABLE_AT_STATION',
          lat: 58 + (i % 97) * 0.13,
          lon: 5 + (i % 89) * 0.2,
        }),
      );
    }
    // Speed is measured in `pnpm bench`; here: every available unit is ranked, in ETA order.
    const r = rankUnits(target, many, { now: NOW });
    expect(r.length).toBe(3333);
    for (let i = 1; i < r.length; i++) expect(r[i]!.etaMinutes).toBeGreaterThanOrEqual(r[i - 1]!.etaMinutes);
  });
});

describe('whyNotRanked — every unit left out has its reason', () => {
  const crewFails = unit('car-crew', { crewOk: false });
  it.each([
    ['car', null],
    ['heli', null],
    ['car-old-ok', null],
    ['car-stale', 'POSITION_STALE'],
    ['car-no-fix', 'POSITION_STALE'],
    ['car-no-pos', 'POSITION_STALE'],
    ['car-busy', 'ON_ANOTHER_MISSION'],
    ['car-alerted', 'ON_ANOTHER_MISSION'],
    ['car-oos', 'NOT_IN_SERVICE'],
    ['car-crew', 'CREW_FAILS_SECTION_11'],
  ])('%s → %s', (id, reason) => {
    const u = id === 'car-crew' ? crewFails : fleet.find((x) => x.id === id)!;
    expect(whyNotRanked(u, NOW)).toBe(reason);
    // the ranking agrees: ranked exactly when there is no reason
    expect(rankUnits(target, [u], { now: NOW }).length).toBe(reason === null ? 1 : 0);
  });

  it('a crew that fails § 11 is not ranked even at its station, and says so before a stale position', () => {
    const u = unit('x', { crewOk: false, positionAt: null, station: { lat: 60.1, lon: 10 } });
    expect(rankUnits(target, [u, unit('y', {})], { now: NOW }).map((r) => r.id)).toEqual(['y']);
    expect(whyNotRanked(u, NOW)).toBe('CREW_FAILS_SECTION_11');
    expect(whyNotRanked({ ...u, crewOk: true }, NOW)).toBeNull();
  });
});
