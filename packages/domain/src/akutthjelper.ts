// Akutthjelper (first responders from the fire service — BRANN — or voluntary rescue
// organisations — FORF), per akuttmedisinforskriften § 5 and Helsedirektoratet's
// "Nasjonal veileder for akutthjelperordningen":
//  - an akutthjelper mission is one where AMK alerts them; it must be defined by AMK as such;
//  - only for hjertestans, bevisstløshet/nedsatt bevissthet, stor ytre blødning and fare for
//    generell nedkjøling;
//  - only under a written agreement between the akutthjelper unit, the kommuner it serves and the
//    hospital trust (in force, covering the patient's kommune and the event type);
//  - help asked of these organisations outside the scheme is not an akutthjelper mission but
//    "bistand helse" / "bistand kommune", counted apart — so when the scheme says no, the operator
//    is offered that instead.
import { haversineKmRaw } from './geo.js';
import type { CentreKind, IsoDate, LatLon, Role } from './vocabulary.js';

export type AkutthjelperEventType = 'HJERTESTANS' | 'BEVISSTLOSHET' | 'STOR_YTRE_BLODNING' | 'GENERELL_NEDKJOLING';

export const AKUTTHJELPER_EVENT_TYPES: readonly AkutthjelperEventType[] = [
  'HJERTESTANS',
  'BEVISSTLOSHET',
  'STOR_YTRE_BLODNING',
  'GENERELL_NEDKJOLING',
];

export const AKUTTHJELPER_EVENT_LABELS: Readonly<Record<AkutthjelperEventType, string>> = {
  HJERTESTANS: 'Hjertestans',
  BEVISSTLOSHET: 'Bevisstløshet / nedsatt bevissthet',
  STOR_YTRE_BLODNING: 'Stor ytre blødning',
  GENERELL_NEDKJOLING: 'Fare for generell nedkjøling',
};

export function isAkutthjelperEventType(value: string | null): value is AkutthjelperEventType {
  return value !== null && (AKUTTHJELPER_EVENT_TYPES as readonly string[]).includes(value);
}

export interface AkutthjelperAgreement {
  validFrom: IsoDate;
  /** Last day the agreement is in force (inclusive); null = until further notice. */
  validTo: IsoDate | null;
  /** Kommunenummer covered, e.g. '4601'. */
  kommuner: readonly string[];
  eventTypes: readonly string[];
}

export interface AkutthjelperAlertRequest {
  actorRole: Role;
  actorCentreKind: CentreKind;
  eventType: string | null;
  patientKommune: string | null;
  today: IsoDate;
  agreement: AkutthjelperAgreement;
  /**
   * The main rule (`som hovedregel`: the four event types) is overridden with a stated reason by
   * someone who may (see mayOverrideMainRule). The agreement must still be in force and cover the
   * kommune; the four-types rule and the agreement's list of those types are what it lifts.
   */
  overrideMainRule?: boolean;
}

export type AkutthjelperRefusalCode =
  | 'NOT_AMK'
  | 'EVENT_TYPE_NOT_COVERED_BY_SCHEME'
  | 'AGREEMENT_NOT_VALID'
  | 'KOMMUNE_NOT_COVERED'
  | 'EVENT_TYPE_NOT_IN_AGREEMENT'
  | 'NO_KOMMUNE';

export type AkutthjelperAlertResult =
  | { ok: true }
  | {
      ok: false;
      code: AkutthjelperRefusalCode;
      /** Norwegian, in words, for the operator. */
      reason: string;
      /** Offer a "bistand helse" / "bistand kommune" request instead (outside the scheme). */
      offerBistand: boolean;
    };

const ALERTING_ROLES: readonly Role[] = ['amk_operator', 'amk_doctor'];

/**
 * Who may alert akutthjelpere for an event type outside the four: the guide makes the four the
 * main rule, not a wall. An AMK doctor, or an AMK operator, and always with a stated reason (the
 * reason is what the audit log and the report keep). Never an LVS: only AMK alerts at all.
 */
export function mayOverrideMainRule(role: Role, centreKind: CentreKind): boolean {
  return centreKind === 'AMK' && ALERTING_ROLES.includes(role);
}

/** The label an operator sees for an event type, also for one outside the four (as typed). */
export function akutthjelperEventLabel(eventType: string | null): string {
  if (eventType === null) return 'Akutthjelperoppdrag';
  return isAkutthjelperEventType(eventType) ? AKUTTHJELPER_EVENT_LABELS[eventType] : eventType;
}

