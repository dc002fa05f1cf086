import { describe, it, expect } from 'vitest';
import { mayBeAloneOnCall, mayBeBackup, rosterFlags } from '../src/index.js';
import type { DoctorCompetence, RosterShift } from '../src/index.js';

const none: DoctorCompetence = {
  specialistGeneralPractice: false,
  approvedGeneralPractitioner: false,
  legevaktWatches: 0,
  monthsAsMunicipalGp: 0,
  courseEmergencyMedicine: false,
  courseViolenceAndAbuse: false,
};
const doc = (over: Partial<DoctorCompetence>): DoctorCompetence => ({ ...none, ...over });
const bothCourses = { courseEmergencyMedicine: true, courseViolenceAndAbuse: true };

const SPECIALIST = doc({ specialistGeneralPractice: true, courseViolenceAndAbuse: true });
const EXPERIENCED_GP = doc({ approvedGeneralPractitioner: true, legevaktWatches: 40, ...bothCourses });
const NEW_DOCTOR = doc({ legevaktWatches: 3, ...bothCourses });

describe('mayBeAloneOnCall (§ 7)', () => {
  it.each([
    // name, competence, ok, reason fragment
    ['specialist + violence course (§ 7 a)', SPECIALIST, true, '§ 7 a'],
    ['specialist needs no emergency course under § 7 a', doc({ specialistGeneralPractice: true, courseViolenceAndAbuse: true, courseEmergencyMedicine: false }), true, '§ 7 a'],
    ['specialist without violence course', doc({ specialistGeneralPractice: true, courseEmergencyMedicine: true }), false, 'volds- og overgrepshåndtering'],
    ['approved GP, 40 watches, both courses', EXPERIENCED_GP, true, '§ 7 b'],
    ['approved GP, 12 months, both courses', doc({ approvedGeneralPractitioner: true, monthsAsMunicipalGp: 12, ...bothCourses }), true, '§ 7 b'],
    ['approved GP, 39 watches and 11 months', doc({ approvedGeneralPractitioner: true, legevaktWatches: 39, monthsAsMunicipalGp: 11, ...bothCourses }), false, '39 av 40'],
    ['approved GP, 40 watches, no emergency course', doc({ approvedGeneralPractitioner: true, legevaktWatches: 40, courseViolenceAndAbuse: true }), false, 'kurs i akuttmedisin'],
    ['approved GP, 40 watches, no violence course', doc({ approvedGeneralPractitioner: true, legevaktWatches: 40, courseEmergencyMedicine: true }), false, 'volds- og overgrepshåndtering'],
    ['not approved GP, many watches', doc({ legevaktWatches: 200, monthsAsMunicipalGp: 24, ...bothCourses }), false, 'verken spesialist'],
    ['statsforvalter exemption', doc({ ...NEW_DOCTOR, statsforvalterExemption: true }), true, 'unntak'],
  ])('%s → ok=%s', (_name, competence, ok, fragment) => {
    const r = mayBeAloneOnCall(competence);
    expect(r.ok).toBe(ok);
    expect(r.reasons.join(' ')).toContain(fragment);
  });

  it('lists everything missing for an approved GP', () => {
    expect(mayBeAloneOnCall(doc({ approvedGeneralPractitioner: true })).reasons).toHaveLength(3);
  });

  it('an exemption never makes a backup doctor (§ 7 third paragraph)', () => {
    expect(mayBeBackup(doc({ ...NEW_DOCTOR, statsforvalterExemption: true })).ok).toBe(false);
    expect(mayBeBackup(SPECIALIST).ok).toBe(true);
  });
});

const H = 3_600_000;
const T = Date.parse('2026-11-22T15:00:00Z');
const shift = (id: string, doctorName: string, fromH: number, toH: number, isBackup: boolean, competence: DoctorCompetence): RosterShift => ({
  id,
  doctorName,
  fromAt: T + fromH * H,
  toAt: T + toH * H,
  isBackup,
  competence,
});

describe('rosterFlags', () => {
  it.each([
    ['qualified doctor alone: no flag', [shift('s1', 'Dr A', 0, 16, false, SPECIALIST)], []],
    ['unqualified doctor without backup', [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR)], ['s1:NO_QUALIFIED_BACKUP']],
    ['one backup shift covers the whole period', [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', -1, 17, true, SPECIALIST)], []],
    [
      'two consecutive backup shifts cover it together',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 0, 8, true, SPECIALIST), shift('b2', 'Dr B', 8, 16, true, EXPERIENCED_GP)],
      [],
    ],
    ['backup ends an hour early', [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 0, 15, true, SPECIALIST)], ['s1:NO_QUALIFIED_BACKUP']],
    ['backup starts an hour late', [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 1, 16, true, SPECIALIST)], ['s1:NO_QUALIFIED_BACKUP']],
    [
      'gap between two backup shifts',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 0, 8, true, SPECIALIST), shift('b2', 'Dr B', 9, 16, true, SPECIALIST)],
      ['s1:NO_QUALIFIED_BACKUP'],
    ],
    [
      'backup doctor not qualified: both flagged',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr M', 0, 16, true, NEW_DOCTOR)],
      ['b1:BACKUP_NOT_QUALIFIED', 's1:NO_QUALIFIED_BACKUP'],
    ],
    ['a doctor is not their own backup', [shift('s1', 'Dr X', 0, 16, false, doc({ specialistGeneralPractice: true })), shift('b1', 'Dr X', 0, 16, true, SPECIALIST)], ['s1:NO_QUALIFIED_BACKUP']],
    ['a backup shift on another night does not help', [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 24, 40, true, SPECIALIST)], ['s1:NO_QUALIFIED_BACKUP']],
  ])('%s', (_name, shifts, expected) => {
    const flags = rosterFlags(shifts);
    expect(flags.map((f) => `${f.shiftId}:${f.code}`).sort()).toEqual([...expected].sort());
  });

  it('reports the first uncovered stretch', () => {
    const [flag] = rosterFlags([shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 0, 8, true, SPECIALIST), shift('b2', 'Dr B', 9, 16, true, SPECIALIST)]);
    expect(flag).toMatchObject({ uncoveredFrom: T + 8 * H, uncoveredTo: T + 9 * H, doctorName: 'Dr N' });
    expect(flag?.message).toContain('kan ikke ha legevakt alene');
  });
});
