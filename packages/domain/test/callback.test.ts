import { describe, expect, it } from 'vitest';
import { callbackLinkRefusal } from '../src/callback.js';

const lost = { id: 'lost', centreId: 'bergen', callerNumber: '+4791234567', ringingAt: new Date('2026-12-02T02:00:00Z') };
const later = { ...lost, id: 'later', ringingAt: new Date('2026-12-02T02:05:00Z') };

describe('linking a lost call to a later one (tilbakeringing)', () => {
  it('allows a later call from the same number at the same centre, however the number is written', () => {
    expect(callbackLinkRefusal(lost, later)).toBeNull();
    expect(callbackLinkRefusal(lost, { ...later, callerNumber: '912 34 567' })).toBeNull();
  });

  it.each([
    ['itself', { ...lost }, /seg selv/],
    ['another centre', { ...later, centreId: 'forde' }, /annen sentral/],
    ['another number', { ...later, callerNumber: '+4799999999' }, /samme nummer/],
    ['an earlier call', { ...later, ringingAt: new Date('2026-12-02T01:00:00Z') }, /etter/],
  ])('refuses %s with the reason', (_what, candidate, reason) => {
    expect(callbackLinkRefusal(lost, candidate)?.reason).toMatch(reason);
  });

  it('refuses when the lost call had no number', () => {
    expect(callbackLinkRefusal({ ...lost, callerNumber: null }, { ...later, callerNumber: null })?.reason).toMatch(/samme nummer/);
  });
});
