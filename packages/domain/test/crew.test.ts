import { describe, it, expect } from 'vitest';
import { checkCrew } from '../src/index.js';
import type { Authorisation, UnitKind } from '../src/index.js';

const crew = (...a: Authorisation[]) => a.map((authorisation) => ({ authorisation }));

describe('checkCrew (§ 11)', () => {
  it.each([
    // kind, crew, ok, problem fragment
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'AMBULANCE_WORKER'], true, null],
    ['AMBULANCE_CAR', ['PARAMEDIC', 'AMBULANCE_WORKER'], true, null],
    ['AMBULANCE_CAR', ['PARAMEDIC', 'NURSE'], true, null], // one ambulance worker + health personnel
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'DOCTOR'], true, null],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'OTHER', 'NURSE'], true, null],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER'], false, 'minst to personer'],
    ['AMBULANCE_CAR', [], false, 'minst to personer'],
    ['AMBULANCE_CAR', ['NURSE', 'NURSE'], false, 'ambulansearbeider'],
    ['AMBULANCE_CAR', ['DOCTOR', 'OTHER'], false, 'ambulansearbeider'],
    ['AMBULANCE_CAR', ['AMBULANCE_WORKER', 'OTHER'], false, 'helsepersonell'], // § 11 first paragraph, second sentence
    ['AMBULANCE_CAR', ['PARAMEDIC', 'RESCUE_CREW'], false, 'helsepersonell'],
    ['AMBULANCE_BOAT', ['OTHER', 'AMBULANCE_WORKER'], true, null], // boat driver + ambulance worker
    ['AMBULANCE_BOAT', ['OTHER', 'PARAMEDIC'], true, null],
    ['AMBULANCE_BOAT', ['PARAMEDIC'], false, 'båtfører'],
    ['AMBULANCE_BOAT', ['OTHER', 'NURSE'], false, 'ambulansearbeider'],
    ['HELICOPTER', ['PILOT', 'DOCTOR', 'RESCUE_CREW'], true, null],
    ['HELICOPTER', ['PILOT', 'DOCTOR', 'PARAMEDIC'], false, 'redningsmann'],
    ['HELICOPTER', ['PILOT', 'NURSE', 'RESCUE_CREW'], false, 'lege'],
    ['HELICOPTER', ['DOCTOR', 'RESCUE_CREW'], false, 'pilot'],
    ['PLANE', ['PILOT', 'NURSE'], true, null],
    ['PLANE', ['PILOT', 'DOCTOR'], true, null],
    ['PLANE', ['PILOT', 'PARAMEDIC'], true, null],
    ['PLANE', ['PILOT', 'AMBULANCE_WORKER'], false, 'sykepleier'],
    ['PLANE', ['NURSE', 'DOCTOR'], false, 'pilot'],
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
    const r = checkCrew('HELICOPTER', crew('OTHER'));
    expect(r.problems).toHaveLength(3);
  });
});
