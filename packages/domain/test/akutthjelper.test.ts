import { describe, it, expect } from 'vitest';
import {
  AKUTTHJELPER_EVENT_LABELS,
  AKUTTHJELPER_EVENT_TYPES,
  akutthjelperEventLabel,
  checkAkutthjelperAlert,
  mayOverrideMainRule,
  rankResponders,
} from '../src/index.js';
import type { AkutthjelperAgreement, AkutthjelperAlertRequest, AkutthjelperRefusalCode } from '../src/index.js';

const TODAY = '2026-11-22';
// Covers Bergen and Askøy, and three of the four event types (not hypothermia).
const base: AkutthjelperAgreement = {
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  kommuner: ['4601', '4627'],
  eventTypes: ['HJERTESTANS', 'BEVISSTLOSHET', 'STOR_YTRE_BLODNING'],
};
const AGREEMENTS = {
  valid: base,
  expired: { ...base, validFrom: '2024-01-01', validTo: '2026-11-21' },
  'not yet valid': { ...base, validFrom: '2026-11-23', validTo: null },
} as const;
const ACTORS = {
  'AMK operator': { actorRole: 'amk_operator', actorCentreKind: 'AMK' },
  'LVS operator': { actorRole: 'lv_operator', actorCentreKind: 'LVS' },
} as const;
const KOMMUNER = { covered: '4601', 'not covered': '0301' } as const;

type Expected = { ok: true } | { ok: false; code: AkutthjelperRefusalCode; offerBistand: boolean };

function expectedFor(
  actor: keyof typeof ACTORS,
  agreement: keyof typeof AGREEMENTS,
  kommune: keyof typeof KOMMUNER,
  eventType: string,
): Expected {
  if (actor === 'LVS operator') return { ok: false, code: 'NOT_AMK', offerBistand: false };
  if (agreement !== 'valid') return { ok: false, code: 'AGREEMENT_NOT_VALID', offerBistand: true };
  if (kommune !== 'covered') return { ok: false, code: 'KOMMUNE_NOT_COVERED', offerBistand: true };
  if (!base.eventTypes.includes(eventType)) return { ok: false, code: 'EVENT_TYPE_NOT_IN_AGREEMENT', offerBistand: true };
  return { ok: true };
}

const matrix = AKUTTHJELPER_EVENT_TYPES.flatMap((eventType) =>
  (Object.keys(AGREEMENTS) as (keyof typeof AGREEMENTS)[]).flatMap((agreement) =>
    (Object.keys(KOMMUNER) as (keyof typeof KOMMUNER)[]).flatMap((kommune) =>
      (Object.keys(ACTORS) as (keyof typeof ACTORS)[]).map(
        (actor) => [eventType, agreement, kommune, actor, expectedFor(actor, agreement, kommune, eventType)] as const,
      ),
    ),
  ),
);

describe('checkAkutthjelperAlert — event type × agreement × kommune × role', () => {
  it('covers 4 × 3 × 2 × 2 cases', () => expect(matrix).toHaveLength(48));

  it.each(matrix)('%s, agreement %s, kommune %s, %s', (eventType, agreement, kommune, actor, expected) => {
    const r = checkAkutthjelperAlert({
      ...ACTORS[actor],
      eventType,
      patientKommune: KOMMUNER[kommune],
      today: TODAY,
      agreement: AGREEMENTS[agreement],
    });
    expect(r).toMatchObject(expected);
    if (!r.ok) expect(r.reason).toMatch(/[a-zæøå]{3,}/);
  });
});

describe('checkAkutthjelperAlert — other cases', () => {
  const req = (over: Partial<AkutthjelperAlertRequest>): AkutthjelperAlertRequest => ({
    actorRole: 'amk_operator',
    actorCentreKind: 'AMK',
    eventType: 'HJERTESTANS',
    patientKommune: '4601',
    today: TODAY,
    agreement: base,
    ...over,
  });

  it.each([
    ['AMK doctor may alert', req({ actorRole: 'amk_doctor' }), { ok: true }],
    ['supervisor at AMK may not', req({ actorRole: 'supervisor' }), { ok: false, code: 'NOT_AMK', offerBistand: false }],
    ['AMK operator role at an LVS may not', req({ actorCentreKind: 'LVS' }), { ok: false, code: 'NOT_AMK', offerBistand: false }],
    [
      'chest pain is not in the scheme',
      req({ eventType: 'BRYSTSMERTER' }),
      { ok: false, code: 'EVENT_TYPE_NOT_COVERED_BY_SCHEME', offerBistand: true },
    ],
    ['no event type chosen', req({ eventType: null }), { ok: false, code: 'EVENT_TYPE_NOT_COVERED_BY_SCHEME', offerBistand: true }],
    ['unknown kommune', req({ patientKommune: null }), { ok: false, code: 'NO_KOMMUNE', offerBistand: true }],
    ['first day of the agreement', req({ today: '2026-01-01' }), { ok: true }],
    ['last day of the agreement', req({ today: '2027-12-31' }), { ok: true }],
    ['day after the agreement', req({ today: '2028-01-01' }), { ok: false, code: 'AGREEMENT_NOT_VALID', offerBistand: true }],
    ['open-ended agreement', req({ today: '2040-01-01', agreement: { ...base, validTo: null } }), { ok: true }],
    [
      'LVS refusal comes before the event type check',
      req({ actorRole: 'lv_operator', actorCentreKind: 'LVS', eventType: 'BRYSTSMERTER' }),
      { ok: false, code: 'NOT_AMK' },
    ],
  ] as const)('%s', (_name, request, expected) => {
    expect(checkAkutthjelperAlert(request)).toMatchObject(expected);
  });

  it('explains in Norwegian and offers bistand', () => {
    const r = checkAkutthjelperAlert(req({ eventType: 'GENERELL_NEDKJOLING' }));
    expect(r).toMatchObject({ ok: false, code: 'EVENT_TYPE_NOT_IN_AGREEMENT' });
    expect(!r.ok && r.reason).toContain('«Fare for generell nedkjøling»');
    expect(!r.ok && r.reason).toContain('bistand');
  });

  it('has Norwegian labels for the four event types', () => {
    expect(AKUTTHJELPER_EVENT_LABELS).toEqual({
      HJERTESTANS: 'Hjertestans',
      BEVISSTLOSHET: 'Bevisstløshet / nedsatt bevissthet',
      STOR_YTRE_BLODNING: 'Stor ytre blødning',
      GENERELL_NEDKJOLING: 'Fare for generell nedkjøling',
    });
  });
});

