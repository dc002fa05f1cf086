// The unit status state machine: which status changes a crew (or the operator on its behalf)
// may report. § 15 h–i: AMK coordinates and follows ambulance missions and keeps an overview of
// preparedness, so the board must never show a sequence that cannot have happened
// (e.g. a patient transported by a unit that was never on scene).
import type { UnitStatus } from './vocabulary.js';

export type Locale = 'nb' | 'en';

const LABELS: Record<UnitStatus, { nb: string; en: string }> = {
  AVAILABLE_AT_STATION: { nb: 'Ledig på stasjon', en: 'Available at station' },
  AVAILABLE_ON_THE_MOVE: { nb: 'Ledig ute', en: 'Available on the move' },
  ALERTED: { nb: 'Varslet', en: 'Alerted' },
  EN_ROUTE: { nb: 'På vei', en: 'En route' },
  ON_SCENE: { nb: 'På stedet', en: 'On scene' },
  TRANSPORTING: { nb: 'Transporterer pasient', en: 'Transporting patient' },
  AT_HOSPITAL: { nb: 'Ankommet sykehus', en: 'At hospital' },
  UNAVAILABLE: { nb: 'Utilgjengelig', en: 'Unavailable' },
  OUT_OF_SERVICE: { nb: 'Ute av drift', en: 'Out of service' },
};

export function statusLabel(status: UnitStatus, locale: Locale = 'nb'): string {
  return LABELS[status][locale];
}

/** Free to take a new mission: the only statuses the recommendation and coverage count. */
export function isAvailable(status: UnitStatus): boolean {
  return status === 'AVAILABLE_AT_STATION' || status === 'AVAILABLE_ON_THE_MOVE';
}

/** On a mission: from alerted until it is reported free again. */
export const ON_MISSION_STATUSES = [
  'ALERTED',
  'EN_ROUTE',
  'ON_SCENE',
  'TRANSPORTING',
  'AT_HOSPITAL',
] as const satisfies readonly UnitStatus[];

export function isOnMission(status: UnitStatus): boolean {
  return (ON_MISSION_STATUSES as readonly UnitStatus[]).includes(status);
}

/** Arrived at the patient: on scene, or later in the mission. */
export const ARRIVED_STATUSES = ['ON_SCENE', 'TRANSPORTING', 'AT_HOSPITAL'] as const satisfies readonly UnitStatus[];

export function hasArrived(status: UnitStatus): boolean {
  return (ARRIVED_STATUSES as readonly UnitStatus[]).includes(status);
}

/**
 * Allowed next statuses. UNAVAILABLE and OUT_OF_SERVICE are reachable from everywhere (added
 * below): a vehicle can break down or a crew member fall ill in the middle of anything.
 */
const NEXT: Record<UnitStatus, readonly UnitStatus[]> = {
  AVAILABLE_AT_STATION: ['ALERTED', 'AVAILABLE_ON_THE_MOVE'],
  // ON_SCENE directly: a crew on the road comes upon an accident and stops (self-dispatch).
  AVAILABLE_ON_THE_MOVE: ['ALERTED', 'AVAILABLE_AT_STATION', 'ON_SCENE'],
  // Back to available: stood down before leaving. ON_SCENE directly: the crew forgot to press
  // "på vei"; refusing the arrival would lose a real time, so it is accepted.
  ALERTED: ['EN_ROUTE', 'ON_SCENE', 'AVAILABLE_AT_STATION', 'AVAILABLE_ON_THE_MOVE'],
  // ALERTED again: re-tasked (omdisponert) to a more urgent mission on the way.
  EN_ROUTE: ['ON_SCENE', 'ALERTED', 'AVAILABLE_AT_STATION', 'AVAILABLE_ON_THE_MOVE'],
  // Available without transport: patient treated and left at home, or taken over by another unit.
  ON_SCENE: ['TRANSPORTING', 'AVAILABLE_ON_THE_MOVE'],
  // Available on the move: patient handed over to another unit at a meeting point (e.g. helicopter).
  TRANSPORTING: ['AT_HOSPITAL', 'AVAILABLE_ON_THE_MOVE'],
  // TRANSPORTING again: the hospital redirects the patient onward (e.g. to a PCI centre).
  AT_HOSPITAL: ['AVAILABLE_ON_THE_MOVE', 'TRANSPORTING'],
  UNAVAILABLE: ['AVAILABLE_AT_STATION', 'AVAILABLE_ON_THE_MOVE'],
  // Back in service only at the station, where the crew is checked (§ 11) before going on duty.
  OUT_OF_SERVICE: ['AVAILABLE_AT_STATION'],
};

