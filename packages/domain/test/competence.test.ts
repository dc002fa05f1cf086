import { describe, it, expect } from 'vitest';
import { assessCompetence, type OperatorCompetence } from '../src/index.js';

const asOf = new Date('2026-12-03T10:00:00Z');
const past = new Date('2024-05-01');
const future = new Date('2027-01-01');
const full: OperatorCompetence = {
  education: 'NURSE',
  operatorTrainingOn: past,
  clinicalPracticeConfirmed: true,
  emergencyCourseOn: past,
  violenceCourseOn: past,
};
const none: OperatorCompetence = {
  education: 'NONE',
  operatorTrainingOn: null,
  clinicalPracticeConfirmed: false,
  emergencyCourseOn: null,
  violenceCourseOn: null,
};

describe('assessCompetence', () => {
  const cases: Array<[string, Parameters<typeof assessCompetence>[0], 'AMK' | 'LVS', Partial<OperatorCompetence>, string[]]> = [
    ['AMK nurse with training', 'amk_operator', 'AMK', {}, []],
    ['AMK ambulance worker with training', 'amk_operator', 'AMK', { education: 'AMBULANCE_WORKER' }, []],
    [
      'AMK: § 8 courses are not asked',
      'amk_operator',
      'AMK',
      { emergencyCourseOn: null, violenceCourseOn: null, clinicalPracticeConfirmed: false },
      [],
    ],
    ['AMK other bachelor', 'amk_operator', 'AMK', { education: 'OTHER_HEALTH_BACHELOR' }, ['§ 15 l: operatøren må være sykepleier']],
    ['AMK without training', 'amk_operator', 'AMK', { operatorTrainingOn: null }, ['§ 15 l: tilleggsopplæring']],
    ['AMK training in the future', 'amk_operator', 'AMK', { operatorTrainingOn: future }, ['§ 15 l: tilleggsopplæring']],
    ['LVS nurse, all done', 'lv_operator', 'LVS', {}, []],
    ['LVS other health bachelor', 'lv_operator', 'LVS', { education: 'OTHER_HEALTH_BACHELOR' }, []],
    [
      'LVS ambulance worker is not a bachelor',
      'lv_operator',
      'LVS',
      { education: 'AMBULANCE_WORKER' },
      ['§ 13 f: operatøren må ha relevant helsefaglig utdanning'],
    ],
    ['LVS without clinical practice', 'lv_operator', 'LVS', { clinicalPracticeConfirmed: false }, ['§ 13 f: nødvendig klinisk praksis']],
    ['LVS without training', 'lv_operator', 'LVS', { operatorTrainingOn: null }, ['§ 13 f: tilleggsopplæring']],
    ['LVS without emergency course', 'lv_operator', 'LVS', { emergencyCourseOn: null }, ['§ 8: kurs i akuttmedisin']],
    ['LVS without violence course', 'lv_operator', 'LVS', { violenceCourseOn: future }, ['§ 8: kurs i volds- og overgrepshåndtering']],
  ];
  it.each(cases)('%s', (_name, role, kind, patch, expected) => {
    const r = assessCompetence(role, kind, { ...full, ...patch }, asOf);
    expect(r.ok).toBe(expected.length === 0);
    expect(r.problems).toHaveLength(expected.length);
    for (const [i, p] of expected.entries()) expect(r.problems[i]).toContain(p);
  });

  it('lists everything missing at once', () => {
    expect(assessCompetence('lv_operator', 'LVS', none, asOf).problems).toHaveLength(5);
    expect(assessCompetence('amk_operator', 'AMK', none, asOf).problems).toHaveLength(2);
  });

  it.each(['amk_doctor', 'supervisor', 'admin', 'auditor', 'responder'] as const)('%s is not checked', (role) => {
    expect(assessCompetence(role, 'AMK', none, asOf)).toEqual({ ok: true, problems: [] });
    expect(assessCompetence(role, 'LVS', none, asOf)).toEqual({ ok: true, problems: [] });
  });
});
