// § 11 crew composition: checked when a unit goes on duty (status AVAILABLE_AT_STATION) so that
// a unit that does not meet the regulation never appears as free on the board.
import type { UnitKind } from './vocabulary.js';

export type Authorisation = 'AMBULANCE_WORKER' | 'PARAMEDIC' | 'NURSE' | 'DOCTOR' | 'RESCUE_CREW' | 'PILOT' | 'OTHER' | 'HEALTH_PERSONNEL' | 'BOAT_DRIVER';

export interface CrewMember {
  authorisation: Authorisation;
}

export interface CrewCheck {
  ok: boolean;
  /** All problems, in Norwegian, joined into one sentence list; absent when ok. */
  problem?: string;
  problems: string[];
}

/** A paramedic holds authorisation as ambulance worker (paramedic is a further education of it). */
function isAmbulanceWorker(a: Authorisation): boolean {
  return a === 'AMBULANCE_WORKER' || a === 'PARAMEDIC';
}

/** Authorised health personnel (helsepersonell med autorisasjon eller lisens). */
function isHealthPersonnel(a: Authorisation): boolean {
  return a === 'AMBULANCE_WORKER' || a === 'PARAMEDIC' || a === 'NURSE' || a === 'DOCTOR';
}

function count(crew: readonly CrewMember[], test: (a: Authorisation) => boolean): number {
  return crew.reduce((n, m) => (test(m.authorisation) ? n + 1 : n), 0);
}

export function checkCrew(kind: UnitKind, crew: readonly CrewMember[]): CrewCheck {
  const problems: string[] = [];
  const has = (a: Authorisation): boolean => crew.some((m) => m.authorisation === a);

  switch (kind) {
    case 'AMBULANCE_CAR':
      // § 11 first paragraph: at least two, at least one authorised ambulance worker; where there
      // is only one ambulance worker, the other must be authorised/licensed health personnel.
      if (crew.length < 2) problems.push(`Ambulansebil skal ha minst to personer i besetningen (har ${crew.length}).`);
      if (count(crew, isAmbulanceWorker) === 0) problems.push('Minst én i besetningen må ha autorisasjon som ambulansearbeider eller være paramedic.');
      else if (crew.length >= 2 && count(crew, isHealthPersonnel) < 2)
        problems.push('Når det bare er én ambulansearbeider, må den andre ha autorisasjon eller lisens som helsepersonell.');
      break;
    case 'AMBULANCE_BOAT':
      // § 11 third paragraph: a boat driver plus at least one authorised ambulance worker.
      if (crew.length < 2) problems.push(`Ambulansebåt skal ha båtfører og minst én ambulansearbeider (har ${crew.length} person${crew.length === 1 ? '' : 'er'}).`);
      if (count(crew, isAmbulanceWorker) === 0) problems.push('Minst én i besetningen må ha autorisasjon som ambulansearbeider eller være paramedic.');
      break;
    case 'HELICOPTER':
      // § 11 fourth paragraph: doctor and rescue crew member; the aircraft needs its pilot.
      if (!has('PILOT')) problems.push('Ambulansehelikopter mangler pilot.');
      if (!has('DOCTOR')) problems.push('Ambulansehelikopter skal være bemannet med lege.');
      if (!has('RESCUE_CREW')) problems.push('Ambulansehelikopter skal være bemannet med redningsmann.');
      break;
    case 'PLANE':
      // § 11 fourth paragraph names a nurse; a doctor or paramedic is accepted as the health person.
      if (!has('PILOT')) problems.push('Ambulansefly mangler pilot.');
      if (!crew.some((m) => m.authorisation === 'NURSE' || m.authorisation === 'DOCTOR' || m.authorisation === 'PARAMEDIC'))
        problems.push('Ambulansefly skal være bemannet med sykepleier (eller lege/paramedic).');
      break;
    case 'LEGEVAKT_CAR':
      // The legevakt car exists to bring the doctor on call out (§ 9: able to turn out at once).
      if (!has('DOCTOR')) problems.push('Legevaktbil må ha lege i vakt med.');
      break;
  }

  return problems.length === 0 ? { ok: true, problems } : { ok: false, problem: problems.join(' '), problems };
}
