import { describe, it, expect } from 'vitest';
import { checkCrew, isSubjectToSection11, temporaryPostExempt } from '../src/index.js';
import type { Authorisation, CrewMember, UnitKind } from '../src/index.js';

const crew = (...a: Authorisation[]) => a.map((authorisation) => ({ authorisation }));

describe('checkCrew (§ 11, read literally)', () => {
  it.each([
    // kind, crew, ok, problem fragment
    // first paragraph: cars
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'AMBULANCE_WORKER'], true, null],
    ['AMBULANCE_CAR', ['PARAMEDIC', 'AMBULANCE_WORKER'], true, null],
    ['AMBULANCE_CAR', ['PARAMEDIC', 'NURSE'], true, null], // one ambulance worker + health personnel
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'DOCTOR'], true, null],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'HEALTH_PERSONNEL'], true, null],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'OTHER', 'NURSE'], true, null],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER'], false, 'minst to personer (har 1)'],
    ['AMBULANCE_CAR', [], false, 'minst to personer (har 0)'],
    ['AMBULANCE_CAR', ['NURSE', 'NURSE'], false, 'autorisasjon som ambulansearbeider'],
    ['AMBULANCE_CAR', ['DOCTOR', 'OTHER'], false, 'autorisasjon som ambulansearbeider'],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'OTHER'], false, 'helsepersonell'], // first paragraph, second sentence
    ['AMBULANCE_CAR', ['PARAMEDIC', 'RESCUE_CREW'], false, 'helsepersonell'],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'BOAT_DRIVER'], false, 'helsepersonell'],
    // third paragraph: boats
    ['AMBULANCE_BOAT', ['BOAT_DRIVER', 'AMBULANCE_WORKER'], true, null],
    ['AMBULANCE_BOAT', ['BOAT_DRIVER', 'PARAMEDIC', 'NURSE'], true, null],
    ['AMBULANCE_BOAT', ['OTHER', 'AMBULANCE_WORKER'], false, 'båtfører'],
    ['AMBULANCE_BOAT', ['PARAMEDIC'], false, 'båtfører'],
    ['AMBULANCE_BOAT', ['BOAT_DRIVER', 'NURSE'], false, 'ambulansearbeider'],
    // fourth paragraph: the helicopter needs a doctor and a rescue man, the plane a nurse
    ['HELICOPTER', ['PILOT', 'DOCTOR', 'RESCUE_CREW'], true, null],
    ['HELICOPTER', ['DOCTOR', 'RESCUE_CREW'], true, null], // the pilot is aviation law, not § 11
    ['HELICOPTER', ['PILOT', 'DOCTOR', 'PARAMEDIC'], false, 'redningsmann'],
    ['HELICOPTER', ['PILOT', 'NURSE', 'RESCUE_CREW'], false, 'lege'],
    ['PLANE', ['PILOT', 'NURSE'], true, null],
    ['PLANE', ['PILOT', 'DOCTOR'], false, 'sykepleier'], // literally: a nurse
    ['PLANE', ['PILOT', 'PARAMEDIC'], false, 'sykepleier'],
    ['PLANE', ['PILOT', 'AMBULANCE_WORKER'], false, 'sykepleier'],
    // not § 11: the legevakt car brings the doctor on call
    ['LEGEVAKT_CAR', ['DOCTOR'], true, null],
    ['LEGEVAKT_CAR', ['DOCTOR', 'OTHER'], true, null],
    ['LEGEVAKT_CAR', ['NURSE', 'OTHER'], false, 'lege'],
  ] as [UnitKind, Authorisation[], boolean, string | null][])('%s with %j → ok=%s', (kind, members, ok, fragment) => {
    const r = checkCrew(kind, crew(...members));
    expect(r.ok).toBe(ok);
    if (fragment === null) {
      expect(r.problem).toBeUndefined();
      expect(r.problems).toEqual([]);
    } else {
      expect(r.problem).toContain(fragment);
    }
  });

  it('lists every problem at once', () => {
    expect(checkCrew('HELICOPTER', crew('OTHER')).problems).toHaveLength(2);
    expect(checkCrew('AMBULANCE_CAR', [{ authorisation: 'NURSE', drivingLicence: false }]).problems).toHaveLength(3);
  });
});

