import { describe, expect, it } from 'vitest';
import { DEFAULT_AKUTTHJELPER_MAX_ROAD_KM, limitByReach, travelMinutes } from '../src/index.js';

// Straight-line distances; by road ×1.3; a member needs 2 min + road km at 50 km/h.
//   1 km → 1.3 km road → 3.56 min;  3 km → 3.9 km → 6.68 min;  3.8 km → 4.94 km → 7.93 min;
//   3.9 km → 5.07 km (beyond 5 km);  10 km → 13 km.
const members = [1, 3, 3.8, 3.9, 10].map((distanceKm) => ({ id: `m${distanceKm}`, distanceKm }));

describe('limitByReach — distance by road × the first ambulance’s ETA', () => {
  it.each([
    [
      'no ambulance: the 5 km road limit alone',
      { maxRoadKm: 5, ambulanceEtaMinutes: null },
      ['m1', 'm3', 'm3.8'],
      2,
      0,
      ['2 lenger unna enn 5 km'],
    ],
    [
      'ambulance in 7 min: only those before it',
      { maxRoadKm: 5, ambulanceEtaMinutes: 7 },
      ['m1', 'm3'],
      2,
      1,
      ['2 lenger unna enn 5 km', '1 kommer ikke før ambulansen'],
    ],
    [
      'ambulance on scene (0 min): nobody',
      { maxRoadKm: 5, ambulanceEtaMinutes: 0 },
      [],
      2,
      3,
      ['2 lenger unna enn 5 km', '3 kommer ikke før ambulansen'],
    ],
    ['arriving at the same minute is not before', { maxRoadKm: 5, ambulanceEtaMinutes: 2 + (1.3 / 50) * 60 }, [], 2, 3, expect.any(Array)],
    [
      'a centre that allows 15 km, ambulance far away',
      { maxRoadKm: 15, ambulanceEtaMinutes: 40 },
      ['m1', 'm3', 'm3.8', 'm3.9', 'm10'],
      0,
      0,
      [],
    ],
    ['2.5 km limit, written the Norwegian way', { maxRoadKm: 2.5, ambulanceEtaMinutes: null }, ['m1'], 4, 0, ['4 lenger unna enn 2,5 km']],
    ['too far counts before too late', { maxRoadKm: 2, ambulanceEtaMinutes: 1 }, [], 4, 1, expect.any(Array)],
  ] as const)('%s', (_name, opts, ids, tooFar, late, reasons) => {
    const r = limitByReach(members, opts);
    expect(r.proposed.map((m) => m.id)).toEqual(ids);
    expect(r.tooFar).toBe(tooFar);
    expect(r.notBeforeAmbulance).toBe(late);
    expect(r.reasons).toEqual(reasons);
    expect(r.tooFar + r.notBeforeAmbulance + r.proposed.length).toBe(members.length);
  });

  it('keeps the order and gives each proposed member its road estimate and minutes', () => {
    const r = limitByReach(members, { maxRoadKm: DEFAULT_AKUTTHJELPER_MAX_ROAD_KM, ambulanceEtaMinutes: null });
    expect(r.proposed[0]).toMatchObject({ id: 'm1', distanceKm: 1 });
    expect(r.proposed[0]!.roadKm).toBeCloseTo(1.3, 5);
    expect(r.proposed[0]!.etaMinutes).toBeCloseTo(3.56, 2);
  });
});

describe('travelMinutes — the estimate rankUnits ranks by, for one unit', () => {
  it.each([
    ['AMBULANCE_CAR', 10, (10 * 1.3 * 60) / 70],
    ['AMBULANCE_BOAT', 10, (10 * 1.2 * 60) / 40],
    ['HELICOPTER', 22, 5 + (22 * 60) / 220],
    ['PLANE', 0, 10],
  ] as const)('%s over %d km', (kind, km, minutes) => {
    expect(travelMinutes(kind, km)).toBeCloseTo(minutes, 6);
  });
});