describe('rankResponders', () => {
  const patient = { lat: 60, lon: 10 };
  const m = (id: string, dLat: number, over: object = {}) => ({
    id,
    lat: 60 + dLat,
    lon: 10,
    onDuty: true,
    trainingValidUntil: '2027-01-01',
    ...over,
  });
  const members = [
    m('far', 0.05), // 5.56 km
    m('near', 0.01), // 1.11 km
    m('mid', 0.02), // 2.22 km
    m('off-duty', 0.001, { onDuty: false }),
    m('expired', 0.001, { trainingValidUntil: '2026-11-21' }),
    m('no-training', 0.001, { trainingValidUntil: null }),
    m('expires-today', 0.03, { trainingValidUntil: TODAY }), // valid through today: 3.34 km
    m('no-position', 0, { lat: null, lon: null }),
  ];

  it('orders by distance, leaving out off-duty, expired training and unknown position', () => {
    const r = rankResponders(patient, members, TODAY);
    expect(r.map((x) => x.id)).toEqual(['near', 'mid', 'expires-today', 'far']);
    expect(r[0]?.distanceKm).toBeCloseTo(1.112, 2);
  });

  it.each([
    [{ maxKm: 3 }, ['near', 'mid']],
    [{ limit: 1 }, ['near']],
    [{ maxKm: 10, limit: 3 }, ['near', 'mid', 'expires-today']],
  ])('options %j', (options, ids) => {
    expect(rankResponders(patient, members, TODAY, options).map((x) => x.id)).toEqual(ids);
  });
});

describe('overriding the main rule (`som hovedregel`) — role × event type × agreement', () => {
  const req = (over: Partial<AkutthjelperAlertRequest>): AkutthjelperAlertRequest => ({
    actorRole: 'amk_operator',
    actorCentreKind: 'AMK',
    eventType: 'DRUKNING',
    patientKommune: '4601',
    today: TODAY,
    agreement: base,
    overrideMainRule: true,
    ...over,
  });
  it.each([
    ['AMK operator, outside the four, with override', req({}), { ok: true }],
    ['AMK doctor, outside the four, with override', req({ actorRole: 'amk_doctor' }), { ok: true }],
    ['without override it is refused', req({ overrideMainRule: false }), { ok: false, code: 'EVENT_TYPE_NOT_COVERED_BY_SCHEME' }],
    ['LVS operator never', req({ actorRole: 'lv_operator', actorCentreKind: 'LVS' }), { ok: false, code: 'NOT_AMK' }],
    ['supervisor never', req({ actorRole: 'supervisor' }), { ok: false, code: 'NOT_AMK' }],
    ['the agreement must still be in force', req({ today: '2028-01-01' }), { ok: false, code: 'AGREEMENT_NOT_VALID' }],
    ['and cover the kommune', req({ patientKommune: '0301' }), { ok: false, code: 'KOMMUNE_NOT_COVERED' }],
    ['an event type still has to be named', req({ eventType: null }), { ok: false, code: 'EVENT_TYPE_NOT_COVERED_BY_SCHEME' }],
    [
      'one of the four the agreement leaves out is not lifted',
      req({ eventType: 'GENERELL_NEDKJOLING' }),
      { ok: false, code: 'EVENT_TYPE_NOT_IN_AGREEMENT' },
    ],
  ] as const)('%s', (_name, request, expected) => {
    expect(checkAkutthjelperAlert(request)).toMatchObject(expected);
  });

  it.each([
    ['amk_operator', 'AMK', true],
    ['amk_doctor', 'AMK', true],
    ['lv_operator', 'LVS', false],
    ['amk_operator', 'LVS', false],
    ['supervisor', 'AMK', false],
    ['admin', 'AMK', false],
    ['responder', 'AMK', false],
  ] as const)('%s at %s may override: %s', (role, kind, may) => {
    expect(mayOverrideMainRule(role, kind)).toBe(may);
  });

  it('labels an event type outside the four as typed', () => {
    expect(akutthjelperEventLabel('Drukning')).toBe('Drukning');
    expect(akutthjelperEventLabel('HJERTESTANS')).toBe('Hjertestans');
  });
});
