// § 7 akuttmedisinforskriften: who may be doctor on call (lege i vakt) alone, without a qualified
// backup doctor (bakvakt). Verbatim conditions:
//   a) specialist in general practice (spesialist i allmennmedisin) AND course in violence and
//      abuse handling (kurs i volds- og overgrepshåndtering) — § 7 a does NOT require the
//      emergency medicine course;
//   b) approved GP (godkjent allmennlege, forskrift om veiledet tjeneste § 3 a etc.) AND
//      (40 legevakter OR one year as GP in the municipal health service) AND both courses
//      (akuttmedisin + volds- og overgrepshåndtering).
// Second paragraph: the kommune must arrange a backup for doctors who do not qualify, and the
// backup doctor must meet the same requirements. Third paragraph: the statsforvalter (formerly
// fylkesmannen) may grant an exemption, never for backup doctors.

export interface DoctorCompetence {
  specialistGeneralPractice: boolean;
  approvedGeneralPractitioner: boolean;
  /** Number of legevakt watches done. */
  legevaktWatches: number;
  /** Months worked as GP in the municipal health and care service. */
  monthsAsMunicipalGp: number;
  courseEmergencyMedicine: boolean;
  courseViolenceAndAbuse: boolean;
  /** § 7 third paragraph: exemption granted by the statsforvalter for this doctor (vikariat ≤ 2 months). */
  statsforvalterExemption?: boolean;
}

export interface AloneOnCallResult {
  ok: boolean;
  /** Norwegian: why the doctor may be alone, or everything missing if not. */
  reasons: string[];
}

export const REQUIRED_WATCHES = 40;
export const REQUIRED_MONTHS = 12;

/** Meets § 7 first paragraph (a or b), ignoring exemptions — also the bar for a backup doctor. */
function meetsFirstParagraph(d: DoctorCompetence): AloneOnCallResult {
  if (d.specialistGeneralPractice && d.courseViolenceAndAbuse) {
    return { ok: true, reasons: ['Spesialist i allmennmedisin med kurs i volds- og overgrepshåndtering (§ 7 a).'] };
  }
  const experienced = d.legevaktWatches >= REQUIRED_WATCHES || d.monthsAsMunicipalGp >= REQUIRED_MONTHS;
  if (d.approvedGeneralPractitioner && experienced && d.courseEmergencyMedicine && d.courseViolenceAndAbuse) {
    return {
      ok: true,
      reasons: ['Godkjent allmennlege med nok legevakterfaring og kurs i akuttmedisin og volds- og overgrepshåndtering (§ 7 b).'],
    };
  }

  const missing: string[] = [];
  if (d.specialistGeneralPractice) {
    missing.push('Spesialist i allmennmedisin, men mangler kurs i volds- og overgrepshåndtering (§ 7 a).');
  } else if (!d.approvedGeneralPractitioner) {
    missing.push('Er verken spesialist i allmennmedisin eller godkjent allmennlege (§ 7 a og b).');
  } else {
    if (!experienced)
      missing.push(
        `Har ${d.legevaktWatches} av ${REQUIRED_WATCHES} legevakter og ${d.monthsAsMunicipalGp} av ${REQUIRED_MONTHS} måneder som allmennlege i kommunen (§ 7 b).`,
      );
    if (!d.courseEmergencyMedicine) missing.push('Mangler kurs i akuttmedisin (§ 7 b).');
    if (!d.courseViolenceAndAbuse) missing.push('Mangler kurs i volds- og overgrepshåndtering (§ 7 b).');
  }
  return { ok: false, reasons: missing };
}

export function mayBeAloneOnCall(doctor: DoctorCompetence): AloneOnCallResult {
  const result = meetsFirstParagraph(doctor);
  if (result.ok || !doctor.statsforvalterExemption) return result;
  return { ok: true, reasons: ['Statsforvalteren har gitt unntak fra kompetansekravene (§ 7 tredje ledd).', ...result.reasons] };
}

/**
 * § 7 third paragraph: the statsforvalter may exempt a doctor who takes up a temporary post
 * (vikariat) of at most two months; never a backup doctor. Stored with its reference and the
 * post's first and last day (YYYY-MM-DD, Norwegian calendar).
 */
export interface Section7Exemption {
  reference: string;
  validFrom: string;
  validTo: string;
}

export const EXEMPTION_MAX_MONTHS = 2;

/** Why an exemption cannot be as stated, in Norwegian; null when it can. */
export function exemptionProblem(e: Pick<Section7Exemption, 'validFrom' | 'validTo'>): string | null {
  if (e.validTo < e.validFrom) return 'Unntaket slutter før det begynner.';
  const [y, m, d] = e.validFrom.split('-').map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y, m - 1 + EXEMPTION_MAX_MONTHS, d - 1)).toISOString().slice(0, 10);
  if (e.validTo > limit) return `Unntak etter § 7 tredje ledd gjelder bare vikariater på inntil to måneder (til og med ${limit}).`;
  return null;
}

