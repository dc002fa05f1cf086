// Major incidents (masseskadehendelse, § 15 o): the triage categories of Norwegian mass-casualty
// triage, the rules for changing a patient's category, and whether a transport to a hospital keeps
// within the capacity the hospital declared (§ 16: hospitals with acute functions are part of the
// chain, and AMK must not send them more than they said they can take).
import type { TriageCategory } from './vocabulary.js';

/** The categories a hospital declares capacity for: the dead are not taken to a hospital's emergency department. */
export const TRANSPORT_CATEGORIES = ['RED', 'YELLOW', 'GREEN'] as const satisfies readonly TriageCategory[];
export type TransportCategory = (typeof TRANSPORT_CATEGORIES)[number];

/** Norwegian words for the categories, for messages written to operators. */
export const TRIAGE_CATEGORY_NB: Readonly<Record<TriageCategory, string>> = { RED: 'rød', YELLOW: 'gul', GREEN: 'grønn', DEAD: 'død' };

/** How many patients of each category a hospital can receive. */
export type CategoryCapacity = Readonly<Record<TransportCategory, number>>;

export const isTransportCategory = (c: TriageCategory): c is TransportCategory => c !== 'DEAD';

export type MajorIncidentVerdict = { ok: true } | { ok: false; reason: string };

export interface CategoryChange {
  from: TriageCategory;
  to: TriageCategory;
  /** The patient has arrived at the hospital: the card is no longer the working record. */
  arrived: boolean;
  /** Why, when the operator gives one (needed to take a patient out of DØD). */
  reason?: string | null;
}

/**
 * Whether a patient's category may change. Re-triage goes both ways on the scene and during
 * transport (a patient can get worse or better); what is refused is a change that says nothing,
 * a change after arrival (the hospital triages from then on), and leaving DØD without a reason —
 * that is a correction of a grave mistake and must be explained in the log.
 */
export function categoryChangeVerdict(change: CategoryChange): MajorIncidentVerdict {
  if (change.from === change.to) return { ok: false, reason: `pasienten er allerede ${TRIAGE_CATEGORY_NB[change.to]}` };
  if (change.arrived) return { ok: false, reason: 'pasienten er kommet til sykehuset; sykehuset triagerer videre' };
  if (change.from === 'DEAD' && !change.reason?.trim())
    return { ok: false, reason: 'en pasient registrert som død endres bare med en begrunnelse' };
  return { ok: true };
}

/**
 * Whether a patient of this category may go to a hospital with this much left (declared minus
 * patients already destined there). Refused when the hospital declared nothing for the category
 * or has no room left; the service lets an operator override this with a reason (the operator
 * decides), but never for a dead patient.
 */
export function transportVerdict(
  category: TriageCategory,
  hospitalName: string,
  declared: CategoryCapacity,
  used: CategoryCapacity,
): MajorIncidentVerdict & { overridable: boolean } {
  if (!isTransportCategory(category))
    return { ok: false, overridable: false, reason: 'en død pasient fraktes ikke til sykehusets akuttmottak' };
  const word = TRIAGE_CATEGORY_NB[category];
  if (declared[category] <= 0)
    return { ok: false, overridable: true, reason: `${hospitalName} har ikke meldt kapasitet for ${word}e pasienter` };
  if (used[category] >= declared[category]) {
    return {
      ok: false,
      overridable: true,
      reason: `${hospitalName} har ikke mer kapasitet for ${word}e pasienter (${used[category]} av ${declared[category]} brukt)`,
    };
  }
  return { ok: true, overridable: false };
}
