import { describe, it, expect } from 'vitest';
import { UNIT_STATUSES, canTransition, isAvailable, releaseStatus, statusLabel } from '../src/index.js';
import type { UnitStatus } from '../src/index.js';

// The full matrix: Y = allowed, . = refused. Rows = from, columns = to, in UNIT_STATUSES order:
//                          STN MOV ALR ENR SCN TRP HOS UNA OOS
const MATRIX: Record<UnitStatus, string> = {
  AVAILABLE_AT_STATION: '  Y   Y   Y   .   .   .   .   Y   Y',
  AVAILABLE_ON_THE_MOVE: ' Y   Y   Y   .   Y   .   .   Y   Y',
  ALERTED: '               Y   Y   Y   Y   Y   .   .   Y   Y',
  EN_ROUTE: '              Y   Y   Y   Y   Y   .   .   Y   Y',
  ON_SCENE: '              .   Y   .   .   Y   Y   .   Y   Y',
  TRANSPORTING: '          .   Y   .   .   .   Y   Y   Y   Y',
  AT_HOSPITAL: '           .   Y   .   .   .   Y   Y   Y   Y',
  UNAVAILABLE: '           Y   Y   .   .   .   .   .   Y   Y',
  OUT_OF_SERVICE: '        Y   .   .   .   .   .   .   .   Y',
};

const cases = UNIT_STATUSES.flatMap((from) => {
  const marks = MATRIX[from].trim().split(/\s+/);
  return UNIT_STATUSES.map((to, i) => [from, to, marks[i] === 'Y'] as const);
});

describe('canTransition — full matrix', () => {
  it('the matrix has 9 × 9 cells', () => expect(cases).toHaveLength(81));

  it.each(cases)('%s → %s allowed=%s', (from, to, allowed) => {
    const r = canTransition(from, to);
    expect(r.ok).toBe(allowed);
    if (!r.ok) {
      expect(r.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(r.reason).toContain(`«${statusLabel(from)}»`);
      expect(r.reason).toContain(`«${statusLabel(to)}»`);
    }
  });
});

describe('canTransition — reasons', () => {
  it.each([
    [
      'AVAILABLE_AT_STATION',
      'TRANSPORTING',
      'ON_SCENE_FIRST',
      'Kan ikke gå fra «Ledig på stasjon» til «Transporterer pasient»: enheten må først være på stedet.',
    ],
    ['AVAILABLE_AT_STATION', 'EN_ROUTE', 'ALERT_FIRST', 'Kan ikke gå fra «Ledig på stasjon» til «På vei»: enheten må først varsles.'],
    [
      'ON_SCENE',
      'AT_HOSPITAL',
      'TRANSPORT_FIRST',
      'Kan ikke gå fra «På stedet» til «Ankommet sykehus»: enheten må først transportere pasient.',
    ],
    [
      'TRANSPORTING',
      'ALERTED',
      'MUST_BE_AVAILABLE',
      'Kan ikke gå fra «Transporterer pasient» til «Varslet»: enheten må være ledig for å kunne varsles.',
    ],
  ] as const)('%s → %s', (from, to, hint, reason) => {
    expect(canTransition(from, to)).toEqual({ ok: false, code: 'TRANSITION_NOT_ALLOWED', hint, reason });
  });

  it('explains that an out-of-service unit must go through the station', () => {
    const r = canTransition('OUT_OF_SERVICE', 'AVAILABLE_ON_THE_MOVE');
    expect(!r.ok && r.reason).toMatch(/ute av drift må først meldes ledig på stasjon/);
  });
});

describe('isAvailable and statusLabel', () => {
  it.each([
    ['AVAILABLE_AT_STATION', true, 'Ledig på stasjon', 'Available at station'],
    ['AVAILABLE_ON_THE_MOVE', true, 'Ledig ute', 'Available on the move'],
    ['ALERTED', false, 'Varslet', 'Alerted'],
    ['EN_ROUTE', false, 'På vei', 'En route'],
    ['ON_SCENE', false, 'På stedet', 'On scene'],
    ['TRANSPORTING', false, 'Transporterer pasient', 'Transporting patient'],
    ['AT_HOSPITAL', false, 'Ankommet sykehus', 'At hospital'],
    ['UNAVAILABLE', false, 'Utilgjengelig', 'Unavailable'],
    ['OUT_OF_SERVICE', false, 'Ute av drift', 'Out of service'],
  ] as const)('%s', (status, available, nb, en) => {
    expect(isAvailable(status)).toBe(available);
    expect(statusLabel(status, 'nb')).toBe(nb);
    expect(statusLabel(status, 'en')).toBe(en);
    expect(statusLabel(status)).toBe(nb);
  });
});

describe('releaseStatus — a closed or cancelled mission frees its units', () => {
  it.each([
    ['ALERTED', 'AVAILABLE_AT_STATION'], // had not left
    ['EN_ROUTE', 'AVAILABLE_ON_THE_MOVE'],
    ['ON_SCENE', 'AVAILABLE_ON_THE_MOVE'],
    ['TRANSPORTING', 'AVAILABLE_ON_THE_MOVE'],
    ['AT_HOSPITAL', 'AVAILABLE_ON_THE_MOVE'],
    ['AVAILABLE_AT_STATION', null],
    ['AVAILABLE_ON_THE_MOVE', null],
    ['UNAVAILABLE', null],
    ['OUT_OF_SERVICE', null],
  ] as [UnitStatus, UnitStatus | null][])('%s → %s', (from, to) => {
    expect(releaseStatus(from)).toBe(to);
    if (to) expect(canTransition(from, to).ok).toBe(true);
  });

  it('never leaves a unit alerted', () => {
    for (const s of UNIT_STATUSES) expect(releaseStatus(s) ?? s).not.toBe('ALERTED');
  });
});