/** The exemption covers a shift whose first and last Norwegian days are given (YYYY-MM-DD). */
export function exemptionCovers(e: Pick<Section7Exemption, 'validFrom' | 'validTo'> | null, firstDay: string, lastDay: string): boolean {
  return e !== null && e.validFrom <= firstDay && lastDay <= e.validTo;
}

/** A backup doctor must meet § 7 first paragraph; exemptions do not apply (§ 7 third paragraph). */
export function mayBeBackup(doctor: DoctorCompetence): AloneOnCallResult {
  return meetsFirstParagraph(doctor);
}

export interface RosterShift {
  id: string;
  doctorName: string;
  /** ms since epoch, start inclusive. */
  fromAt: number;
  /** ms since epoch, end exclusive. */
  toAt: number;
  isBackup: boolean;
  competence: DoctorCompetence;
}

export type RosterFlagCode = 'NO_QUALIFIED_BACKUP' | 'BACKUP_NOT_QUALIFIED';

export interface RosterFlag {
  shiftId: string;
  doctorName: string;
  code: RosterFlagCode;
  /** Norwegian text for the roster view. */
  message: string;
  reasons: string[];
  /** For NO_QUALIFIED_BACKUP: the first stretch without backup. */
  uncoveredFrom?: number;
  uncoveredTo?: number;
}

/**
 * Every stretch of [from, to) when no doctor is on call (backup shifts do not count: a backup
 * backs up someone on call). The legevakt must be staffed round the clock (døgnkontinuerlig, § 6).
 */
export function uncoveredPeriods(
  from: number,
  to: number,
  shifts: readonly { fromAt: number; toAt: number; isBackup: boolean }[],
): { from: number; to: number }[] {
  const onCall = shifts.filter((s) => !s.isBackup);
  const gaps: { from: number; to: number }[] = [];
  // Each gap ends where a shift begins (or at `to`), so the search always moves on.
  for (let at = from; at < to; ) {
    const gap = firstGap(at, to, onCall);
    if (!gap) break;
    gaps.push(gap);
    at = gap.to;
  }
  return gaps;
}

/** The first moment in [from, to) not covered by the union of intervals, or null if all covered. */
function firstGap(from: number, to: number, intervals: readonly { fromAt: number; toAt: number }[]): { from: number; to: number } | null {
  const sorted = intervals.filter((s) => s.toAt > from && s.fromAt < to).sort((a, b) => a.fromAt - b.fromAt);
  let covered = from;
  for (const s of sorted) {
    if (s.fromAt > covered) return { from: covered, to: s.fromAt };
    covered = Math.max(covered, s.toAt);
    if (covered >= to) return null;
  }
  return covered >= to ? null : { from: covered, to };
}

/**
 * Flags, per § 7, every shift that needs attention:
 *  - a non-backup shift whose doctor may not be alone, and whose whole period is not covered by
 *    backup shifts of qualified doctors (several consecutive backup shifts may together cover it);
 *  - a backup shift whose doctor does not meet § 7 first paragraph.
 */
export function rosterFlags(shifts: readonly RosterShift[]): RosterFlag[] {
  const flags: RosterFlag[] = [];
  const qualifiedBackups = shifts.filter((s) => s.isBackup && mayBeBackup(s.competence).ok);

  for (const shift of shifts) {
    if (shift.isBackup) {
      const check = mayBeBackup(shift.competence);
      if (!check.ok) {
        flags.push({
          shiftId: shift.id,
          doctorName: shift.doctorName,
          code: 'BACKUP_NOT_QUALIFIED',
          message: `${shift.doctorName} oppfyller ikke kompetansekravene for bakvakt (§ 7 annet ledd).`,
          reasons: check.reasons,
        });
      }
      continue;
    }
    const check = mayBeAloneOnCall(shift.competence);
    if (check.ok) continue;
    // A doctor cannot be their own backup.
    const backups = qualifiedBackups.filter((b) => b.doctorName !== shift.doctorName);
    const gap = firstGap(shift.fromAt, shift.toAt, backups);
    if (gap === null) continue;
    flags.push({
      shiftId: shift.id,
      doctorName: shift.doctorName,
      code: 'NO_QUALIFIED_BACKUP',
      message: `${shift.doctorName} kan ikke ha legevakt alene, og vakten mangler kvalifisert bakvakt i hele eller deler av perioden (§ 7).`,
      reasons: check.reasons,
      uncoveredFrom: gap.from,
      uncoveredTo: gap.to,
    });
  }
  return flags;
}
