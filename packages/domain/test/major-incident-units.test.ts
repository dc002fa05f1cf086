import { describe, expect, it } from 'vitest';
import { CHECK_IN_MARGIN_MINUTES, checkInDue, isCheckInOverdue } from '../src/major-incident-units.js';

const sent = Date.parse('2026-12-03T12:00:00Z');
const dale = { lat: 60.5853, lon: 5.8204 };
const bergenStation = { lat: 60.3913, lon: 5.3221 }; // about 33 km as the crow flies
const min = 60_000;

describe('when a unit sent to a major incident should have checked in', () => {
  it.each<[string, Parameters<typeof checkInDue>[0], number, number]>([
    // 33 km × 1.3 road ÷ 70 km/h ≈ 37 min, + 10
    ['an ambulance from Bergen by road', { kind: 'AMBULANCE_CAR', from: bergenStation, assignedAt: sent }, 45, 50],
    // 33 km ÷ 220 km/h ≈ 9 min + 5 min start-up, + 10
    ['the helicopter from Bergen, straight', { kind: 'HELICOPTER', from: bergenStation, assignedAt: sent }, 22, 26],
    ['a unit already at the place', { kind: 'AMBULANCE_CAR', from: dale, assignedAt: sent }, 10, 10],
    ['a unit whose place nobody knows: the margin alone', { kind: 'AMBULANCE_CAR', from: null, assignedAt: sent }, 10, 10],
  ])('%s', (_name, unit, atLeast, atMost) => {
    const minutes = (checkInDue(unit, dale) - sent) / min;
    expect(minutes).toBeGreaterThanOrEqual(atLeast);
    expect(minutes).toBeLessThanOrEqual(atMost);
  });

  it('takes another margin when told', () => {
    const unit = { kind: 'AMBULANCE_CAR' as const, from: dale, assignedAt: sent };
    expect(checkInDue(unit, dale, 0)).toBe(sent);
    expect(checkInDue(unit, dale)).toBe(sent + CHECK_IN_MARGIN_MINUTES * min);
  });
});

describe('a unit flagged for not checking in', () => {
  it.each<[string, number | null, number, boolean]>([
    ['before it is due', null, sent - 1, false],
    ['exactly when due', null, sent, false],
    ['a minute after', null, sent + min, true],
    ['checked in, however late', sent + 30 * min, sent + 60 * min, false],
  ])('%s', (_name, checkedInAt, now, overdue) => {
    expect(isCheckInOverdue(sent, checkedInAt, now)).toBe(overdue);
  });
});
