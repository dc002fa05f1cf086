// The refusal when nobody can be alerted: who was left out and why (too far, or not before the
// ambulance), counted, in the reader's language with its own decimal sign.
import { unprocessableEntity } from '../../lib/http-error.js';
import type { Reach } from './eligibility.js';

const km = (n: number) => {
  const rounded = String(Math.round(n * 10) / 10);
  return { nb: rounded.replace('.', ','), en: rounded };
};

export function noneNearby(reach: Reach | null) {
  if (reach?.tooFar && reach.notBeforeAmbulance)
    return unprocessableEntity('akutthjelper.noneNearbyBoth', {
      far: reach.tooFar,
      km: km(reach.maxRoadKm),
      late: reach.notBeforeAmbulance,
    });
  if (reach?.tooFar) return unprocessableEntity('akutthjelper.noneNearbyTooFar', { n: reach.tooFar, km: km(reach.maxRoadKm) });
  if (reach?.notBeforeAmbulance) return unprocessableEntity('akutthjelper.noneNearbyLate', { n: reach.notBeforeAmbulance });
  return unprocessableEntity('akutthjelper.noneNearby');
}