describe('driving licence and emergency-driving certificate (§ 11 first and sixth paragraphs)', () => {
  const worker = (over: Partial<CrewMember>): CrewMember => ({ authorisation: 'AMBULANCE_WORKER', personName: 'Kari', ...over });
  const other: CrewMember = { authorisation: 'PARAMEDIC', personName: 'Ola' };
  it.each([
    // member, shift date, ok, fragment
    [{}, '2026-12-02', true, null],
    [{ drivingLicence: true, emergencyDrivingCertificate: true }, '2026-12-02', true, null],
    [{ drivingLicence: false }, '2026-12-02', false, 'Kari mangler førerkort for kjøretøyklassen.'],
    [{ emergencyDrivingCertificate: false }, '2026-12-02', false, 'Kari mangler kompetansebevis for utrykningskjøretøy.'],
    [
      { drivingLicence: false, emergencyDrivingCertificate: false },
      '2026-12-02',
      false,
      'førerkort for kjøretøyklassen og kompetansebevis',
    ],
    // a temporary post of up to two months, in force on the day: exempt
    [{ drivingLicence: false, temporaryPost: { from: '2026-11-15', to: '2027-01-15' } }, '2026-12-02', true, null],
    [{ emergencyDrivingCertificate: false, temporaryPost: { from: '2026-12-02', to: '2026-12-02' } }, '2026-12-02', true, null],
    [{ drivingLicence: false, temporaryPost: { from: '2026-12-31', to: '2027-02-28' } }, '2027-01-10', true, null], // month end
    // longer than two months, not yet begun, over, or no date to judge by: no exemption
    [{ drivingLicence: false, temporaryPost: { from: '2026-11-15', to: '2027-01-16' } }, '2026-12-02', false, 'vikariatet gir ikke unntak'],
    [{ drivingLicence: false, temporaryPost: { from: '2026-12-03', to: '2027-01-15' } }, '2026-12-02', false, 'vikariatet gir ikke unntak'],
    [{ drivingLicence: false, temporaryPost: { from: '2026-10-01', to: '2026-11-30' } }, '2026-12-02', false, 'vikariatet gir ikke unntak'],
    [{ drivingLicence: false, temporaryPost: { from: '2026-11-15', to: '2027-01-15' } }, undefined, false, 'vikariatet gir ikke unntak'],
  ] as [Partial<CrewMember>, string | undefined, boolean, string | null][])('%j on %s → ok=%s', (over, on, ok, fragment) => {
    const r = checkCrew('AMBULANCE_CAR', [worker(over), other], on ? { on } : {});
    expect(r.ok).toBe(ok);
    if (fragment) expect(r.problem).toContain(fragment);
  });

  it('applies to cars only: a boat driver needs no emergency-driving certificate', () => {
    expect(
      checkCrew('AMBULANCE_BOAT', [
        { authorisation: 'BOAT_DRIVER', emergencyDrivingCertificate: false },
        { authorisation: 'AMBULANCE_WORKER', drivingLicence: false },
      ]).ok,
    ).toBe(true);
  });

  it.each([
    [{ from: '2026-01-31', to: '2026-03-31' }, '2026-02-15', true],
    [{ from: '2026-01-31', to: '2026-04-01' }, '2026-02-15', false],
    [{ from: '2026-11-01', to: '2027-01-01' }, '2027-01-01', true],
    [{ from: '2026-11-10', to: '2026-11-01' }, '2026-11-05', false], // ends before it begins
  ])('temporaryPostExempt(%j, %s) = %s', (post, on, exempt) => expect(temporaryPostExempt(post, on)).toBe(exempt));
});

describe('tilstedevakt (§ 11 second paragraph)', () => {
  const two = crew('PARAMEDIC', 'AMBULANCE_WORKER');
  it.each<[string, UnitKind, Parameters<typeof checkCrew>[2], boolean]>([
    ['a car on site', 'AMBULANCE_CAR', { manning: 'ON_SITE' }, true],
    ['a car with nothing said is on site', 'AMBULANCE_CAR', {}, true],
    ['a car on call from home without an exception', 'AMBULANCE_CAR', { manning: 'ON_CALL' }, false],
    ['a car on call with a blank reference', 'AMBULANCE_CAR', { manning: 'ON_CALL', onCallExemptionRef: '  ' }, false],
    [
      'a car on call under its low-volume exception',
      'AMBULANCE_CAR',
      { manning: 'ON_CALL', onCallExemptionRef: 'HF vedtak 2024/17' },
      true,
    ],
    ['a boat on call: the paragraph speaks of cars', 'AMBULANCE_BOAT', { manning: 'ON_CALL' }, true],
  ])('%s', (_name, kind, opts, ok) => {
    const members = kind === 'AMBULANCE_BOAT' ? crew('BOAT_DRIVER', 'AMBULANCE_WORKER') : two;
    const check = checkCrew(kind, members, opts);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.problem).toContain('tilstedevakt (§ 11 annet ledd)');
  });

  it('adds to the other problems rather than hiding them', () => {
    const check = checkCrew('AMBULANCE_CAR', crew('PARAMEDIC'), { manning: 'ON_CALL' });
    expect(check.problems).toHaveLength(2);
  });
});

describe('what § 11 covers, and the refusal', () => {
  it.each([
    ['AMBULANCE_CAR', true],
    ['AMBULANCE_BOAT', true],
    ['HELICOPTER', true],
    ['PLANE', true],
    ['LEGEVAKT_CAR', false],
  ] as [UnitKind, boolean][])('%s subject to § 11: %s', (kind, subject) => expect(isSubjectToSection11(kind)).toBe(subject));
});
