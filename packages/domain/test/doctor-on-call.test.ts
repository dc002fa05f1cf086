import { describe, it, expect } from 'vitest';
import { exemptionCovers, exemptionProblem, mayBeAloneOnCall, mayBeBackup, rosterFlags, uncoveredPeriods } from '../src/index.js';
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
    [
      'specialist needs no emergency course under § 7 a',
      doc({ specialistGeneralPractice: true, courseViolenceAndAbuse: true, courseEmergencyMedicine: false }),
      true,
      '§ 7 a',
    ],
    [
      'specialist without violence course',
      doc({ specialistGeneralPractice: true, courseEmergencyMedicine: true }),
      false,
      'volds- og overgrepshåndtering',
    ],
    ['approved GP, 40 watches, both courses', EXPERIENCED_GP, true, '§ 7 b'],
    [
      'approved GP, 12 months, both courses',
      doc({ approvedGeneralPractitioner: true, monthsAsMunicipalGp: 12, ...bothCourses }),
      true,
      '§ 7 b',
    ],
    [
      'approved GP, 39 watches and 11 months',
      doc({ approvedGeneralPractitioner: true, legevaktWatches: 39, monthsAsMunicipalGp: 11, ...bothCourses }),
      false,
      '39 av 40',
    ],
    [
      'approved GP, 40 watches, no emergency course',
      doc({ approvedGeneralPractitioner: true, legevaktWatches: 40, courseViolenceAndAbuse: true }),
      false,
      'kurs i akuttmedisin',
    ],
    [
      'approved GP, 40 watches, no violence course',
      doc({ approvedGeneralPractitioner: true, legevaktWatches: 40, courseEmergencyMedicine: true }),
      false,
      'volds- og overgrepshåndtering',
    ],
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
const shift = (
  id: string,
  doctorName: string,
  fromH: number,
  toH: number,
  isBackup: boolean,
  competence: DoctorCompetence,
): RosterShift => ({
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
    [
      'one backup shift covers the whole period',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', -1, 17, true, SPECIALIST)],
      [],
    ],
    [
      'two consecutive backup shifts cover it together',
      [
        shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR),
        shift('b1', 'Dr A', 0, 8, true, SPECIALIST),
        shift('b2', 'Dr B', 8, 16, true, EXPERIENCED_GP),
      ],
      [],
    ],
    [
      'backup ends an hour early',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 0, 15, true, SPECIALIST)],
      ['s1:NO_QUALIFIED_BACKUP'],
    ],
    [
      'backup starts an hour late',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 1, 16, true, SPECIALIST)],
      ['s1:NO_QUALIFIED_BACKUP'],
    ],
    [
      'gap between two backup shifts',
      [
        shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR),
        shift('b1', 'Dr A', 0, 8, true, SPECIALIST),
        shift('b2', 'Dr B', 9, 16, true, SPECIALIST),
      ],
      ['s1:NO_QUALIFIED_BACKUP'],
    ],
    [
      'backup doctor not qualified: both flagged',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr M', 0, 16, true, NEW_DOCTOR)],
      ['b1:BACKUP_NOT_QUALIFIED', 's1:NO_QUALIFIED_BACKUP'],
    ],
    [
      'a doctor is not their own backup',
      [shift('s1', 'Dr X', 0, 16, false, doc({ specialistGeneralPractice: true })), shift('b1', 'Dr X', 0, 16, true, SPECIALIST)],
      ['s1:NO_QUALIFIED_BACKUP'],
    ],
    [
      'a backup shift on another night does not help',
      [shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR), shift('b1', 'Dr A', 24, 40, true, SPECIALIST)],
      ['s1:NO_QUALIFIED_BACKUP'],
    ],
  ])('%s', (_name, shifts, expected) => {
    const flags = rosterFlags(shifts);
    expect(flags.map((f) => `${f.shiftId}:${f.code}`).sort()).toEqual([...expected].sort());
  });

  it('reports the first uncovered stretch', () => {
    const [flag] = rosterFlags([
      shift('s1', 'Dr N', 0, 16, false, NEW_DOCTOR),
      shift('b1', 'Dr A', 0, 8, true, SPECIALIST),
      shift('b2', 'Dr B', 9, 16, true, SPECIALIST),
    ]);
    expect(flag).toMatchObject({ uncoveredFrom: T + 8 * H, uncoveredTo: T + 9 * H, doctorName: 'Dr N' });
    expect(flag?.message).toContain('kan ikke ha legevakt alene');
  });
});

describe('uncoveredPeriods (døgnkontinuerlig legevakt, § 6)', () => {
  const h = (n: number) => n * 3_600_000;
  const shift = (from: number, to: number, isBackup = false) => ({ fromAt: h(from), toAt: h(to), isBackup });
  it.each([
    ['a fully covered day', [shift(0, 8), shift(8, 16), shift(16, 24)], []],
    ['overlapping shifts', [shift(0, 10), shift(8, 24)], []],
    ['a hole in the night', [shift(0, 8), shift(10, 24)], [[8, 10]]],
    [
      'nothing before the first nor after the last',
      [shift(6, 18)],
      [
        [0, 6],
        [18, 24],
      ],
    ],
    ['a backup alone covers nothing', [shift(0, 24, true)], [[0, 24]]],
    [
      'several holes',
      [shift(1, 2), shift(3, 4), shift(5, 24)],
      [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
    ],
    ['an empty roster', [], [[0, 24]]],
  ])('%s', (_name, shifts, expected) => {
    expect(uncoveredPeriods(0, h(24), shifts).map((g) => [g.from / h(1), g.to / h(1)])).toEqual(expected);
  });
});

describe('§ 7 third paragraph exemption', () => {
  it.each([
    [{ validFrom: '2026-12-01', validTo: '2027-01-31' }, null],
    [
      { validFrom: '2026-12-01', validTo: '2027-02-01' },
      'Unntak etter § 7 tredje ledd gjelder bare vikariater på inntil to måneder (til og med 2027-01-31).',
    ],
    [{ validFrom: '2026-12-31', validTo: '2027-02-28' }, null],
    [{ validFrom: '2026-12-10', validTo: '2026-12-09' }, 'Unntaket slutter før det begynner.'],
  ])('%o: %s', (e, problem) => {
    expect(exemptionProblem(e)).toBe(problem);
  });
  it('covers only shifts wholly inside the post', () => {
    const e = { reference: 'SF 2026/1234', validFrom: '2026-12-01', validTo: '2026-12-31' };
    expect(exemptionCovers(e, '2026-12-01', '2026-12-02')).toBe(true);
    expect(exemptionCovers(e, '2026-12-31', '2027-01-01')).toBe(false);
    expect(exemptionCovers(null, '2026-12-05', '2026-12-05')).toBe(false);
  });
});
