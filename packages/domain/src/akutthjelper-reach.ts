// Which akutthjelpere are worth alerting: those who can plausibly arrive before the ambulance.
// An akutthjelper's use is first aid until health personnel arrive (the national guide); one who
// arrives after the ambulance adds a car to the scene and nothing to the patient. Two limits, as
// Hjerteløber uses them:
//   - within a distance by road (default 5 km; a road estimate: straight line × road factor);
//   - an estimated arrival earlier than the first dispatched ambulance's, when one is dispatched
//     with an estimate (no ambulance, or none with a position: the distance limit alone).
// The members left out are counted by reason so the operator sees why they were not proposed.
import { DEFAULT_ROAD_FACTOR } from './eta.js';

export const DEFAULT_AKUTTHJELPER_MAX_ROAD_KM = 5;
/** A member on the way in their own car or the fire engine, town and country mixed. */
export const RESPONDER_SPEED_KMH = 50;
/** From the alert on the phone to leaving (dressing, reaching the car). */
export const RESPONDER_TURNOUT_MIN = 2;

export interface ReachOptions {
  /** The limit by road, km (a setting of the AMK centre). */
  maxRoadKm: number;
  /** The first dispatched ambulance's estimated minutes to the patient; null when none is known. */
  ambulanceEtaMinutes: number | null;
  roadFactor?: number;
  speedKmh?: number;
  turnoutMin?: number;
}

export interface Reached<T> {
  /** Proposed members, in the order given, with their road estimate and minutes to the patient. */
  proposed: (T & { roadKm: number; etaMinutes: number })[];
  tooFar: number;
  notBeforeAmbulance: number;
  /** In Norwegian, one line per reason with members left out, e.g. "3 lenger unna enn 5 km". */
  reasons: string[];
}

const nbKm = (km: number) => String(Math.round(km * 10) / 10).replace('.', ',');

export function limitByReach<T extends { distanceKm: number }>(ranked: readonly T[], opts: ReachOptions): Reached<T> {
  const factor = opts.roadFactor ?? DEFAULT_ROAD_FACTOR;
  const speed = opts.speedKmh ?? RESPONDER_SPEED_KMH;
  const turnout = opts.turnoutMin ?? RESPONDER_TURNOUT_MIN;
  const proposed: Reached<T>['proposed'] = [];
  let tooFar = 0;
  let notBeforeAmbulance = 0;
  for (const m of ranked) {
    const roadKm = m.distanceKm * factor;
    const etaMinutes = turnout + (roadKm / speed) * 60;
    // One reason per member: the distance first, as the operator reads it.
    if (roadKm > opts.maxRoadKm) tooFar++;
    else if (opts.ambulanceEtaMinutes !== null && etaMinutes >= opts.ambulanceEtaMinutes) notBeforeAmbulance++;
    else proposed.push({ ...m, roadKm, etaMinutes });
  }
  const reasons = [
    ...(tooFar ? [`${tooFar} lenger unna enn ${nbKm(opts.maxRoadKm)} km`] : []),
    ...(notBeforeAmbulance ? [`${notBeforeAmbulance} kommer ikke før ambulansen`] : []),
  ];
  return { proposed, tooFar, notBeforeAmbulance, reasons };
}
