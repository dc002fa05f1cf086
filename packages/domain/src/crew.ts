// § 11 crew composition (akuttmedisinforskriften), read literally:
//   first paragraph   ambulance car: at least two; at least one authorised ambulance worker; where
//                     there is only one, the other has authorisation or licence as health
//                     personnel; both hold a driving licence for the vehicle class and the
//                     certificate for drivers of emergency vehicles
//   second paragraph  ambulance car: manned on site (tilstedevakt); an exception only where there
//                     are few acute missions a year and the car can be manned within a
//                     responsible time after the alert (decided for the car, kept as a reference)
//   third paragraph   ambulance boat: a boat driver and at least one authorised ambulance worker
//   fourth paragraph  ambulance plane: a nurse; ambulance and rescue helicopter: a doctor and a
//                     rescue man
//   sixth paragraph   a temporary post (vikariat) of up to two months may be exempt from the
//                     driving licence and certificate of the first paragraph
// The verdict is a rule, not a flag: a unit whose crew fails cannot become available, is not
// recommended and is not put on a mission unless an operator overrides with a reason.
import type { Authorisation, CrewManning, UnitKind } from './vocabulary.js';

export interface CrewMember {
  authorisation: Authorisation;
  /** Named in the problems when given. */
  personName?: string;
  /** Driving licence for the vehicle class (førerkort for kjøretøyklassen); absent: held. */
  drivingLicence?: boolean;
  /** Kompetansebevis for førere av utrykningskjøretøy; absent: held. */
  emergencyDrivingCertificate?: boolean;
  /** A temporary post (vikariat), first and last day as YYYY-MM-DD. */
  temporaryPost?: { from: string; to: string } | null;
}

export interface CrewCheckOptions {
  /** The shift's date (YYYY-MM-DD, Norwegian calendar) for the temporary-post exemption. */
  on?: string;
  /** The shift is on site (tilstedevakt, the rule) or on call from home; absent: on site. */
  manning?: CrewManning;
  /** The car has the second paragraph's low-volume exception (its reference); absent: none. */
  onCallExemptionRef?: string | null;
}

export interface CrewCheck {
  ok: boolean;
  /** All problems, in Norwegian, joined into one sentence list; absent when ok. */
  problem?: string;
  problems: string[];
}

/** The kinds § 11 speaks of. A legevakt car is checked (it must bring the doctor) but not under § 11. */
export function isSubjectToSection11(kind: UnitKind): boolean {
  return kind === 'AMBULANCE_CAR' || kind === 'AMBULANCE_BOAT' || kind === 'HELICOPTER' || kind === 'PLANE';
}

/** A paramedic holds authorisation as ambulance worker (paramedic is a further education of it). */
function isAmbulanceWorker(a: Authorisation): boolean {
  return a === 'AMBULANCE_WORKER' || a === 'PARAMEDIC';
}

/** Health personnel with authorisation or licence (helsepersonell med autorisasjon eller lisens). */
function isHealthPersonnel(a: Authorisation): boolean {
  return isAmbulanceWorker(a) || a === 'HEALTH_PERSONNEL' || a === 'NURSE' || a === 'DOCTOR';
}

function count(crew: readonly CrewMember[], test: (a: Authorisation) => boolean): number {
  return crew.reduce((n, m) => (test(m.authorisation) ? n + 1 : n), 0);
}

/** The last day a temporary post may have to count as "up to two months" (same day two months on, or the month's last). */
function twoMonthsOn(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const month = m + 2;
  const year = y + Math.floor((month - 1) / 12);
  const mm = ((month - 1) % 12) + 1;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** § 11 sixth paragraph: a temporary post of at most two months, in force on the shift's date. */
export function temporaryPostExempt(post: { from: string; to: string } | null | undefined, on: string | undefined): boolean {
  if (!post || !on) return false;
  return post.from <= post.to && post.to <= twoMonthsOn(post.from) && post.from <= on && on <= post.to;
}

function who(m: CrewMember, i: number): string {
  return m.personName?.trim() || `person ${i + 1}`;
}

export function checkCrew(kind: UnitKind, crew: readonly CrewMember[], opts: CrewCheckOptions = {}): CrewCheck {
  const problems: string[] = [];
  const has = (a: Authorisation): boolean => crew.some((m) => m.authorisation === a);

  switch (kind) {
    case 'AMBULANCE_CAR': {
      if (crew.length < 2) problems.push(`Ambulansebil skal være bemannet med minst to personer (har ${crew.length}).`);
      const workers = count(crew, isAmbulanceWorker);
      if (workers === 0) problems.push('Minst én i besetningen må ha autorisasjon som ambulansearbeider.');
      else if (workers === 1 && crew.length >= 2 && count(crew, isHealthPersonnel) < 2)
        problems.push('Når det bare er én ambulansearbeider, må den andre ha autorisasjon eller lisens som helsepersonell.');
      crew.forEach((m, i) => {
        const missing = [
          m.drivingLicence === false && 'førerkort for kjøretøyklassen',
          m.emergencyDrivingCertificate === false && 'kompetansebevis for utrykningskjøretøy',
        ].filter(Boolean);
        if (missing.length === 0) return;
        if (temporaryPostExempt(m.temporaryPost, opts.on)) return; // sixth paragraph
        const note = m.temporaryPost ? ' (vikariatet gir ikke unntak: det varer mer enn to måneder eller gjelder ikke i dag)' : '';
        problems.push(`${who(m, i)} mangler ${missing.join(' og ')}${note}.`);
      });
      if (opts.manning === 'ON_CALL' && !opts.onCallExemptionRef?.trim())
        problems.push(
          'Ambulansebilen skal være bemannet med tilstedevakt (§ 11 annet ledd); hjemmevakt krever et vedtatt unntak for bilen (lavt antall akuttoppdrag).',
        );
      break;
    }
    case 'AMBULANCE_BOAT':
      if (!has('BOAT_DRIVER')) problems.push('Ambulansebåt skal ha båtfører.');
      if (count(crew, isAmbulanceWorker) === 0)
        problems.push('Ambulansebåt skal i tillegg til båtfører ha minst én med autorisasjon som ambulansearbeider.');
      break;
    case 'HELICOPTER':
      if (!has('DOCTOR')) problems.push('Ambulansehelikopter skal være bemannet med lege.');
      if (!has('RESCUE_CREW')) problems.push('Ambulansehelikopter skal være bemannet med redningsmann.');
      break;
    case 'PLANE':
      if (!has('NURSE')) problems.push('Ambulansefly skal være bemannet med sykepleier.');
      break;
    case 'LEGEVAKT_CAR':
      // Not § 11: the legevakt car exists to bring the doctor on call out (§ 9).
      if (!has('DOCTOR')) problems.push('Legevaktbil må ha lege i vakt med.');
      break;
  }

  return problems.length === 0 ? { ok: true, problems } : { ok: false, problem: problems.join(' '), problems };
}