const SCHEME_LIST = 'hjertestans, bevisstløshet/nedsatt bevissthet, stor ytre blødning eller fare for generell nedkjøling';
const BISTAND_HINT = 'Du kan be om bistand (bistand helse / bistand kommune) i stedet.';

function refuse(code: AkutthjelperRefusalCode, reason: string, offerBistand = true): AkutthjelperAlertResult {
  return { ok: false, code, reason, offerBistand };
}

/** Checks, in the order an operator would want to hear them, whether AMK may alert akutthjelpere. */
export function checkAkutthjelperAlert(req: AkutthjelperAlertRequest): AkutthjelperAlertResult {
  if (req.actorCentreKind !== 'AMK' || !ALERTING_ROLES.includes(req.actorRole)) {
    // Not a scheme refusal: the call itself belongs at AMK, so no bistand offer here.
    return refuse('NOT_AMK', 'Bare AMK (AMK-operatør eller AMK-lege) kan varsle akutthjelpere. Overfør henvendelsen til AMK.', false);
  }
  if (req.eventType === null) {
    return refuse(
      'EVENT_TYPE_NOT_COVERED_BY_SCHEME',
      `Velg hendelsestype først. Akutthjelpere varsles bare ved ${SCHEME_LIST}. ${BISTAND_HINT}`,
    );
  }
  const outsideByOverride = !isAkutthjelperEventType(req.eventType) && !!req.overrideMainRule;
  if (!isAkutthjelperEventType(req.eventType) && !outsideByOverride) {
    return refuse(
      'EVENT_TYPE_NOT_COVERED_BY_SCHEME',
      `Hendelsen er ikke en akutthjelperhendelse. Akutthjelpere varsles bare ved ${SCHEME_LIST}. ${BISTAND_HINT}`,
    );
  }
  const { agreement, today } = req;
  if (today < agreement.validFrom) {
    return refuse('AGREEMENT_NOT_VALID', `Akutthjelperavtalen gjelder først fra ${agreement.validFrom}. ${BISTAND_HINT}`);
  }
  if (agreement.validTo !== null && today > agreement.validTo) {
    return refuse('AGREEMENT_NOT_VALID', `Akutthjelperavtalen gikk ut ${agreement.validTo}. ${BISTAND_HINT}`);
  }
  if (req.patientKommune === null) {
    return refuse(
      'NO_KOMMUNE',
      `Pasientens kommune er ikke kjent, så det kan ikke avgjøres om avtalen dekker stedet. Angi kommune. ${BISTAND_HINT}`,
    );
  }
  if (!agreement.kommuner.includes(req.patientKommune)) {
    return refuse('KOMMUNE_NOT_COVERED', `Akutthjelperavtalen dekker ikke kommune ${req.patientKommune}. ${BISTAND_HINT}`);
  }
  if (outsideByOverride) return { ok: true };
  if (isAkutthjelperEventType(req.eventType) && !agreement.eventTypes.includes(req.eventType)) {
    return refuse(
      'EVENT_TYPE_NOT_IN_AGREEMENT',
      `Akutthjelperavtalen omfatter ikke «${AKUTTHJELPER_EVENT_LABELS[req.eventType]}». ${BISTAND_HINT}`,
    );
  }
  return { ok: true };
}

export interface AkutthjelperMember {
  id: string;
  lat: number | null;
  lon: number | null;
  onDuty: boolean;
  /** Last day the first-aid training is valid (inclusive); null = no valid training recorded. */
  trainingValidUntil: IsoDate | null;
}

export interface RankedResponder {
  id: string;
  distanceKm: number;
}

export interface RankRespondersOptions {
  /** Leave out members farther away than this. Default: no limit. */
  maxKm?: number;
  limit?: number;
}

/**
 * Members who can be alerted, nearest first. Off-duty members and members whose training has
 * expired are never alerted: the guide sets a minimum competence for the scheme.
 */
export function rankResponders(
  patient: LatLon,
  members: readonly AkutthjelperMember[],
  today: IsoDate,
  options: RankRespondersOptions = {},
): RankedResponder[] {
  const maxKm = options.maxKm ?? Infinity;
  const ranked: RankedResponder[] = [];
  for (const m of members) {
    if (!m.onDuty || m.trainingValidUntil === null || m.trainingValidUntil < today) continue;
    if (m.lat === null || m.lon === null) continue;
    const distanceKm = haversineKmRaw(patient.lat, patient.lon, m.lat, m.lon);
    if (distanceKm <= maxKm) ranked.push({ id: m.id, distanceKm });
  }
  ranked.sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}
