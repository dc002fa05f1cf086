// Operator competence, akuttmedisinforskriften:
//   § 15 l (AMK): "bemannes med sykepleier eller ambulansearbeider som har gjennomført
//     tilleggsopplæring for arbeid som operatør".
//   § 13 f (LVS): "bemannes med personell med relevant helsefaglig utdanning på bachelornivå,
//     nødvendig klinisk praksis og gjennomført tilleggsopplæring for arbeid som operatør".
//   § 8: health personnel working with the doctor on call, "blant annet operatører av kommunale
//     legevaktsentraler, jf. § 13 bokstav f", must have done the course in emergency medicine and
//     the course in violence and abuse handling. § 8 names legevakt operators only, so AMK
//     operators are not held to it.
// Who is checked: only the roles that answer calls as operators (amk_operator, lv_operator).
// amk_doctor is not an operator under § 15 l (the AMK doctor is a separate § 15 function with its
// own requirements); supervisor, admin, auditor and responder do not take calls in this system.
// § 13 f asks for a health bachelor: a nurse or another health bachelor counts; an ambulance worker
// (a fagbrev, not a bachelor) counts only where § 15 l names it, at AMK.
import type { CentreKind, Education, Role } from './vocabulary.js';

export interface OperatorCompetence {
  education: Education;
  /** Completed tilleggsopplæring for arbeid som operatør; a date after `asOf` does not count yet. */
  operatorTrainingOn: Date | null;
  /** § 13 f "nødvendig klinisk praksis", attested by the employer (the law sets no length). */
  clinicalPracticeConfirmed: boolean;
  /** § 8 kurs i akuttmedisin. */
  emergencyCourseOn: Date | null;
  /** § 8 kurs i volds- og overgrepshåndtering. */
  violenceCourseOn: Date | null;
}

export interface CompetenceResult {
  ok: boolean;
  /** Norwegian, one line per missing requirement, each naming its paragraph. */
  problems: string[];
}

/** Roles that answer and register calls as operators, and so must meet § 15 l / § 13 f. */
export const COMPETENCE_CHECKED_ROLES: readonly Role[] = ['amk_operator', 'lv_operator'];

export function competenceChecked(role: Role): boolean {
  return COMPETENCE_CHECKED_ROLES.includes(role);
}

const done = (d: Date | null, asOf: Date) => d !== null && d.getTime() <= asOf.getTime();

/** Whether a user meets the staffing paragraph of their centre kind. Unchecked roles always do. */
export function assessCompetence(role: Role, centreKind: CentreKind, c: OperatorCompetence, asOf: Date): CompetenceResult {
  if (!competenceChecked(role)) return { ok: true, problems: [] };
  const problems: string[] = [];
  if (centreKind === 'AMK') {
    if (c.education !== 'NURSE' && c.education !== 'AMBULANCE_WORKER') {
      problems.push('§ 15 l: operatøren må være sykepleier eller ambulansearbeider.');
    }
    if (!done(c.operatorTrainingOn, asOf)) {
      problems.push('§ 15 l: tilleggsopplæring for arbeid som operatør er ikke registrert som gjennomført.');
    }
  } else {
    if (c.education !== 'NURSE' && c.education !== 'OTHER_HEALTH_BACHELOR') {
      problems.push('§ 13 f: operatøren må ha relevant helsefaglig utdanning på bachelornivå.');
    }
    if (!c.clinicalPracticeConfirmed) {
      problems.push('§ 13 f: nødvendig klinisk praksis er ikke bekreftet.');
    }
    if (!done(c.operatorTrainingOn, asOf)) {
      problems.push('§ 13 f: tilleggsopplæring for arbeid som operatør er ikke registrert som gjennomført.');
    }
    if (!done(c.emergencyCourseOn, asOf)) problems.push('§ 8: kurs i akuttmedisin er ikke registrert som gjennomført.');
    if (!done(c.violenceCourseOn, asOf)) problems.push('§ 8: kurs i volds- og overgrepshåndtering er ikke registrert som gjennomført.');
  }
  return { ok: problems.length === 0, problems };
}
