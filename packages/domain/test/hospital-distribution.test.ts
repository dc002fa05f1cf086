import { describe, expect, it } from 'vitest';
import { proposeDistribution, type DistributionHospital, type DistributionPatient } from '../src/hospital-distribution.js';
import { TRANSPORT_CATEGORIES } from '../src/major-incident.js';
import type { TriageCategory } from '../src/vocabulary.js';

// A bus crash at Dale in Vaksdal, between Bergen and Voss (real approximate coordinates).
const SCENE = { lat: 60.585, lon: 5.82 };
const cap = (RED: number, YELLOW: number, GREEN: number) => ({ RED, YELLOW, GREEN });
const HOSPITALS: DistributionHospital[] = [
  { id: 'haukeland', lat: 60.3722, lon: 5.3597, remaining: cap(3, 6, 10) },
  { id: 'haraldsplass', lat: 60.3985, lon: 5.3446, remaining: cap(0, 3, 8) },
  { id: 'voss', lat: 60.6289, lon: 6.4106, remaining: cap(1, 2, 4) },
  { id: 'forde', lat: 61.4592, lon: 5.8708, remaining: cap(2, 4, 6) },
];
const patients = (spec: Partial<Record<TriageCategory, number>>): DistributionPatient[] =>
  Object.entries(spec).flatMap(([category, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${category}-${String(i).padStart(2, '0')}`, category: category as TriageCategory })),
  );

function loads(result: ReturnType<typeof proposeDistribution>, list: DistributionPatient[]) {
  const byPatient = new Map(list.map((p) => [p.id, p.category]));
  const count: Record<string, Record<string, number>> = {};
  for (const d of result.destinations) {
    const c = byPatient.get(d.patientId)!;
    count[d.hospitalId] ??= {};
    count[d.hospitalId]![c] = (count[d.hospitalId]![c] ?? 0) + 1;
  }
  return count;
}

describe('proposing destination hospitals', () => {
  it.each([
    ['a small crash', { RED: 2, YELLOW: 3, GREEN: 5 }],
    ['25 injured', { RED: 5, YELLOW: 8, GREEN: 10, DEAD: 2 }],
    ['more than the region declared', { RED: 9, YELLOW: 20, GREEN: 40, DEAD: 1 }],
  ])('%s: no hospital gets more than it declared, every patient is placed or listed', (_, spec) => {
    const list = patients(spec);
    const result = proposeDistribution(SCENE, list, HOSPITALS);
    const load = loads(result, list);
    for (const h of HOSPITALS) for (const c of TRANSPORT_CATEGORIES) expect(load[h.id]?.[c] ?? 0).toBeLessThanOrEqual(h.remaining[c]);
    const seen = [...result.destinations.map((d) => d.patientId), ...result.notPlaced.map((n) => n.patientId)].sort();
    expect(seen).toEqual(list.map((p) => p.id).sort());
  });

  it('sends red patients to the nearest hospital with room for red first, then the next nearest', () => {
    const list = patients({ RED: 5 });
    const result = proposeDistribution(SCENE, list, HOSPITALS);
    // From Dale: Voss (~33 km) is nearer than Haukeland (~35 km); Haraldsplass takes no red.
    expect(result.destinations.map((d) => d.hospitalId)).toEqual(['voss', 'haukeland', 'haukeland', 'haukeland', 'forde']);
    expect(result.destinations[0]!.distanceKm).toBeLessThan(result.destinations[1]!.distanceKm);
    expect(result.destinations[0]!.etaMinutes).toBeGreaterThan(0);
  });

  it('serves red before yellow and green: the sicker take the nearest beds', () => {
    const scarce: DistributionHospital[] = [
      { id: 'near', lat: 60.6, lon: 5.9, remaining: cap(1, 1, 1) },
      { id: 'far', lat: 61.4, lon: 5.9, remaining: cap(1, 1, 1) },
    ];
    // Ids chosen so that green would come first by id alone.
    const list: DistributionPatient[] = [
      { id: 'a-green', category: 'GREEN' },
      { id: 'b-yellow', category: 'YELLOW' },
      { id: 'c-red', category: 'RED' },
      { id: 'd-red', category: 'RED' },
    ];
    const result = proposeDistribution(SCENE, list, scarce);
    expect(result.destinations).toEqual([
      expect.objectContaining({ patientId: 'c-red', hospitalId: 'near' }),
      expect.objectContaining({ patientId: 'd-red', hospitalId: 'far' }),
      expect.objectContaining({ patientId: 'b-yellow', hospitalId: 'near' }),
      expect.objectContaining({ patientId: 'a-green', hospitalId: 'near' }),
    ]);
  });

  it('lists the dead and those without room as not placed, with why', () => {
    const list: DistributionPatient[] = [
      { id: 'p1', category: 'DEAD' },
      { id: 'p2', category: 'RED' },
      { id: 'p3', category: 'RED' },
    ];
    const result = proposeDistribution(SCENE, list, [{ id: 'voss', lat: 60.6289, lon: 6.4106, remaining: cap(1, 0, 0) }]);
    expect(result.destinations.map((d) => d.patientId)).toEqual(['p2']);
    expect(result.notPlaced).toEqual([
      { patientId: 'p3', reason: 'NO_CAPACITY' },
      { patientId: 'p1', reason: 'DEAD' },
    ]);
  });

  it('places nobody when no hospital declared anything, and never a negative or fractional capacity', () => {
    const odd: DistributionHospital[] = [{ id: 'x', lat: 60.4, lon: 5.3, remaining: cap(-2, 0.5, 0) }];
    const result = proposeDistribution(SCENE, patients({ RED: 1, YELLOW: 1, GREEN: 1 }), odd);
    expect(result.destinations).toEqual([]);
    expect(result.notPlaced.map((n) => n.reason)).toEqual(['NO_CAPACITY', 'NO_CAPACITY', 'NO_CAPACITY']);
  });

  it('is deterministic: the same input in any order gives the same proposal, and the input is not changed', () => {
    const list = patients({ RED: 4, YELLOW: 7, GREEN: 9, DEAD: 1 });
    const hospitalsBefore = structuredClone(HOSPITALS);
    const first = proposeDistribution(SCENE, list, HOSPITALS);
    const shuffled = proposeDistribution(SCENE, [...list].reverse(), [...HOSPITALS].reverse());
    expect(shuffled).toEqual(first);
    expect(proposeDistribution(SCENE, list, HOSPITALS)).toEqual(first);
    expect(HOSPITALS).toEqual(hospitalsBefore);
  });

  it('breaks a tie between equally near hospitals by id', () => {
    const twins: DistributionHospital[] = [
      { id: 'b', lat: 60.5, lon: 5.82, remaining: cap(1, 0, 0) },
      { id: 'a', lat: 60.5, lon: 5.82, remaining: cap(1, 0, 0) },
    ];
    expect(proposeDistribution(SCENE, patients({ RED: 1 }), twins).destinations[0]!.hospitalId).toBe('a');
  });
});
