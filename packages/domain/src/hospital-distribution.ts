// Proposing a destination hospital for each patient of a major incident (§ 15 o, § 16). The operator
// decides; this only spreads the patients so that no hospital gets more than it declared, and
// gives the sickest the shortest ride:
//   1. patients in order of need: RED, then YELLOW, then GREEN; within a category by id, so the
//      same input always gives the same proposal;
//   2. each to the nearest hospital (by estimated road time from the scene) that still has room
//      for its category; ties by hospital id;
//   3. whoever finds no room is listed as not placed, with why. The dead are not placed at all.
import { DEFAULT_SPEEDS_KMH } from './eta.js';
import { haversineKm } from './geo.js';
import { TRANSPORT_CATEGORIES, type CategoryCapacity, type TransportCategory } from './major-incident.js';
import type { LatLon, TriageCategory } from './vocabulary.js';

export interface DistributionPatient {
  id: string;
  category: TriageCategory;
}

export interface DistributionHospital extends LatLon {
  id: string;
  /** What it can still take per category (declared minus patients already destined there). */
  remaining: CategoryCapacity;
}

export interface ProposedDestination {
  patientId: string;
  hospitalId: string;
  distanceKm: number;
  etaMinutes: number;
}

export type NotPlacedReason = 'DEAD' | 'NO_CAPACITY';

export interface Distribution {
  destinations: ProposedDestination[];
  notPlaced: { patientId: string; reason: NotPlacedReason }[];
}

/** Roads are about 30 % longer than the crow flies (as in the unit ranking, eta.ts). */
const ROAD_FACTOR = 1.3;
const MINUTES_PER_KM = (ROAD_FACTOR * 60) / DEFAULT_SPEEDS_KMH.AMBULANCE_CAR;

const NEED: Readonly<Record<TriageCategory, number>> = { RED: 0, YELLOW: 1, GREEN: 2, DEAD: 3 };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function proposeDistribution(
  scene: LatLon,
  patients: readonly DistributionPatient[],
  hospitals: readonly DistributionHospital[],
): Distribution {
  const nearestFirst = hospitals
    .map((h) => ({ hospital: h, distanceKm: haversineKm(scene, h) }))
    .sort((a, b) => a.distanceKm - b.distanceKm || byId(a.hospital, b.hospital));
  // A working copy: the caller's capacities are never changed.
  const left = new Map(
    hospitals.map((h) => [
      h.id,
      Object.fromEntries(TRANSPORT_CATEGORIES.map((c) => [c, Math.max(0, Math.floor(h.remaining[c]))])) as Record<
        TransportCategory,
        number
      >,
    ]),
  );

  const result: Distribution = { destinations: [], notPlaced: [] };
  const inOrder = [...patients].sort((a, b) => NEED[a.category] - NEED[b.category] || byId(a, b));
  for (const p of inOrder) {
    if (p.category === 'DEAD') {
      result.notPlaced.push({ patientId: p.id, reason: 'DEAD' });
      continue;
    }
    const category = p.category;
    const found = nearestFirst.find(({ hospital }) => (left.get(hospital.id)?.[category] ?? 0) > 0);
    if (!found) {
      result.notPlaced.push({ patientId: p.id, reason: 'NO_CAPACITY' });
      continue;
    }
    const room = left.get(found.hospital.id)!;
    room[category] -= 1;
    result.destinations.push({
      patientId: p.id,
      hospitalId: found.hospital.id,
      distanceKm: found.distanceKm,
      etaMinutes: found.distanceKm * MINUTES_PER_KM,
    });
  }
  return result;
}

/**
 * The centres whose hospitals take a major incident's patients: the declaring AMK's own (the
 * hospitals of its HF, those alerted on declaration) and those of the neighbouring AMKs alerted
 * with it, which co-operate on the incident. A hospital of any other centre is never proposed;
 * the operator may still send a patient there (a national burn or trauma centre), with a reason.
 */
export const distributionCentreIds = (incident: { centreId: string; sharedWithCentreIds: readonly string[] }): string[] => [
  incident.centreId,
  ...incident.sharedWithCentreIds,
];