export type TransitionResult = { ok: true } | { ok: false; code: 'TRANSITION_NOT_ALLOWED'; hint: TransitionHint; reason: string };

/** Why a change is refused, phrased as what has to happen first: a code the server's catalogue words in the reader's language, and the bokmål text below. */
export type TransitionHint =
  | 'OUT_OF_SERVICE'
  | 'MUST_BE_AVAILABLE'
  | 'ALERT_FIRST'
  | 'ALERT_TO_MISSION_FIRST'
  | 'ON_SCENE_FIRST'
  | 'TRANSPORT_FIRST'
  | 'DRIVE_BACK_FIRST'
  | 'FINISH_MISSION_FIRST'
  | 'NOT_ALLOWED';

const HINT_TEXT: Record<TransitionHint, string> = {
  OUT_OF_SERVICE: 'en enhet som er ute av drift må først meldes ledig på stasjon, der bemanningen kontrolleres.',
  MUST_BE_AVAILABLE: 'enheten må være ledig for å kunne varsles.',
  ALERT_FIRST: 'enheten må først varsles.',
  ALERT_TO_MISSION_FIRST: 'enheten må først varsles til oppdraget.',
  ON_SCENE_FIRST: 'enheten må først være på stedet.',
  TRANSPORT_FIRST: 'enheten må først transportere pasient.',
  DRIVE_BACK_FIRST: 'enheten må først meldes ledig ute og kjøre tilbake til stasjonen.',
  FINISH_MISSION_FIRST: 'enheten må først avslutte oppdraget.',
  NOT_ALLOWED: 'denne statusendringen er ikke tillatt.',
};

function hint(from: UnitStatus, to: UnitStatus): TransitionHint {
  if (from === 'OUT_OF_SERVICE') return 'OUT_OF_SERVICE';
  switch (to) {
    case 'ALERTED':
      return 'MUST_BE_AVAILABLE';
    case 'EN_ROUTE':
      return 'ALERT_FIRST';
    case 'ON_SCENE':
      return 'ALERT_TO_MISSION_FIRST';
    case 'TRANSPORTING':
      return 'ON_SCENE_FIRST';
    case 'AT_HOSPITAL':
      return 'TRANSPORT_FIRST';
    case 'AVAILABLE_AT_STATION':
      return from === 'TRANSPORTING' || from === 'AT_HOSPITAL' || from === 'ON_SCENE' ? 'DRIVE_BACK_FIRST' : 'FINISH_MISSION_FIRST';
    case 'AVAILABLE_ON_THE_MOVE':
      return 'FINISH_MISSION_FIRST';
    default:
      return 'NOT_ALLOWED';
  }
}

export function canTransition(from: UnitStatus, to: UnitStatus): TransitionResult {
  if (from === to) return { ok: true }; // repeated button press: a no-op, not an error
  if (to === 'UNAVAILABLE' && from !== 'OUT_OF_SERVICE') return { ok: true };
  if (to === 'OUT_OF_SERVICE') return { ok: true };
  if (NEXT[from].includes(to)) return { ok: true };
  return {
    ok: false,
    code: 'TRANSITION_NOT_ALLOWED',
    hint: hint(from, to),
    reason: `Kan ikke gå fra «${statusLabel(from)}» til «${statusLabel(to)}»: ${HINT_TEXT[hint(from, to)]}`,
  };
}

/**
 * Where a unit goes when its mission is closed or cancelled under it: free at the station if it
 * had not left (alerted only), free on the move if it had (en route, on scene, transporting, at
 * hospital). null: the unit is already free, or unavailable/out of service and stays so.
 * Every answer is a change the status machine allows.
 */
export function releaseStatus(from: UnitStatus): UnitStatus | null {
  switch (from) {
    case 'ALERTED':
      return 'AVAILABLE_AT_STATION';
    case 'EN_ROUTE':
    case 'ON_SCENE':
    case 'TRANSPORTING':
    case 'AT_HOSPITAL':
      return 'AVAILABLE_ON_THE_MOVE';
    default:
      return null;
  }
}
